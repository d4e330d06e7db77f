/**
 * The deploy's part of the message catalogue (messages.ts has the rest and
 * picks the language): everything `nisshi deploy` prints — its help, plan
 * lines, progress, summaries, refusals, lock messages, AWS failures, rollback
 * and history — in Japanese (the default) and English. Kept in its own module
 * so the deploy's sentences can change without touching the other commands'.
 * Flags, paths, environment variables, S3 keys and AWS permission names stay
 * as they are in both languages: they are what the reader types or searches.
 */
import type { MessageLanguage } from './messages.ts';

type Phase = 'hashed' | 'other' | 'html' | 'feeds';
type Reason = 'new' | 'content' | 'headers';

/** The lock's facts the messages show (lock.ts's LockRecord has them). */
export interface LockFacts {
  owner: string;
  host: string;
  pid: number;
  operation: 'deploy' | 'rollback';
  startedAt: string;
  expiresAt: string;
}

export type LockVerdictName = 'live' | 'expired' | 'dead' | 'unreadable';

export interface GuardFigures {
  count: number;
  remoteCount: number;
  share: number;
  guard: { maxDeletes: number; maxDeleteShare: number };
}

export interface SummaryFacts {
  dryRun: boolean;
  where: string;
  uploads: number;
  bytes: string;
  deletes: number;
  unchanged: number;
  cloudFront: boolean;
  invalidated: number;
  pendingCarried: number;
  invalidationId: string | undefined;
  scanned: number;
  skipped: number;
  resumed: number;
  seconds: string;
}

export interface RollbackFacts {
  dryRun: boolean;
  where: string;
  from: string;
  to: string;
  restored: number;
  deleted: number;
  unchanged: number;
  invalidated: number;
  invalidationId: string | undefined;
  seconds: string;
}

export interface HistoryFacts {
  kind: 'deploy' | 'rollback';
  commit?: string | undefined;
  restored?: string | undefined;
  uploaded: number;
  deleted: number;
  objectCount: number | undefined;
}

/** ISO time without milliseconds: 2025-08-04T03:00:00Z. */
const at = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z');

const phasesJa: Record<Phase, string> = { hashed: 'ハッシュ付き', other: 'その他', html: 'ページ', feeds: 'フィード' };
const reasonsJa: Record<Reason, string> = { new: '新規', content: '内容', headers: 'ヘッダー' };
const kindsJa: Readonly<Record<string, string>> = {
  'AWS access key id': 'AWS のアクセスキー ID',
  'AWS secret access key': 'AWS のシークレットアクセスキー',
  'private key': '秘密鍵',
  'GitHub token': 'GitHub のトークン',
  'Slack token': 'Slack のトークン',
  'Slack webhook': 'Slack の Webhook URL',
  'Google API key': 'Google の API キー',
  'Stripe key': 'Stripe のキー',
  'Stripe webhook secret': 'Stripe の Webhook シークレット',
  'npm token': 'npm のトークン',
  '.env secret': '.env の秘密の値',
  unreadable: '読み切れないファイル',
};

const holderJa = (lock: LockFacts) =>
  `${lock.owner}（${lock.host} の pid ${lock.pid}、${lock.operation === 'rollback' ? 'ロールバック' : 'デプロイ'}、${at(lock.startedAt)} から、期限 ${at(lock.expiresAt)}）`;
const verdictJa = (verdict: LockVerdictName, lock: LockFacts | undefined) =>
  verdict === 'expired' && lock
    ? `期限 ${at(lock.expiresAt)} を過ぎても更新されていません`
    : verdict === 'dead' && lock
      ? `それを持つ pid ${lock.pid} はこのホスト（${lock.host}）でもう動いていません`
      : 'nisshi のロックとして読めません';

const ja = {
  helpText: (defaults: { maxDeletes: number; maxDeleteShare: number; lockWait: number }) => `使い方: nisshi deploy [オプション]
       nisshi deploy --rollback [オプション]
       nisshi deploy --history [オプション]

ビルドしたサイト（dist/）を S3 に公開し、変わったところだけ CloudFront のキャッシュを消します。
バイトかヘッダーが違うファイルだけを上げ、nisshi が上げてもうビルドにないものだけを消し（ほかは消しません）、
下書きや秘密情報を含むビルドは公開しません。書き込む前に（--dry-run でも）、認証情報、バケット、
ディストリビューションがそのバケットを配信していること、dist/ が logs/ と src/ より新しいことを確かめます。
同じバケットとプレフィックスへの公開とロールバックは一度にひとつだけです（.nisshi/lock.json のロック）。

npm から使うときは -- の後にオプションを書きます:  npm run deploy -- --dry-run
（npm run deploy --dry-run の --dry-run は npm 自身のオプションになり、nisshi は実行を止めます）。npm run deploy:plan でも同じです。

オプション:
  --dist <フォルダ>          ビルドしたサイト（既定: dist）
  --bucket <名前>            S3 バケット（既定: $NISSHI_S3_BUCKET）
  --prefix <フォルダ>        バケットの中の公開先のフォルダ（既定: バケットの直下）
  --distribution-id <ID>     CloudFront ディストリビューション（既定: $NISSHI_CLOUDFRONT_DISTRIBUTION_ID。なければ無効化しない）
  --region <リージョン>      バケットのリージョン（既定: $AWS_REGION かプロファイルの設定）
  --concurrency <n>          同時に送るリクエストの数（既定: 16）
  --max-attempts <n>         1 リクエストの試行回数。スロットリングと 5xx は間をあけて再試行（既定: 5）
  --max-deletes <n>          計画がこれより多く消すなら止まる（既定: ${defaults.maxDeletes}）
  --max-delete-share <p>     計画がこの割合（0〜1）より多く消すなら止まる（既定: ${defaults.maxDeleteShare}）
  --force                    上の上限を超える計画でも実行する
  --prune-foreign            nisshi が上げていないオブジェクトも消す（上の上限は効いたまま）
  --allow-stale              ログやソースより古い dist/ でも公開する
  --dry-run                  計画を表示するだけで何も書き込まない
  --rollback                 ひとつ前の公開の状態に戻す（ビルド不要。もう一度実行するとさらに前へ）
  --history                  最近の公開とロールバックを一覧する
  --verify                   マニフェストを信じず、すべてのオブジェクトのヘッダーを確かめる（HEAD）
  --wait                     CloudFront の無効化が終わるまで待つ
  --lock-wait <秒>           別の公開がロックを持っているとき待つ長さ（既定: ${defaults.lockWait}。0 なら待たずに止まる）
  --break-lock               期限切れ（持ち主が止まった）ロックを外してから実行する
  --json                     結果を JSON で表示する
  -h, --help                 この説明を表示する

認証情報は AWS SDK の既定の順で探します（AWS_PROFILE、AWS_ACCESS_KEY_ID、SSO、ロール）。
AWS_ENDPOINT_URL_S3 と AWS_ENDPOINT_URL_CLOUDFRONT でほかのサーバーに向けられます。
メッセージは既定で日本語です。NISSHI_LANG=en（または設定の locale: 'en'）で英語になります。
`,
  // Configuration
  npmTookDryRun:
    'npm が --dry-run を自分のオプションとして受け取り、nisshi には何も渡しませんでした。何も公開していません。' +
    'npm run deploy -- --dry-run（または npm run deploy:plan）と書いてください',
  configErrors: (lines: readonly string[]) =>
    lines.length === 1 ? (lines[0] as string).trim() : `公開の設定に誤りがあります（${lines.length} 件）。直してから実行してください:\n${lines.join('\n')}`,
  configNoBucket: 'バケットが指定されていません。--bucket を付けるか NISSHI_S3_BUCKET を設定してください',
  configBucket: 'S3 のバケット名は 3〜63 文字の英小文字・数字・ドット・ハイフンで、両端は英小文字か数字です（例 nisshi-site）',
  configPrefix: 'プレフィックスに ..、.nisshi、バックスラッシュや制御文字は使えません（例 site または site/2025）',
  configRegion: 'リージョンは ap-northeast-1 のように英小文字・数字・ハイフンで書いてください',
  configUrl: 'http:// か https:// で始まる URL を書いてください（例 http://127.0.0.1:4569）',
  configDistribution: 'ディストリビューション ID は E2QWRUHAPOMQZL のような英大文字と数字です（ARN やドメイン名ではありません）',
  configWhole: (min: number, max: number) => `${min} 以上 ${max} 以下の整数を書いてください`,
  configShare: '0 から 1 までの数を書いてください（例 0.3 は 30%）',
  configDist: 'ビルドしたサイトのフォルダを書いてください（例 dist）',
  configCacheRule: 'cacheRules は { pattern: "_astro/**", cacheControl: "public, max-age=31536000, immutable" } の並びで、最後に ** の規則を置いてください',
  configOneAction: '--rollback と --history は一度にひとつだけ指定できます',
  // The build
  noBuild: (dist: string) => `公開しません: ${dist} がありません。先に npm run build を実行してください`,
  noIndex: (dist: string) => `公開しません: ${dist} に index.html がありません。先に npm run build を実行してください`,
  badRecords: (file: string) => `公開しません: ${file} が正しい JSON ではありません。サイトをビルドし直してください`,
  draftsFound: (count: number, logs: readonly string[]) =>
    `公開しません: ビルドに下書きのログが ${count} 件あります（${logs.join('、')}）。下書きを除いてビルドし直してから公開してください`,
  secretsFound: (count: number) =>
    `公開しません: ビルドしたファイルの ${count} か所に秘密情報らしいものがあります。ログから消してビルドし直してください` +
    '（一度でも公開したなら、そのキーは無効にして作り直してください）',
  secretKind: (kind: string) => kindsJa[kind] ?? kind,
  staleBuild: (dist: string, builtAt: string, file: string, changedAt: string) =>
    `公開しません: ${dist} は ${at(builtAt)} にビルドされ、その後 ${file} が変わっています（${at(changedAt)}）。` +
    '先に npm run build を実行するか、このまま公開するなら --allow-stale を付けてください',
  // Preflight and AWS
  distributionServesOther: (id: string, origins: readonly string[], bucket: string) =>
    `公開しません: CloudFront ディストリビューション ${id} が配信しているのは ${origins.join('、') || '（オリジンなし）'} で、` +
    `バケット ${bucket} ではありません。--distribution-id / NISSHI_CLOUDFRONT_DISTRIBUTION_ID と --bucket / NISSHI_S3_BUCKET を確かめてください`,
  placeholderAddress: (siteUrl: string, address: string) =>
    `サイトのアドレスがまだ ${siteUrl} です。フィード、サイトマップ、canonical リンクがそこを指します。` +
    `src/site.config.ts の site（または NISSHI_SITE_URL）を ${address} にしてビルドし直してください`,
  warning: (text: string) => `注意: ${text}`,
  awsNoCredentials:
    'AWS の認証情報が見つかりません。AWS_PROFILE を設定する（aws sso login か aws configure の後）か、' +
    'AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY を設定するか、ロールが使える場所で実行してください',
  awsNoRegion: 'AWS のリージョンが設定されていません。AWS_REGION にバケットのリージョンを設定するか --region を付けてください',
  awsNoSuchBucket: (resource: string) => `バケット ${resource} がありません。--bucket か NISSHI_S3_BUCKET を確かめてください`,
  awsNoSuchDistribution: (id: string) =>
    `CloudFront ディストリビューション ${id} がありません。--distribution-id か NISSHI_CLOUDFRONT_DISTRIBUTION_ID を確かめてください`,
  awsWrongRegion: (resource: string, region: string | undefined, actual: string | undefined) =>
    `バケット ${resource} はリージョン ${region ?? '（未設定）'} ではなく${actual ? ` ${actual}` : '別のリージョン'}にあります。` +
    `AWS_REGION${actual ? `=${actual}` : ' をバケットのリージョン'}に設定するか --region を付けてください`,
  awsDenied: (service: string, resource: string, code: string, permissions: string) =>
    `${service} が ${resource} へのアクセスを拒否しました（${code}）。使っている認証情報には、そこへの ${permissions} の権限が必要です`,
  awsUnreachable: (service: string, endpoint: string | undefined, code: string) =>
    `${service}${endpoint ? `（${endpoint}）` : ''}に届きません（${code}）。ネットワークの接続` +
    `${endpoint ? `と AWS_ENDPOINT_URL_${service.toUpperCase()} ` : ''}を確かめてください`,
  awsFailed: (service: string, resource: string, detail: string) => `${resource} への ${service} のリクエストが失敗しました: ${detail}`,
  cloudFrontBusy: (seconds: number) => `CloudFront で進行中の無効化が多すぎます。${seconds} 秒後にもう一度送ります`,
  invalidationStillRunning: (id: string, status: string, seconds: number) =>
    `無効化 ${id} は ${seconds} 秒たっても ${status} です。待たなくても、そのうち終わります`,
  pathsKept: (count: number) => `。無効化する ${count} 個のパスはマニフェストに残し、次の公開かロールバックが送ります`,
  // The lock
  lockWaiting: (lock: LockFacts, seconds: number) => `別の実行がロックを持っています: ${holderJa(lock)}。終わるのを最大 ${seconds} 秒待ちます…`,
  lockHeld: (address: string, lock: LockFacts, seconds: number) =>
    `公開しません: ${seconds} 秒待ちましたが、別の実行がまだロック ${address} を持っています: ${holderJa(lock)}。` +
    'その実行が終わってからやり直すか、--lock-wait で待つ時間を延ばしてください',
  lockStale: (address: string, lock: LockFacts | undefined, verdict: LockVerdictName) =>
    `公開しません: ロック ${address} が残っています${lock ? `: ${holderJa(lock)}` : ''}。${verdictJa(verdict, lock)}。` +
    'その実行が本当に止まっていることを確かめてから、--break-lock を付けて実行してください。' +
    '途中で止まった公開の残りは、次の公開が片付けます',
  lockBroken: (address: string, lock: LockFacts | undefined, verdict: LockVerdictName) =>
    `古いロック ${address} を外しました${lock ? `（${holderJa(lock)}）` : ''}: ${verdictJa(verdict, lock)}`,
  lockLost: (address: string, other: LockFacts | undefined) =>
    `ロック ${address} を失いました${other ? `（今は ${holderJa(other)} が持っています）` : '（期限までに更新できませんでした）'}。` +
    'この実行は途中で止めました。書きかけのものは次の公開が片付けます',
  lockNotRemoved: (address: string, expiresAt: string) =>
    `ロック ${address} を外せませんでした。${at(expiresAt)} に期限が切れたら、次の公開で --break-lock を付けて外してください`,
  lockUnsupported: (endpoint: string) =>
    `公開しません: ${endpoint} の S3 は条件付き書き込み（If-None-Match）を守りません。これではロックが効かず、` +
    '二つの公開が混ざるおそれがあります。条件付き書き込みに対応した S3 か S3 互換サーバーを使ってください',
  lockSeenInDryRun: (lock: LockFacts | undefined, verdict: LockVerdictName) =>
    verdict === 'live' && lock
      ? `注意: 別の実行がロックを持っています（${holderJa(lock)}）。この計画はその実行の後の状態とは違うかもしれません`
      : `注意: 古いロックが残っています。${verdictJa(verdict, lock)}。公開するときは --break-lock が要ります`,
  manifestChanged: (address: string) =>
    `止めました: この実行の間に別の実行が ${address} を書き換えました（ロックが外されたか、サーバーがロックを守っていません）。` +
    '状態を確かめて（npm run deploy -- --dry-run）からやり直してください',
  interrupted: '中断しました。ロックは外しました。書きかけのものは次の公開が片付けます',
  resuming: (kind: 'deploy' | 'rollback', time: string, count: number) =>
    `前回の${kind === 'rollback' ? 'ロールバック' : '公開'}（${at(time)}）は途中で止まっていました。` +
    `それが書いたオブジェクト ${count} 件は nisshi のものとして扱い、このビルドにあるものは残し、ないものは消します`,
  // Plan, progress and summary
  phaseScan: '秘密情報の検査',
  phaseCheck: '確認（HEAD）',
  phaseUpload: (phase: Phase) => `アップロード（${phasesJa[phase]}）`,
  phaseRestore: (phase: Phase) => `復元（${phasesJa[phase]}）`,
  phaseArchive: '控えの保存',
  phaseDelete: '削除',
  progressDone: '完了',
  guardRefusal: (figures: GuardFigures, dist: string) =>
    `公開しません: この計画はバケットの ${figures.remoteCount} 個のオブジェクトのうち ${figures.count} 個を消します` +
    `（${Math.round(figures.share * 100)}%。上限は ${figures.guard.maxDeletes} 個、${Math.round(figures.guard.maxDeleteShare * 100)}%）。` +
    `${dist} が正しいビルドか確かめるか、--force を付けてください`,
  planUpload: (phase: Phase, path: string, reason: Reason) => `アップロード  ${phasesJa[phase]}  ${path}（${reasonsJa[reason]}）`,
  planDelete: (path: string) => `削除  ${path}`,
  planKeep: (path: string) => `残す（nisshi のものではない）  ${path}`,
  planInvalidate: (path: string) => `無効化  ${path}`,
  planRestore: (phase: Phase, path: string) => `復元  ${phasesJa[phase]}  ${path}`,
  summary: (f: SummaryFacts) =>
    `${f.dryRun ? '予行演習（書き込みなし）' : '公開しました'} ${f.where}: アップロード ${f.uploads} 件（${f.bytes}）、削除 ${f.deletes} 件、` +
    `変更なし ${f.unchanged} 件; ` +
    (f.cloudFront
      ? `無効化${f.dryRun ? 'する' : 'した'}パス ${f.invalidated} 個${f.pendingCarried > 0 ? `（うち前回から持ち越し ${f.pendingCarried} 個）` : ''}` +
        `${f.invalidationId ? `（${f.invalidationId}）` : ''}`
      : 'CloudFront ディストリビューションの設定なし') +
    `; 秘密情報の検査 ${f.scanned} 件（検査済みで同じ ${f.skipped} 件は省略）` +
    `${f.resumed > 0 ? `; 中断された実行の残り ${f.resumed} 件を引き継ぎ` : ''}; ${f.seconds} 秒`,
  foreign: (count: number, shown: readonly string[], more: number) =>
    `nisshi のものではないオブジェクトが ${count} 個あります（nisshi が上げていないので残しました。--prune-foreign で消せます）\n` +
    `${shown.map((path) => `  ${path}\n`).join('')}${more > 0 ? `  …ほか ${more} 個\n` : ''}`,
  rollbackNothing: '戻す先がありません: このバケットとプレフィックスには、状態を記録した公開がまだありません',
  rollbackFirst: (id: string) => `戻す先がありません: 今の公開 ${id} が記録の最初です`,
  rollbackNoRecord: (id: string) => `ロールバックできません: 公開 ${id} の記録がないか読めません`,
  rollback: (f: RollbackFacts) =>
    `${f.dryRun ? '予行演習（書き込みなし）' : 'ロールバックしました'} ${f.where}: 公開 ${f.from} から ${f.to} へ。` +
    `復元 ${f.restored} 件、削除 ${f.deleted} 件、変更なし ${f.unchanged} 件; 無効化${f.dryRun ? 'する' : 'した'}パス ${f.invalidated} 個` +
    `${f.invalidationId ? `（${f.invalidationId}）` : ''}; ${f.seconds} 秒`,
  historyEmpty: (where: string) => `${where} には公開の記録がありません`,
  historyTitle: (count: number, where: string) => `${where} の最近の公開 ${count} 件（新しい順、* が今の状態）:`,
  historyEntry: (f: HistoryFacts) =>
    f.kind === 'rollback'
      ? `${f.restored} へのロールバック: 復元 ${f.uploaded} 件、削除 ${f.deleted} 件`
      : `公開 ${f.commit ? f.commit.slice(0, 12) : '（コミット不明）'}: アップロード ${f.uploaded} 件、削除 ${f.deleted} 件、オブジェクト ${f.objectCount ?? '?'} 個`,
};

export type DeployMessages = typeof ja;

const phasesEn: Record<Phase, string> = { hashed: 'hashed', other: 'other', html: 'html', feeds: 'feeds' };
const holderEn = (lock: LockFacts) =>
  `${lock.owner} (pid ${lock.pid} on ${lock.host}, ${lock.operation}, since ${at(lock.startedAt)}, expires ${at(lock.expiresAt)})`;
const verdictEn = (verdict: LockVerdictName, lock: LockFacts | undefined) =>
  verdict === 'expired' && lock
    ? `it was not renewed by its expiry, ${at(lock.expiresAt)}`
    : verdict === 'dead' && lock
      ? `its pid ${lock.pid} no longer runs on this host (${lock.host})`
      : 'it is not a lock nisshi can read';

const en: DeployMessages = {
  helpText: (defaults) => `Usage: nisshi deploy [options]
       nisshi deploy --rollback [options]
       nisshi deploy --history [options]

Publishes the built site (dist/) to S3 and invalidates what changed in CloudFront.
Uploads only files whose bytes or headers differ, deletes the objects it wrote that
are no longer built (never others), and refuses a build with drafts or secrets in it.
Before writing anything (also with --dry-run) it checks the credentials, the bucket,
that the distribution serves that bucket, and that dist/ is newer than logs/ and src/.
One deploy or rollback at a time per bucket and prefix (a lock, .nisshi/lock.json).

Through npm, put the options after --:  npm run deploy -- --dry-run
(npm run deploy --dry-run is npm's own flag: nisshi refuses to run then). Or: npm run deploy:plan

Options:
  --dist <dir>              the built site (default: dist)
  --bucket <name>           S3 bucket (default: $NISSHI_S3_BUCKET)
  --prefix <folder>         folder in the bucket to publish under (default: the root)
  --distribution-id <id>    CloudFront distribution (default: $NISSHI_CLOUDFRONT_DISTRIBUTION_ID; none: no invalidation)
  --region <region>         the bucket's region (default: $AWS_REGION or the profile's)
  --concurrency <n>         requests in flight (default: 16)
  --max-attempts <n>        tries per request, with back-off on throttling and 5xx (default: 5)
  --max-deletes <n>         stop when the plan deletes more objects than this (default: ${defaults.maxDeletes})
  --max-delete-share <p>    stop when it deletes more than this share, 0-1 (default: ${defaults.maxDeleteShare})
  --force                   carry out a plan that passes those limits
  --prune-foreign           also delete objects nisshi did not write (still under the limits above)
  --allow-stale             deploy a dist/ older than the logs or sources it was built from
  --dry-run                 print the plan and write nothing
  --rollback                put the site back to the previous deploy's state (no build; run again to go further back)
  --history                 list the last deploys and rollbacks
  --verify                  check every object's headers (HEAD) instead of trusting the manifest
  --wait                    wait until the CloudFront invalidation has completed
  --lock-wait <seconds>     how long to wait for another deploy's lock (default: ${defaults.lockWait}; 0: refuse at once)
  --break-lock              remove a stale lock (its holder stopped) before running
  --json                    print the summary as JSON
  -h, --help                show this help

Credentials come from the AWS SDK's default chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, SSO, roles).
AWS_ENDPOINT_URL_S3 and AWS_ENDPOINT_URL_CLOUDFRONT point it at other servers.
Messages are in Japanese unless NISSHI_LANG=en (or the settings' locale: 'en').
`,
  npmTookDryRun:
    'npm took --dry-run as its own flag and passed nothing to nisshi; nothing was deployed. ' +
    'Write npm run deploy -- --dry-run (or npm run deploy:plan)',
  configErrors: (lines) =>
    lines.length === 1 ? (lines[0] as string).trim() : `${lines.length} bad deploy settings; fix them and run again:\n${lines.join('\n')}`,
  configNoBucket: 'no bucket configured; pass --bucket or set NISSHI_S3_BUCKET',
  configBucket: 'an S3 bucket name is 3-63 lower-case letters, digits, dots and hyphens, a letter or digit at each end (e.g. nisshi-site)',
  configPrefix: 'a prefix cannot hold .., .nisshi, backslashes or control characters (e.g. site or site/2025)',
  configRegion: 'write the region in lower-case letters, digits and hyphens, e.g. ap-northeast-1',
  configUrl: 'write a URL starting with http:// or https://, e.g. http://127.0.0.1:4569',
  configDistribution: 'a distribution id is upper-case letters and digits, e.g. E2QWRUHAPOMQZL (not its ARN or domain name)',
  configWhole: (min, max) => `needs a whole number from ${min} to ${max}`,
  configShare: 'needs a number from 0 to 1 (e.g. 0.3 for 30%)',
  configDist: 'name the folder of the built site, e.g. dist',
  configCacheRule: 'cacheRules is a list of { pattern: "_astro/**", cacheControl: "public, max-age=31536000, immutable" }, with a ** rule last',
  configOneAction: 'give --rollback or --history, not both',
  noBuild: (dist) => `refusing to deploy: ${dist} does not exist; run npm run build first`,
  noIndex: (dist) => `refusing to deploy: ${dist} has no index.html; run npm run build first`,
  badRecords: (file) => `refusing to deploy: ${file} is not valid JSON; rebuild the site`,
  draftsFound: (count, logs) => `refusing to deploy: the build holds ${count} draft log(s) (${logs.join(', ')}); build without drafts and deploy again`,
  secretsFound: (count) =>
    `refusing to deploy: ${count} built file line(s) look like a secret; remove it from the log and rebuild ` +
    '(or rotate it if it was ever published)',
  secretKind: (kind) => kind,
  staleBuild: (dist, builtAt, file, changedAt) =>
    `refusing to deploy: ${dist} was built at ${at(builtAt)}, before ${file} changed (${at(changedAt)}); ` +
    'run npm run build first, or pass --allow-stale to deploy it as it is',
  distributionServesOther: (id, origins, bucket) =>
    `refusing to deploy: CloudFront distribution ${id} serves ${origins.join(', ') || 'no origin'}, not the bucket ${bucket}; ` +
    'check --distribution-id / NISSHI_CLOUDFRONT_DISTRIBUTION_ID and --bucket / NISSHI_S3_BUCKET',
  placeholderAddress: (siteUrl, address) =>
    `the site address is still ${siteUrl}: the feed, the sitemap and canonical links point there; ` +
    `set site in src/site.config.ts (or NISSHI_SITE_URL) to ${address} and rebuild`,
  warning: (text) => `warning: ${text}`,
  awsNoCredentials:
    'no AWS credentials found; set AWS_PROFILE (after aws sso login / aws configure) or ' +
    'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where a role provides them',
  awsNoRegion: "no AWS region configured; set AWS_REGION to the bucket's region or pass --region",
  awsNoSuchBucket: (resource) => `bucket ${resource} does not exist; check --bucket or NISSHI_S3_BUCKET`,
  awsNoSuchDistribution: (id) => `CloudFront distribution ${id} does not exist; check --distribution-id or NISSHI_CLOUDFRONT_DISTRIBUTION_ID`,
  awsWrongRegion: (resource, region, actual) =>
    `bucket ${resource} is not in region ${region ?? '(unset)'}${actual ? ` but in ${actual}` : ''}; ` +
    `set AWS_REGION${actual ? `=${actual}` : " to the bucket's region"} or pass --region`,
  awsDenied: (service, resource, code, permissions) =>
    `${service} denied access to ${resource} (${code}); the credentials in use need ${permissions} on it`,
  awsUnreachable: (service, endpoint, code) =>
    `could not reach ${service}${endpoint ? ` at ${endpoint}` : ''} (${code}); check the network connection` +
    (endpoint ? ` and AWS_ENDPOINT_URL_${service.toUpperCase()}` : ''),
  awsFailed: (service, resource, detail) => `${service} request for ${resource} failed: ${detail}`,
  cloudFrontBusy: (seconds) => `CloudFront has too many invalidations in progress; trying again in ${seconds} s`,
  invalidationStillRunning: (id, status, seconds) => `invalidation ${id} still ${status} after ${seconds} s; it will finish on its own`,
  pathsKept: (count) => `; the ${count} path(s) to invalidate are kept in the deploy manifest and sent by the next deploy or rollback`,
  lockWaiting: (lock, seconds) => `another run holds the lock: ${holderEn(lock)}; waiting up to ${seconds} s for it …`,
  lockHeld: (address, lock, seconds) =>
    `refusing to deploy: after ${seconds} s another run still holds the lock ${address}: ${holderEn(lock)}; ` +
    'run again once it has finished, or wait longer with --lock-wait',
  lockStale: (address, lock, verdict) =>
    `refusing to deploy: the lock ${address} was left behind${lock ? `: ${holderEn(lock)}` : ''}; ${verdictEn(verdict, lock)}. ` +
    'Make sure that run has really stopped, then run again with --break-lock; ' +
    'the next deploy cleans up what an interrupted one left',
  lockBroken: (address, lock, verdict) => `removed the stale lock ${address}${lock ? ` (${holderEn(lock)})` : ''}: ${verdictEn(verdict, lock)}`,
  lockLost: (address, other) =>
    `lost the lock ${address}${other ? ` (now held by ${holderEn(other)})` : ' (it could not be renewed before it expired)'}; ` +
    'this run stopped; the next deploy cleans up what it left',
  lockNotRemoved: (address, expiresAt) =>
    `could not remove the lock ${address}; once it expires at ${at(expiresAt)}, run the next deploy with --break-lock`,
  lockUnsupported: (endpoint) =>
    `refusing to deploy: the S3 at ${endpoint} does not honour conditional writes (If-None-Match), so no lock can keep ` +
    'two deploys apart; use S3 or an S3-compatible server that supports them',
  lockSeenInDryRun: (lock, verdict) =>
    verdict === 'live' && lock
      ? `warning: another run holds the lock (${holderEn(lock)}); this plan may not match the state it leaves`
      : `warning: a stale lock is left behind; ${verdictEn(verdict, lock)}; a deploy will need --break-lock`,
  manifestChanged: (address) =>
    `stopped: another run changed ${address} during this one (the lock was broken, or the server does not honour it); ` +
    'check the state (npm run deploy -- --dry-run) and run again',
  interrupted: 'interrupted; the lock is released, and the next deploy cleans up what this one left',
  resuming: (kind, time, count) =>
    `the last ${kind} (${at(time)}) was interrupted; the ${count} object(s) it wrote are taken as nisshi's: ` +
    'kept where this build has them, deleted where it does not',
  phaseScan: 'secret scan',
  phaseCheck: 'checking',
  phaseUpload: (phase) => `upload ${phasesEn[phase]}`,
  phaseRestore: (phase) => `restore ${phasesEn[phase]}`,
  phaseArchive: 'archive',
  phaseDelete: 'delete',
  progressDone: 'done',
  guardRefusal: (figures, dist) =>
    `refusing to deploy: the plan would delete ${figures.count} of the bucket's ${figures.remoteCount} objects ` +
    `(${Math.round(figures.share * 100)}%; limits: ${figures.guard.maxDeletes} objects, ${Math.round(figures.guard.maxDeleteShare * 100)}%); ` +
    `check that ${dist} is the right build, or pass --force`,
  planUpload: (phase, path, reason) => `upload  ${phasesEn[phase].padEnd(7)} ${path} (${reason})`,
  planDelete: (path) => `delete  ${path}`,
  planKeep: (path) => `keep    not ours ${path}`,
  planInvalidate: (path) => `invalidate ${path}`,
  planRestore: (phase, path) => `restore ${phasesEn[phase].padEnd(7)} ${path}`,
  summary: (f) =>
    `${f.dryRun ? 'dry run, would deploy' : 'deployed'} ${f.where}: ${f.uploads} uploaded (${f.bytes}), ` +
    `${f.deletes} deleted, ${f.unchanged} unchanged; ` +
    (f.cloudFront
      ? `${f.invalidated} path(s) ${f.dryRun ? 'to invalidate' : 'invalidated'}` +
        `${f.pendingCarried > 0 ? ` (${f.pendingCarried} left pending by an earlier run)` : ''}` +
        `${f.invalidationId ? ` (${f.invalidationId})` : ''}`
      : 'no CloudFront distribution configured') +
    `; secret scan: ${f.scanned} file(s) read, ${f.skipped} passed before` +
    `${f.resumed > 0 ? `; took over ${f.resumed} object(s) of an interrupted run` : ''}; ${f.seconds} s`,
  foreign: (count, shown, more) =>
    `not ours: ${count} object(s) in the bucket that nisshi did not write, left alone (--prune-foreign deletes them)\n` +
    `${shown.map((path) => `  ${path}\n`).join('')}${more > 0 ? `  … and ${more} more\n` : ''}`,
  rollbackNothing: 'nothing to roll back to: no deploy with a recorded state has been made to this bucket and prefix',
  rollbackFirst: (id) => `nothing to roll back to: the live deploy ${id} is the first one recorded`,
  rollbackNoRecord: (id) => `cannot roll back: the record of deploy ${id} is missing or unreadable`,
  rollback: (f) =>
    `${f.dryRun ? 'dry run, would roll back' : 'rolled back'} ${f.where} from deploy ${f.from} to ${f.to}: ` +
    `${f.restored} restored, ${f.deleted} deleted, ${f.unchanged} unchanged; ` +
    `${f.invalidated} path(s) ${f.dryRun ? 'to invalidate' : 'invalidated'}${f.invalidationId ? ` (${f.invalidationId})` : ''}; ${f.seconds} s`,
  historyEmpty: (where) => `no deploys recorded in ${where}`,
  historyTitle: (count, where) => `last ${count} deploy(s) of ${where}, newest first (* = live state):`,
  historyEntry: (f) =>
    f.kind === 'rollback'
      ? `rollback to ${f.restored}: ${f.uploaded} restored, ${f.deleted} deleted`
      : `deploy ${f.commit ? f.commit.slice(0, 12) : '(commit unknown)'}: ${f.uploaded} uploaded, ${f.deleted} deleted, ${f.objectCount ?? '?'} objects`,
};

export function deployMessages(language: MessageLanguage): DeployMessages {
  return language === 'en' ? en : ja;
}

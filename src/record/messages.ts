/**
 * The message catalogue of the command line and the dev overlay: every
 * sentence a writer reads from nisshi, in Japanese (the default) and English.
 * Diagnostics' texts live beside their rules (rules.ts: `message` in English,
 * `ja` in Japanese); the rest is here. Rule ids stay English in both.
 *
 * The language: NISSHI_LANG=en or ja wins; otherwise the site's `locale`
 * (English when it starts with "en"), else Japanese.
 */
export type MessageLanguage = 'ja' | 'en';

interface Ratio {
  done: number;
  total: number;
}

/** What `nisshi new` left out of a new log (stats/carry-over.ts): items and problems past the caps, stale plans and tasks. */
interface LeftOut {
  items: number;
  problems: number;
  stale: number;
}

export function messageLanguage(locale: string | undefined, env: string | undefined = globalThis.process?.env?.NISSHI_LANG): MessageLanguage {
  const chosen = (env && env.trim() !== '' ? env : locale ?? 'ja').toLowerCase();
  return chosen.startsWith('en') ? 'en' : 'ja';
}

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/** 150 → "2時間30分". */
function jaMinutes(minutes: number): string {
  const whole = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  return whole > 0 ? (rest > 0 ? `${whole}時間${rest}分` : `${whole}時間`) : `${rest}分`;
}

/** 150 → "2 h 30 min". */
function enMinutes(minutes: number): string {
  const whole = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  return whole > 0 ? (rest > 0 ? `${whole} h ${rest} min` : `${whole} h`) : `${rest} min`;
}

/** "2025-09-08" → "9月8日". */
function jaDate(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

const ja = {
  summary: (files: number, errors: number, warnings: number) => `${files} 件のログ: エラー ${errors} 件、警告 ${warnings} 件`,
  severity: (severity: 'error' | 'warning' | 'info') => ({ error: 'エラー', warning: '警告', info: '情報' })[severity],
  logExists: (file: string) => `${file} はもうあります。続きを書くならそのファイルを開き、別の日なら --date を付けてください`,
  badDate: (value: string) => `--date は実在する日を YYYY-MM-DD で書いてください（例 2025-08-03、指定は "${value}"）`,
  carried: (count: number) => `${count} 件を持ち越しました`,
  carriedDetail: (plans: number, problems: number) => `（計画・未完了 ${plans} 件、継続中の問題 ${problems} 件）`,
  leftOut: (left: LeftOut, maxAgeDays: number) =>
    `ほかに ${[
      left.items > 0 ? `計画・未完了 ${left.items} 件` : '',
      left.problems > 0 ? `継続中の問題 ${left.problems} 件` : '',
      left.stale > 0 ? `期限から ${maxAgeDays} 日を過ぎてバックログにした計画・未完了 ${left.stale} 件` : '',
    ].filter(Boolean).join('、')}があります（一覧は nisshi status --all）`,
  statusTitle: (date: string) => `${date} の状況`,
  todayWritten: (file: string) => `今日のログ: 書いた（${file}）`,
  todayMissing: (file: string) => `今日のログ: まだ（nisshi new で ${file} を作れます）`,
  week: (minutes: number, target: number | null) =>
    target === null ? `今週: ${hours(minutes)} 時間（目標なし: src/site.config.ts の targets.weeklyMinutes）` : `今週: ${hours(minutes)} / ${hours(target)} 時間（${Math.round((minutes / target) * 100)}%）`,
  streak: (days: number) => `連続: ${days} 日`,
  weekChecklist: (own: Ratio, carried: Ratio) => `今週のチェックリスト: 自分の項目 ${own.done}/${own.total}・持ち越し ${carried.done}/${carried.total}`,
  openProblems: (count: number) => `未解決の問題: ${count} 件`,
  overduePlans: (count: number, stale: number) => `期限切れの計画: ${count} 件${stale > 0 ? `（うち ${stale} 件は期限から日がたちバックログ）` : ''}`,
  staleMark: '（バックログ）',
  carryNext: (count: number, date: string, today: boolean) => `${today ? '今日' : `明日（${date}）`}の nisshi new が持ち越すもの: ${count} 件`,
  carryKind: (kind: 'plan' | 'unfinished', date: string) => (kind === 'plan' ? `（${date} の計画）` : ` 未完了（${date}）`),
  someday: (count: number) => `いつか（バックログ）: ${count} 件`,
  plannedOn: (date: string) => `（${date} に計画）`,
  moreListed: (count: number) => `  …ほか ${count} 件（nisshi status --all ですべて）`,
  dueLearnings: (count: number) => `復習する学び: ${count} 件`,
  reviewsAdded: (count: number) => `復習する学び ${count} 件を「## 復習」に入れました`,
  learnedOn: (month: number, day: number) => `（${month}/${day} の学び）`,
  auditClean: (files: number, dist: string, passages: number, reused: number) =>
    `${dist} の ${files} 件のファイルに非公開メモや下書きの文章はありません（${passages} 件の文章を探しました${reused > 0 ? `。前回の監査で確かめた ${reused} 件は読み直していません` : ''}）`,
  auditLeaks: (count: number, dist: string) => `${dist} に公開してはいけない文章が ${count} 件あります。このビルドは公開せず、npm run build で作り直してから nisshi audit をやり直してください`,
  auditFinding: (file: string, kind: 'private' | 'draft', log: string, passage: string) =>
    `${file}: ${kind === 'private' ? '非公開メモ' : '下書きのログ'}の文章があります。${log}（"${passage}"）`,
  deployLeaks: (dist: string) => `デプロイしません: ${dist} に公開してはいけない文章があります:`,
  deployLeaksFix: '作り直して（npm run build）nisshi audit dist を実行してください',
  deployNoLogs: (dir: string) => `${dir} フォルダがないため、非公開メモと下書きの監査をしていません`,
  unexpected: 'nisshi の想定外のエラーです。報告してください:',
  logErrorsHeading: (errors: number, files: number) => `${files} 件のログに ${errors} 件のエラー:`,
  logErrorsHint: '上の行を直してください（nisshi check でも同じものが出ます）。警告ではビルドは止まりませんが、エラーでは止まります。',
  overlayName: 'ログのエラー',
  overlayTitle: '直すまでこのログは表示されません（ほかのログはそのまま表示します）',
  unknownCommand: (name: string) => `"${name}" というコマンドはありません`,
  // Option parsing (src/cli/args.ts): each error ends with where to look.
  seeHelp: (reason: string, command: string) => `${reason}。nisshi ${command} --help を見てください`,
  unknownOption: (option: string) => `${option} というオプションはありません`,
  unexpectedArgument: (argument: string) => `余分な引数 ${argument} があります`,
  needsValue: (option: string) => `${option} には値が要ります`,
  takesNoValue: (option: string) => `${option} は値を取りません`,
  badArguments: (reason: string) => `オプションを読めません（${reason}）`,
  // Paths given on the command line (src/files/log-files.ts).
  noSuchPath: (given: string) => `${given} というファイルもフォルダもありません`,
  notFileOrFolder: (given: string) => `${given} はファイルでもフォルダでもありません。ログのファイルかログのフォルダを指定してください`,
  cannotRead: (given: string, reason: string) => `${given} を読めません（${reason}）`,
  cannotWrite: (file: string, reason: string) => `${file} に書けません（${reason}）`,
  parseNoPaths: 'parse するログのファイルかフォルダを指定してください（例: nisshi parse logs）',
  outNeedsFile: '--out にはファイル名が要ります',
  auditOneFolder: 'ビルドのフォルダを 1 つだけ指定してください（例: nisshi audit dist）',
  auditNoBuild: (dist: string) => `${dist} がありません。先に npm run build を実行してください`,
  wroteRecords: (count: number, file: string) => `${count} 件のレコードを ${file} に書きました`,
  badFormat: (value: string) => `--format は text か json です（指定は "${value}"）`,
  dirNeedsFolder: '--dir にはフォルダ名が要ります',
  // Settings (src/settings/settings.ts): the file, then one line per bad field.
  settingsHeader: (source: string, count: number) => `${source} の設定に誤りが ${count} 件あります。そこで直してください:`,
  settingsValue: (json: string) => `（いまは ${json}）`,
  settingsIssue: {
    site: '絶対 URL（http または https）で書いてください。例 https://example.com/ や https://name.github.io/nisshi/',
    timezone: 'IANA のタイムゾーン名で書いてください。例 Asia/Tokyo',
    locale: '言語タグで書いてください。例 ja や en',
    logsDir: 'フォルダを指定してください。例 logs',
    dayStartsAt: 'HH:MM の形の時刻で書いてください。例 04:00',
    wholeMinutes: '分を整数で書いてください。例 10 時間なら 600',
    positiveMinutes: '0 より大きい分で書いてください',
    weekMinutes: '1 週間（10080 分）以内にしてください',
  } as Record<SettingsIssue, string>,
  settingsType: (expected: string, received: string) => `${typeName(expected, 'ja')}で書いてください（いまは${typeName(received, 'ja')}）`,
  settingsUnknownKey: 'nisshi の知らない設定です（綴りを確かめてください。src/settings/settings.ts に一覧があります）',
  settingsChoice: (values: string) => `次のどれかにしてください: ${values}`,
  settingsTooSmall: (minimum: string, origin: string) => `${sizeOf(minimum, origin, 'ja')}以上にしてください`,
  settingsTooBig: (maximum: string, origin: string) => `${sizeOf(maximum, origin, 'ja')}以下にしてください`,
  settingsInvalid: '正しくない値です',
  drop: {
    needsTarget: 'やめる計画の id か文を指定してください（例: nisshi drop テストを書く）',
    noTodayLog: (today: string, file: string) => `今日（${today}）のログがありません。nisshi new で ${file} を作ってから実行してください（前のログは変えません）`,
    noMatch: (query: string) => `「${query}」に当たる、まだ終わっていない計画や項目はありません（一覧は nisshi status --all）`,
    ambiguous: (query: string, count: number) => `「${query}」に当たるものが ${count} 件あります。id か、もっと長い文で指定してください:`,
    already: (text: string, where: string) => `「${text}」は今日のログでもうやめています（${where}）`,
    dropped: (text: string) => `「${text}」をやめたことを今日のログに書きました`,
  },
  review: {
    weekOrMonth: '--week か --month のどちらか一つにしてください',
    title: (kind: 'week' | 'month', start: string, end: string) =>
      kind === 'week' ? `週報 ${start.slice(0, 4)}年${jaDate(start)}〜${end.slice(0, 4) === start.slice(0, 4) ? '' : `${end.slice(0, 4)}年`}${jaDate(end)}` : `月報 ${Number(start.slice(0, 4))}年${Number(start.slice(5, 7))}月`,
    figures: '数字',
    columns: (kind: 'week' | 'month') => (kind === 'week' ? ['', '今週', '前週'] : ['', '今月', '前月']),
    studyTime: '学習時間',
    days: '記録した日',
    daysValue: (days: number) => `${days}日`,
    target: '目標時間',
    targetValue: (minutes: number, target: number) => `${jaMinutes(target)}（${minutes >= target ? '達成' : `あと${jaMinutes(target - minutes)}`}）`,
    streak: '連続記録',
    streakValue: (longest: number, atEnd: number) => `期間中の最長 ${longest}日・最後の日に ${atEnd}日`,
    goals: '今日の目標の達成',
    checklist: 'チェックリスト',
    ratio: (done: number, total: number) => `${done} / ${total}`,
    minutes: (minutes: number, approximate: boolean) => `${approximate ? '約' : ''}${jaMinutes(minutes)}`,
    none: '—',
    problems: '問題',
    opened: '新しい問題',
    resolved: '解決した問題',
    stillOpen: (count: number) => `未解決のまま: ${count} 件`,
    plans: '計画',
    planCounts: (plans: { done: number; doneLate: number; slipped: number; dropped: number; open: number }) =>
      `期限内に完了 ${plans.done} 件・遅れて完了 ${plans.doneLate} 件・期限切れ ${plans.slipped} 件・中止 ${plans.dropped} 件・未完了 ${plans.open} 件`,
    outcome: { done: '完了', doneLate: '遅れて完了', slipped: '期限切れ', dropped: '中止', open: '未完了' },
    when: (planned: string, due: string | null) =>
      `（${Number(planned.slice(5, 7))}/${Number(planned.slice(8, 10))} に計画${due ? `、期限 ${Number(due.slice(5, 7))}/${Number(due.slice(8, 10))}` : ''}）`,
    learnings: '学び',
    reflections: '振り返り',
    tags: 'タグ',
    tagValue: (days: number, minutes: number) => `${days}日・${jaMinutes(minutes)}`,
    nothing: 'なし',
    separator: '、',
    on: (date: string) => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`,
    onAside: (date: string) => `（${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}）`,
  },
  // The record index (src/record-index): one line each, to stderr or the build's log.
  indexDamaged: (file: string, reason: string) => `記録の索引 ${file} が壊れていました（${reason}）。ログから作り直します`,
  indexUnavailable: (folder: string, reason: string) =>
    `記録の索引を ${folder} に置けません（${reason}）。索引を使わずにすべてのログを読みます（遅くなります）。フォルダを直すか、NISSHI_CACHE_DIR で別の場所を指定してください`,
  indexNotSaved: (reason: string) => `記録の索引に保存できませんでした（${reason}）。次はこのログをもう一度読みます`,
  indexBusy: 'ほかの nisshi が索引を長く使っていました',
  indexChecksum: (source: string) => `${source} の記録のチェックサムが合いません`,
};

/** The custom messages of the settings' schema, by name; their English texts are what the schema says. */
export type SettingsIssue = 'site' | 'timezone' | 'locale' | 'logsDir' | 'dayStartsAt' | 'wholeMinutes' | 'positiveMinutes' | 'weekMinutes';

const typeNames: Record<string, [string, string]> = {
  string: ['文字列', 'a string'],
  number: ['数値', 'a number'],
  boolean: ['true か false', 'true or false'],
  array: ['配列', 'an array'],
  object: ['オブジェクト', 'an object'],
  undefined: ['なし', 'nothing'],
  null: ['null', 'null'],
  nan: ['NaN', 'NaN'],
};

/** "1 文字", "2 items": a bound on a string's or a list's length says what it counts. */
function sizeOf(bound: string, origin: string, language: MessageLanguage): string {
  if (origin === 'string') return language === 'ja' ? `${bound} 文字` : `${bound} character${bound === '1' ? '' : 's'}`;
  if (origin === 'array') return language === 'ja' ? `${bound} 個` : `${bound} item${bound === '1' ? '' : 's'}`;
  return language === 'ja' ? `${bound} ` : bound;
}

function typeName(type: string, language: MessageLanguage): string {
  const names = typeNames[type];
  return names ? names[language === 'ja' ? 0 : 1] : type;
}

type Catalogue = typeof ja;
/** The sentences of one language. */
export type Messages = Catalogue;

const en: Catalogue = {
  summary: (files, errors, warnings) => `${files} log(s): ${errors} error(s), ${warnings} warning(s)`,
  severity: (severity) => severity,
  logExists: (file) => `${file} already exists; open it to keep writing, or pass --date for another day`,
  badDate: (value) => `--date must be a real day written YYYY-MM-DD, e.g. 2025-08-03 (got "${value}")`,
  carried: (count) => `carried over ${count} item(s)`,
  carriedDetail: (plans, problems) => ` (${plans} plan(s) and unchecked item(s), ${problems} open problem(s))`,
  leftOut: (left, maxAgeDays) =>
    `not carried: ${[
      left.items > 0 ? `${left.items} more plan(s) and task(s)` : '',
      left.problems > 0 ? `${left.problems} more open problem(s)` : '',
      left.stale > 0 ? `${left.stale} plan(s) and task(s) more than ${maxAgeDays} days past due, in the backlog` : '',
    ].filter(Boolean).join(', ')} (nisshi status --all lists them)`,
  statusTitle: (date) => `status for ${date}`,
  todayWritten: (file) => `today's log: written (${file})`,
  todayMissing: (file) => `today's log: not yet (nisshi new writes ${file})`,
  week: (minutes, target) =>
    target === null ? `this week: ${hours(minutes)} hours (no target: set targets.weeklyMinutes in src/site.config.ts)` : `this week: ${hours(minutes)} / ${hours(target)} hours (${Math.round((minutes / target) * 100)}%)`,
  streak: (days) => `streak: ${days} day(s)`,
  weekChecklist: (own, carried) => `this week's checklist: own items ${own.done}/${own.total}, carried over ${carried.done}/${carried.total}`,
  openProblems: (count) => `open problems: ${count}`,
  overduePlans: (count, stale) => `overdue plans: ${count}${stale > 0 ? ` (${stale} of them long past due, in the backlog)` : ''}`,
  staleMark: ' (backlog)',
  carryNext: (count, date, today) => `carried by nisshi new ${today ? 'today' : `tomorrow (${date})`}: ${count}`,
  carryKind: (kind, date) => (kind === 'plan' ? ` (planned ${date})` : ` (left open ${date})`),
  someday: (count) => `someday (backlog): ${count}`,
  plannedOn: (date) => ` (planned ${date})`,
  moreListed: (count) => `  … ${count} more (nisshi status --all lists all)`,
  dueLearnings: (count) => `learnings to review: ${count}`,
  reviewsAdded: (count) => `put ${count} learning(s) to review under "## 復習"`,
  learnedOn: (month, day) => ` (learned ${month}/${day})`,
  auditClean: (files, dist, passages, reused) =>
    `no private note or draft text in ${files} file(s) of ${dist} (${passages} passage(s) looked for${reused > 0 ? `; ${reused} file(s) unchanged since an audit passed them` : ''})`,
  auditLeaks: (count, dist) => `${count} leak(s) in ${dist}: do not publish this build; rebuild it (npm run build) and audit again`,
  auditFinding: (file, kind, log, passage) => `${file}: holds text of ${kind === 'private' ? 'a private note' : 'a draft log'}, ${log} ("${passage}")`,
  deployLeaks: (dist) => `refusing to deploy: ${dist} holds text that must not be published:`,
  deployLeaksFix: 'rebuild the site (npm run build) and run nisshi audit dist',
  deployNoLogs: (dir) => `no ${dir} folder here: the build was not audited for private notes and drafts`,
  unexpected: 'unexpected error, please report it:',
  logErrorsHeading: (errors, files) => `${errors} error(s) in ${files} log(s):`,
  logErrorsHint: 'Fix the lines above (`nisshi check` lists the same problems). Warnings do not stop the build; errors do.',
  overlayName: 'Errors in logs',
  overlayTitle: 'This log is not shown until it is fixed (the other logs are shown as they are)',
  unknownCommand: (name) => `unknown command "${name}"`,
  seeHelp: (reason, command) => `${reason}; see nisshi ${command} --help`,
  unknownOption: (option) => `unknown option ${option}`,
  unexpectedArgument: (argument) => `unexpected argument ${argument}`,
  needsValue: (option) => `${option} needs a value`,
  takesNoValue: (option) => `${option} takes no value`,
  badArguments: (reason) => reason,
  noSuchPath: (given) => `no such file or folder: ${given}`,
  notFileOrFolder: (given) => `${given} is neither a file nor a folder; give log files or folders of logs`,
  cannotRead: (given, reason) => `cannot read ${given}: ${reason}`,
  cannotWrite: (file, reason) => `cannot write ${file}: ${reason}`,
  parseNoPaths: 'give the log files or folders to parse, e.g. nisshi parse logs',
  outNeedsFile: '--out needs a file name',
  auditOneFolder: 'give one build folder, e.g. nisshi audit dist',
  auditNoBuild: (dist) => `${dist} does not exist; run npm run build first`,
  wroteRecords: (count, file) => `wrote ${count} record${count === 1 ? '' : 's'} to ${file}`,
  badFormat: (value) => `--format must be text or json, not "${value}"`,
  dirNeedsFolder: '--dir needs a folder name',
  settingsHeader: (source, count) => `${source} has ${count === 1 ? 'a bad setting; fix it there' : `${count} bad settings; fix them there`}:`,
  settingsValue: (json) => ` (is ${json})`,
  settingsIssue: {
    site: 'must be an absolute http(s) URL, e.g. https://example.com/ or https://name.github.io/nisshi/',
    timezone: 'must be an IANA time zone name, e.g. Asia/Tokyo',
    locale: 'must be a language tag, e.g. ja or en',
    logsDir: 'must name a folder, e.g. logs',
    dayStartsAt: 'must be a time written HH:MM, e.g. 04:00',
    wholeMinutes: 'must be whole minutes, e.g. 600 for 10 hours',
    positiveMinutes: 'must be more than 0 minutes',
    weekMinutes: 'must fit in a week (at most 10080 minutes)',
  },
  settingsType: (expected, received) => `must be ${typeName(expected, 'en')} (is ${typeName(received, 'en')})`,
  settingsUnknownKey: 'not a setting nisshi knows (check the spelling; src/settings/settings.ts lists them)',
  settingsChoice: (values) => `must be one of ${values}`,
  settingsTooSmall: (minimum, origin) => `must be at least ${sizeOf(minimum, origin, 'en')}`,
  settingsTooBig: (maximum, origin) => `must be at most ${sizeOf(maximum, origin, 'en')}`,
  settingsInvalid: 'is not a valid value',
  drop: {
    needsTarget: 'give the id or the text of the plan to drop, e.g. nisshi drop 3f2a9c1b7d4e',
    noTodayLog: (today, file) => `no log for today (${today}) yet: write it with nisshi new (${file}) first; earlier logs are never changed`,
    noMatch: (query) => `nothing open matches "${query}" (nisshi status --all lists what is open)`,
    ambiguous: (query, count) => `"${query}" matches ${count} plans or tasks; give the id or more of the text:`,
    already: (text, where) => `"${text}" is dropped in today's log already (${where})`,
    dropped: (text) => `wrote into today's log that "${text}" is dropped`,
  },
  review: {
    weekOrMonth: 'give --week or --month, not both',
    title: (kind, start, end) => (kind === 'week' ? `Weekly review ${start} – ${end}` : `Monthly review ${start.slice(0, 7)}`),
    figures: 'Figures',
    columns: (kind) => (kind === 'week' ? ['', 'this week', 'week before'] : ['', 'this month', 'month before']),
    studyTime: 'study time',
    days: 'days written',
    daysValue: (days) => `${days}`,
    target: 'target',
    targetValue: (minutes, target) => `${enMinutes(target)} (${minutes >= target ? 'met' : `${enMinutes(target - minutes)} short`})`,
    streak: 'streak',
    streakValue: (longest, atEnd) => `longest ${longest} day(s) in the period, ${atEnd} on its last day`,
    goals: 'goals met',
    checklist: 'checklist',
    ratio: (done, total) => `${done} / ${total}`,
    minutes: (minutes, approximate) => `${approximate ? '~' : ''}${enMinutes(minutes)}`,
    none: '—',
    problems: 'Problems',
    opened: 'new',
    resolved: 'resolved',
    stillOpen: (count) => `still open: ${count}`,
    plans: 'Plans',
    planCounts: (plans) => `done on time ${plans.done}, done late ${plans.doneLate}, overdue ${plans.slipped}, dropped ${plans.dropped}, open ${plans.open}`,
    outcome: { done: 'done', doneLate: 'done late', slipped: 'overdue', dropped: 'dropped', open: 'open' },
    when: (planned, due) => ` (planned ${planned}${due ? `, due ${due}` : ''})`,
    learnings: 'Learnings',
    reflections: 'Reflections',
    tags: 'Tags',
    tagValue: (days, minutes) => `${days} day(s), ${enMinutes(minutes)}`,
    nothing: 'none',
    separator: ', ',
    on: (date) => date,
    onAside: (date) => ` (${date})`,
  },
  // The record index (src/record-index): one line each, to stderr or the build's log.
  indexDamaged: (file, reason) => `the record index ${file} was damaged (${reason}); it is built again from the logs`,
  indexUnavailable: (folder, reason) =>
    `cannot keep the record index in ${folder} (${reason}); every log is read from its file (slower). Fix the folder or name another with NISSHI_CACHE_DIR`,
  indexNotSaved: (reason) => `could not save to the record index (${reason}); the next run reads these logs again`,
  indexBusy: 'another nisshi held the index too long',
  indexChecksum: (source) => `the checksum of the record of ${source} does not match`,
};

/** The sentences in one language; the carried sections' headings stay Japanese (the parser and the template read them). */
export function messages(language: MessageLanguage): Catalogue {
  return language === 'en' ? en : ja;
}

/**
 * The `--help` texts of nisshi's commands and its usage, in Japanese (the
 * default) and English: the part of the message catalogue (messages.ts) that
 * is whole pages rather than sentences. Names a log writes (## 持ち越し,
 * 非公開) stay Japanese in both and are quoted in English; flags, paths and
 * settings keys are the same in both.
 */
import type { MessageLanguage } from './messages.ts';

export type HelpTopic = 'parse' | 'check' | 'new' | 'status' | 'drop' | 'review' | 'audit' | 'lsp';

/** One line per command for the usage, "name  what it does". */
export type CommandSummaries = Record<'parse' | 'check' | 'new' | 'status' | 'drop' | 'review' | 'audit' | 'deploy' | 'lsp', string>;

interface HelpCatalogue {
  summaries: CommandSummaries;
  usage(lines: string): string;
  help: Record<HelpTopic, string>;
}

const ja: HelpCatalogue = {
  summaries: {
    parse: 'parse <ファイルかフォルダ…> ログをレコードの JSON にして出力する',
    check: 'check [パス…]            ログの問題を報告する（既定: ログのフォルダ）',
    new: 'new [--date YYYY-MM-DD]   今日のログをひな形から作る（まだ済んでいないものを持ち越す）',
    status: 'status [--all] [--json]   今日のログ・今週の時間と目標・連続日数・未解決の問題・期限切れの計画・持ち越し・いつか・今日の復習',
    drop: 'drop <id か文>            計画や項目をやめたことを今日のログに書く（前のログは変えない）',
    review: 'review [--week|--month]   その週か月の振り返りを週報・月報に貼れる Markdown で（--json で JSON）',
    audit: 'audit [dist]              ビルドに非公開メモや下書きの文章があれば失敗する',
    lsp: 'lsp [--stdio]             エディタのための言語サーバー（書きながら check の結果・ホバー・補完）',
    deploy: 'deploy [オプション]       dist/ を S3 に公開し、CloudFront のキャッシュを消す',
  },
  usage: (lines) => `使い方: nisshi <コマンド> [オプション]

日誌 — 毎日の学習ログ（日本語の Markdown）をレコードとサイトにします。

コマンド:
${lines}

どのコマンドにも --no-cache を付けられます: 記録の索引（node_modules/.cache/nisshi/。
消しても安全です）を使わず、更新もせずに、すべてのログをファイルから読みます。

各コマンドのオプションは nisshi <コマンド> --help で表示します。
`,
  help: {
    parse: `使い方: nisshi parse <ファイルかフォルダ…> [--pretty] [--out FILE] [--include-private]

ログ 1 件につき 1 つのレコードを、指定した順に 1 つの JSON 配列で出力します。
フォルダは中の *.md をパス順に読みます（名前がドットで始まるフォルダと node_modules は読みません）。
ログの問題はそのレコードの "diagnostics" に入ります。問題で失敗させるには nisshi check を使ってください。

オプション:
  --pretty      JSON を字下げする
  --out FILE    JSON を標準出力ではなく FILE に書く（フォルダは作ります。
                ファイルは一度に置き換え、書きかけで残すことはありません）
  --include-private
                非公開のメモ（🔒 のある見出しや "非公開" / "private" の見出しの節、
                "<!-- private -->" で囲んだところ）をレコードに残す。付けなければ
                サイトと同じく取り除きます（そのレコードは記録の索引に入れません）
  --no-cache    記録の索引を使わず、すべてのログをファイルから読む
  -h, --help    このヘルプを表示する

終了コード: 0 書いた、2 使い方の誤りか存在しないパス。
`,
    check: `使い方: nisshi check [パス…] [--format text|json]

すべてのログ（フォルダは中の *.md。名前がドットで始まるフォルダと node_modules は読みません。
パスを指定しなければ src/site.config.ts の logsDir）をサイトと同じ設定（vocabulary も）で読み、
見つかった問題を 1 件 1 行で

  パス:行:列: 重大度 メッセージ [ルール ID]

の形で出し、最後に件数を標準エラーに 1 行で出します。同じ slug の公開ログが 2 つあれば
両方にエラー（duplicate-slug。下書きはページにならないのでぶつかりません）、UTF-8 でない
ファイルはエラー（encoding）です。npm run build もサイトのローダーから同じ行を出します。

オプション:
  --format text|json  json なら { path, line, column, severity, message, rule } の
                      配列を 1 つ出力する
  --no-cache          記録の索引を使わず、すべてのログをファイルから読む
  -h, --help          このヘルプを表示する

終了コード: 0 エラーなし（警告はあってもよい）、1 エラーが 1 件以上、
2 使い方の誤りか存在しないパス。
`,
    new: `使い方: nisshi new [--date YYYY-MM-DD] [--dir FOLDER]

日本語のひな形から FOLDER/YYYY-MM-DD.md を作り、そのパスを出力します。日付の既定は
書き手の今日です: src/site.config.ts のタイムゾーン（変えなければ Asia/Tokyo）で数え、
マシンのタイムゾーンには左右されません。dayStartsAt（既定 00:00）より前の時刻は前の日です。

前のログを読み、次のものを 1 回ずつ新しいログに持ち越します:
  "## 持ち越し"      その日までが期限のまだ済んでいない計画を "- [ ] 文（M/D の計画）"、
                     いちばん新しい前のログでチェックされていない計画以外の項目と ❌ を
                     "- [ ] 文 未完了（M/D）" の形で（別の年なら "2024/12/20"）。
                     新しい順に carryOver.maxItems 件（既定 15）まで。期限から
                     carryOver.maxAgeDays 日（既定 14）を過ぎたもの、やめたもの
                     （~~打ち消し線~~、（中止）など）、いつか・そのうちの計画は持ち越しません
  "## 継続中の問題"  解決していない問題を、最後の現状と最初に書いた日つきで、最近書いた
                     順に carryOver.maxProblems 件（既定 10）まで
  "## 復習"          その日に復習する学びを古い順に最大 5 件。学びは書いた日の
                     1・3・7・21・60・180 日後に戻ってきます。復習したらチェック
                     （- [x]）すると次の間隔に進み、しなければ次の日も残ります
入りきらなかったものは件数を 1 行で書き、nisshi status --all が一覧します。
ログを上書きすることも、前のログを変えることもありません。

オプション:
  --date YYYY-MM-DD  ログの日付
  --dir FOLDER       ログを置くフォルダ（既定: src/site.config.ts の logsDir、logs）
  --no-cache         記録の索引を使わず、すべてのログをファイルから読む
  -h, --help         このヘルプを表示する

終了コード: 0 書いた、1 そのログはもうある、2 使い方の誤り。
`,
    status: `使い方: nisshi status [--all] [--json]

書き手の今日（src/site.config.ts のタイムゾーンと dayStartsAt）について、今日のログを
書いたかどうか、今週の学習時間と targets.weeklyMinutes、今週のチェックリスト（自分の項目と
持ち越しを分けて）、いまの連続日数、未解決の問題、期限切れの計画（期限から
carryOver.maxAgeDays 日を過ぎたものはバックログ）、次の nisshi new が持ち越すもの、
いつか・そのうちの計画、今日復習する学び（nisshi new が "## 復習" に入れるもの）を
件数つきで出します。それぞれ最初の 5 件を挙げます。下書きとエラーのあるログは、
サイトと同じく数えません。

オプション:
  --all       すべてを挙げる（nisshi new が入れなかったものも）
  --json      スクリプト向けに JSON オブジェクトを 1 つ出力する
  --no-cache  記録の索引を使わず、すべてのログをファイルから読む
  -h, --help  このヘルプを表示する

終了コード: 0。
`,
    drop: `使い方: nisshi drop <id か文>

計画や項目をやめたことを今日のログに書き、書いた行を "パス:行: 行" で出力します。
今日のログにその項目（"## 持ち越し" の行や、その日に書いた行）があれば、その行を
打ち消し線にします（"- [ ] ~~テストを書く~~（8/1 の計画）"）。なければ "## 持ち越し" に
打ち消し線の行を足します（節がなければ今日の目標の後に作ります）。前のログは変えません。
やめた計画は持ち越されず、/plans/ と /data/plans.json で "dropped"（droppedOn はその日）です。

計画は、チェーンの id（/data/plans.json、nisshi status --json）か文で指定します。文は
空白・全角半角・句読点・名詞の間の "の" の違いを問いません。当たるものが複数あれば、
id つきで一覧して止まります。今日のログがなければ、先に nisshi new を実行してください。

オプション:
  --no-cache  記録の索引を使わず、すべてのログをファイルから読む
  -h, --help  このヘルプを表示する

終了コード: 0 書いた（もうやめていれば何も書かない）、1 当たるものがないか複数、
または今日のログがない、2 使い方の誤り。
`,
    audit: `使い方: nisshi audit [dist] [--logs FOLDER] [--no-cache]

ビルドしたサイトのファイルをすべて（HTML、JSON、XML、JS、Pagefind の圧縮された索引と断片は
展開して）読み、ログの非公開のメモ（"非公開" / "private" や 🔒 の見出しの節。見出しの書き方は
問いません。"<!-- private -->" で囲んだところ）と下書きのログの文章がないかを調べます。
何が非公開かは、ビルドで取り除く処理とは別に、監査が自分でログを読み直して決めます。
見つかれば、ビルドのファイルとログの ファイル:行 を示します。nisshi deploy も書き込む前に
同じ監査をします。前回の監査で確かめたファイルは、中身も探す文章も変わっていなければ読み直しません
（node_modules/.cache/nisshi/）。

オプション:
  --logs FOLDER  ログのフォルダ（既定: src/site.config.ts の logsDir）
  --no-cache     すべてのファイルを読み直す（キャッシュは消しても構いません）
  -h, --help     このヘルプを表示する

終了コード: 0 見つからなかった、1 非公開や下書きの文章がビルドにある、2 使い方の誤り。
`,
    lsp: `使い方: nisshi lsp [--stdio]

エディタのための言語サーバーを標準入出力で動かします。
エディタが起動するもので、手で打つことはありません（--stdio はエディタが付けるので受け付けます）。
ログのフォルダ（src/site.config.ts の logsDir）のログを開くと、書いている間に nisshi check と
同じ問題（同じ位置・重さ・文）を出し、直せば消します。数字や学習時間の行、問題の見出し、
計画、持ち越した項目にカーソルを置くと nisshi が読んだ中身（時間・今週の合計と目標・問題の
経過・計画のその後）を出し、問題や計画が最初に書かれたログへ飛べます。見出しや項目名、
未解決の問題の見出しを補完し、問題を解決済みに、計画を済みに・中止に、日付の食い違いや
テンプレートの仮の文字を直す操作を出します。エディタの外での変更も読み直します。
設定は README の「エディタ」の節を見てください。

オプション:
  --stdio     標準入出力で話す（既定。エディタが付けます）
  -h, --help  このヘルプを表示する
`,
    review: `使い方: nisshi review [--week | --month] [--date YYYY-MM-DD] [--json]

その週（既定）か月の振り返りを、週報・月報に貼れる Markdown で出します: 学習時間と
記録した日（前の週・月と並べて）、週の目標、連続記録、今日の目標とチェックリスト、
新しい問題と解決した問題、その期間に書いた計画のその後（期限内に完了・遅れて完了・
期限切れ・中止・未完了）、学び、振り返りの文章、タグ。--json ではサイトの
/data/reviews/week/<週の初日>.json と同じ形の JSON を出します。週は src/site.config.ts の
weekStart（既定は月曜）で区切り、日付はそのタイムゾーンで数えます。下書きとエラーの
あるログは、サイトと同じく数えません。

オプション:
  --week             --date を含む週（既定）
  --month            --date を含む月
  --date YYYY-MM-DD  その日を含む週か月（既定は今日）
  --json             JSON で出力する
  -h, --help         このヘルプを表示する

終了コード: 0 出力した、2 使い方の誤り。
`,
  },
};

const en: HelpCatalogue = {
  summaries: {
    parse: 'parse <files or folders…> print the logs as JSON records',
    check: 'check [paths…]           report problems in logs (default: the logs folder)',
    new: 'new [--date YYYY-MM-DD]   start a log from the template, carrying over what is still open',
    status: "status [--all] [--json]   today's log, the week against the target, streak, open problems, overdue plans, carry-over, someday, learnings to review",
    drop: "drop <id or text>         write into today's log that a plan or task is dropped (earlier logs stay as they are)",
    review: "review [--week|--month]   the week's or month's review as Markdown for a weekly or monthly report, or --json",
    audit: 'audit [dist]              fail when the build holds text of a private note or a draft',
    lsp: 'lsp [--stdio]             the language server for editors (check as you type, hovers, completion)',
    deploy: 'deploy [options]          publish dist/ to S3 and invalidate CloudFront',
  },
  usage: (lines) => `Usage: nisshi <command> [options]

nisshi ("日誌") turns daily Japanese Markdown study logs into records and a site.

Commands:
${lines}

Every command takes --no-cache: read each log from its file, neither using
nor updating the record index (node_modules/.cache/nisshi/, safe to delete).

Run nisshi <command> --help for the options of one command.
`,
  help: {
    parse: `Usage: nisshi parse <files or folders…> [--pretty] [--out FILE] [--include-private]

Prints one JSON array with a record per log, in the order given; folders are
searched for *.md (sorted by path, dot-folders and node_modules skipped).
Problems found in a log are in its record's "diagnostics"; use nisshi check
to fail on them.

Options:
  --pretty      indent the JSON
  --out FILE    write the JSON to FILE instead of stdout (folders are created;
                the file is replaced in one step, never left half-written)
  --include-private
                keep private notes (sections under a heading with 🔒 or "非公開" / "private",
                "<!-- private -->" blocks) in the records; without it they are
                dropped, as on the site (such records are never kept in the
                record index)
  --no-cache    read every log from its file, without the record index
  -h, --help    show this help

Exit status: 0 written, 2 bad usage or a path that does not exist.
`,
    check: `Usage: nisshi check [paths…] [--format text|json]

Reads every log (folders are searched for *.md, dot-folders and node_modules
skipped; without paths, the logsDir of src/site.config.ts) with the site's
settings (its vocabulary too), and prints each problem as

  path:line:column: severity message [rule]

then a one-line summary on stderr. Two published logs with the same slug are
an error on both (duplicate-slug; drafts never clash, they get no page); a
file that is not UTF-8 is an error (encoding). \`npm run build\` reports the
same lines from the site's loader.

Options:
  --format text|json  json prints one array of
                      { path, line, column, severity, message, rule }
  --no-cache          read every log from its file, without the record index
  -h, --help          show this help

Exit status: 0 no errors (warnings allowed), 1 at least one error,
2 bad usage or a path that does not exist.
`,
    new: `Usage: nisshi new [--date YYYY-MM-DD] [--dir FOLDER]

Writes FOLDER/YYYY-MM-DD.md from the Japanese log template and prints its
path. The date defaults to the writer's today: the time zone of
src/site.config.ts (Asia/Tokyo unless changed), whatever the machine's, with a
time before dayStartsAt (default 00:00) counted as the day before.

It reads the earlier logs and carries into the new one, each once:
  "## 持ち越し"      plans not done that are due by that day, as
                     "- [ ] text（M/D の計画）", and the unchecked items and ❌ of
                     the newest earlier log that are not plans, as
                     "- [ ] text 未完了（M/D）" (with the year, "2024/12/20", when it
                     is another); newest first, at most carryOver.maxItems (15).
                     Not carried: anything more than carryOver.maxAgeDays (14)
                     past its due date (the backlog), anything dropped
                     (~~struck~~, "（中止）" …), someday plans ("いつか", "そのうち")
  "## 継続中の問題"  the open problems, with their last "現状" and first day, most
                     recently written first, at most carryOver.maxProblems (10)
  "## 復習"          up to 5 learnings due for review that day, oldest due first:
                     each learning comes back 1, 3, 7, 21, 60 and 180 days after
                     the day written; ticked (- [x]) it moves on to the next,
                     left unticked it stays due
What did not fit is counted in one line; nisshi status --all lists it.
It never overwrites a log and never changes an earlier one.

Options:
  --date YYYY-MM-DD  the day of the log
  --dir FOLDER       where logs live (default: logsDir of src/site.config.ts, logs)
  --no-cache         read every log from its file, without the record index
  -h, --help         show this help

Exit status: 0 written, 1 the log already exists, 2 bad usage.
`,
    status: `Usage: nisshi status [--all] [--json]

Prints, for the writer's today (time zone and dayStartsAt of
src/site.config.ts): whether today's log is written, this week's study hours
against targets.weeklyMinutes, this week's checklist (own items apart from
carried ones), the current streak, the open problems, the overdue plans (those
more than carryOver.maxAgeDays past due are in the backlog), what the next
nisshi new carries over, the someday plans, and the learnings due for review
today (the ones nisshi new puts under "## 復習"), with their counts and the
first 5 of each. Drafts and logs with errors are left out, as on the site.

Options:
  --all       list everything (what nisshi new left out too)
  --json      one JSON object for scripts
  --no-cache  read every log from its file, without the record index
  -h, --help  show this help

Exit status: 0.
`,
    drop: `Usage: nisshi drop <id or text>

Writes into today's log that a plan or task is dropped, and prints the line
written as "path:line: line". When today's log has the item (a line under
"## 持ち越し", or one written that day) that line is struck through
("- [ ] ~~text~~（8/1 の計画）"); otherwise a struck line is added under
"## 持ち越し" (made after the day's goals when missing). Earlier logs are never
changed. A dropped plan is not carried over, and is "dropped" on /plans/ and in
/data/plans.json, with droppedOn that day.

Name the plan by its chain's id (/data/plans.json, nisshi status --json) or by
its text, in any spacing, width, punctuation, or with or without the particle
"の" between nouns. When several match, they are listed with their ids. Write
today's log with nisshi new first.

Options:
  --no-cache  read every log from its file, without the record index
  -h, --help  show this help

Exit status: 0 written (or dropped already: nothing written), 1 nothing or
more than one thing matches, or no log for today, 2 bad usage.
`,
    audit: `Usage: nisshi audit [dist] [--logs FOLDER] [--no-cache]

Reads every file of the built site (HTML, JSON, XML, JS, and Pagefind's
compressed index and fragments, unpacked) and looks for the text of the logs'
private notes (sections under a heading that is "非公開" / "private" or carries
🔒, in any notation; "<!-- private -->" blocks) and of draft logs, as its own
reading of the logs finds them (not the one that keeps them out of the build).
Each finding names the built file and the log's file:line. nisshi deploy runs
the same audit before it writes anything. Files whose bytes already passed
against the same passages are not read again (node_modules/.cache/nisshi/).

Options:
  --logs FOLDER  where the logs are (default: logsDir of src/site.config.ts)
  --no-cache     read every file again (the cache is also safe to delete)
  -h, --help     show this help

Exit status: 0 nothing found, 1 private or draft text in the build, 2 bad usage.
`,
    lsp: `Usage: nisshi lsp [--stdio]

Runs the language server for editors (the Language Server Protocol) on stdin
and stdout. Editors start it; you do not type it (--stdio is accepted, as
editors pass it). In a log of the logs folder (logsDir of src/site.config.ts)
it shows what nisshi check finds as you type (the same positions, severities
and texts) and clears it when fixed; hovers say what nisshi read (a figure, the
study time against the week's target, a problem's thread, a plan's chain, where
a carried item came from); go to definition and references lead to the logs
that wrote a problem or plan; completion offers headings, field labels and the
titles of open problems; code actions mark a problem resolved, a plan done or
dropped, and fix a date mismatch or a template placeholder. Changes made
outside the editor are read too. Set-up: the README's "Editors" section.

Options:
  --stdio     speak over stdin/stdout (the default; editors pass it)
  -h, --help  show this help
`,
    review: `Usage: nisshi review [--week | --month] [--date YYYY-MM-DD] [--json]

Prints the review of the week (the default) or the month holding --date as
Markdown ready to paste into a weekly or monthly report: study time and days
written beside the period before, the weekly target, streak, goals and
checklist, problems opened and resolved, what became of the plans written in
the period (done on time, done late, overdue, dropped, open), learnings, the
writer's reflections and tags. --json prints the JSON the site publishes at
/data/reviews/week/<first day>.json. Weeks start on the weekStart of
src/site.config.ts (Monday unless changed), days are counted in its time
zone. Drafts and logs with errors are left out, as on the site.

Options:
  --week             the week holding --date (the default)
  --month            the month holding --date
  --date YYYY-MM-DD  a day of that week or month (default: today)
  --json             print JSON
  -h, --help         show this help

Exit status: 0 printed, 2 bad usage.
`,
  },
};

export function helpCatalogue(language: MessageLanguage): HelpCatalogue {
  return language === 'en' ? en : ja;
}

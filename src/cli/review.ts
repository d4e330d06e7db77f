/** `nisshi review`: the week's or month's review, as Markdown for a 週報 / 月報 or as JSON. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCommandArgs } from './args.ts';
import { CliError, EXIT_OK, EXIT_USAGE } from './errors.ts';
import type { Command } from './io.ts';
import { loadLogs } from './load.ts';
import { reviewMarkdown } from './review-text.ts';
import { findLogFiles } from '../files/log-files.ts';
import { messageLanguage, messages } from '../record/messages.ts';
import { writerDate } from '../site/today.ts';
import { isIsoDate } from '../stats/calendar.ts';
import { reviewOf } from '../stats/reviews.ts';

export const reviewCommand: Command = {
  name: 'review',
  help: `使い方: nisshi review [--week | --month] [--date YYYY-MM-DD] [--json]

その週（既定）か月の振り返りを、週報・月報に貼れる Markdown で出します: 学習時間と
記録した日（前の週・月と並べて）、週の目標、連続記録、目標とチェックリスト、
新しい問題と解決した問題、計画のその後（期限内に完了・遅れて完了・期限切れ・
中止・未完了）、学び、振り返りの文章、タグ。--json はサイトの
/data/reviews/week/<週の初日>.json と同じ形の JSON です。週は src/site.config.ts の
weekStart（既定は月曜）で区切り、日付はそのタイムゾーンで数えます。下書きと
エラーのあるログは、サイトと同じく数えません。

オプション:
  --week             --date を含む週（既定）
  --month            --date を含む月
  --date YYYY-MM-DD  その日を含む週・月（既定は今日）
  --json             JSON で出す
  -h, --help         この説明

終了コード: 0 出力した、2 使い方の誤り。

Usage: nisshi review [--week | --month] [--date YYYY-MM-DD] [--json]

Prints the review of the week (the default) or the month holding --date
(default: today) as Markdown ready to paste into a weekly or monthly report
(study time and days beside the period before, the weekly target, streak,
goals and checklist, problems opened and resolved, what became of the
period's plans, learnings, the writer's reflections, tags), or with --json as
the JSON the site publishes at /data/reviews/week/<first day>.json. Weeks
start on the weekStart of src/site.config.ts. Drafts and logs with errors
are left out, as on the site. Markdown in Japanese, or English with
locale 'en' or NISSHI_LANG=en.

Exit status: 0 printed, 2 bad usage.
`,
  async run(args, io, settings) {
    const say = messages(messageLanguage(settings.locale));
    const { values } = parseCommandArgs(
      'review',
      args,
      { week: { type: 'boolean', default: false }, month: { type: 'boolean', default: false }, date: { type: 'string' }, json: { type: 'boolean', default: false } },
      false,
    );
    if (values.help) {
      io.stdout(this.help);
      return EXIT_OK;
    }
    if (values.week && values.month) throw new CliError('give --week or --month, not both; see nisshi review --help', EXIT_USAGE);
    const date = values.date ?? writerDate(settings, io.now());
    if (!isIsoDate(date)) throw new CliError(say.badDate(date), EXIT_USAGE);
    const folder = path.resolve(io.cwd, settings.logsDir);
    const records = (existsSync(folder) ? loadLogs(await findLogFiles([settings.logsDir], io.cwd), settings) : [])
      .map((log) => log.record)
      .filter((record) => !record.draft && !record.diagnostics.some((diagnostic) => diagnostic.severity === 'error'));
    const options = {
      today: writerDate(settings, io.now()),
      weekStart: settings.weekStart,
      vocabulary: settings.vocabulary,
      weeklyTargetMinutes: settings.targets?.weeklyMinutes ?? null,
    };
    const period = reviewOf(records, values.month ? 'month' : 'week', date, options);
    io.stdout(values.json ? `${JSON.stringify(period.review, null, 2)}\n` : reviewMarkdown(period, say));
    return EXIT_OK;
  },
};

/** `nisshi status`: the one command a writer runs in the morning; `--all` lists everything it counts (what `nisshi new` left out included). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCommandArgs } from './args.ts';
import { EXIT_OK } from './errors.ts';
import { helpText, type Command } from './io.ts';
import { helpCatalogue } from '../record/help-texts.ts';
import { closeIndex, MORNING_FIELDS, openIndex, publishedRecords } from './load.ts';
import { findLogFiles } from '../files/log-files.ts';
import { messageLanguage, messages } from '../record/messages.ts';
import { writerDate } from '../site/today.ts';
import { writerStatus, type WriterStatus } from '../stats/status.ts';

export const statusCommand: Command = {
  name: 'status',
  help: helpCatalogue('en').help.status,
  helpIn: (language) => helpCatalogue(language).help.status,
  async run(args, io, settings) {
    const language = messageLanguage(settings.locale);
    const { values } = parseCommandArgs(
      'status',
      args,
      { json: { type: 'boolean', default: false }, all: { type: 'boolean', default: false }, 'no-cache': { type: 'boolean', default: false } },
      false,
      language,
    );
    if (values.help) {
      io.stdout(helpText(this, language));
      return EXIT_OK;
    }
    const folder = path.resolve(io.cwd, settings.logsDir);
    const index = await openIndex('status', io, settings, { noCache: values['no-cache'] });
    // Only what the status reads (the morning's slim records, record-columns.ts, and the learnings due for review).
    const records = existsSync(folder) ? await publishedRecords(index.read(await findLogFiles([settings.logsDir], io.cwd), MORNING_FIELDS)) : [];
    await closeIndex('status', index, io);
    const today = writerDate(settings, io.now());
    const options = { today, weekStart: settings.weekStart, vocabulary: settings.vocabulary, carryOver: settings.carryOver };
    const status = writerStatus(records, options, settings.targets?.weeklyMinutes ?? null, values.all);
    if (values.json) {
      io.stdout(`${JSON.stringify(status, null, 2)}\n`);
      return EXIT_OK;
    }
    io.stdout(statusText(status, language, path.join(settings.logsDir, `${today}.md`)));
    return EXIT_OK;
  },
};

export function statusText(status: WriterStatus, language: 'ja' | 'en', newPath: string): string {
  const say = messages(language);
  const shortDate = (date: string) => `${date.slice(0, 4) === status.today.slice(0, 4) ? '' : `${Number(date.slice(0, 4))}/`}${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;
  /** The items named, then how many more there are when they are not all named. */
  const list = (count: number, lines: string[]) => [...lines.map((line) => `  - ${line}`), ...(count > lines.length ? [say.moreListed(count - lines.length)] : [])];
  const lines = [
    say.statusTitle(status.today),
    status.todayLogs.length > 0 ? say.todayWritten(status.todayLogs.join(', ')) : say.todayMissing(newPath),
    say.week(status.week.minutes, status.week.targetMinutes),
    say.weekChecklist(status.weekChecklist.own, status.weekChecklist.carried),
    say.streak(status.streak),
    say.openProblems(status.openProblems.count),
    ...list(status.openProblems.count, status.openProblems.titles),
    say.overduePlans(status.overduePlans.count, status.overduePlans.stale),
    ...list(status.overduePlans.count, status.overduePlans.items.map((item) => `${item.text} (${item.due})${item.stale ? say.staleMark : ''}`)),
    say.carryNext(status.carry.count, status.carry.date, status.carry.date === status.today),
    ...list(status.carry.count, status.carry.items.map((item) => `${item.text}${say.carryKind(item.kind, shortDate(item.from))}`)),
    say.someday(status.someday.count),
    ...list(status.someday.count, status.someday.items.map((item) => `${item.text}${say.plannedOn(shortDate(item.plannedOn))}`)),
    say.dueLearnings(status.dueLearnings.count),
    ...status.dueLearnings.items.map((item) => `  - ${item.text}${say.learnedOn(Number(item.date.slice(5, 7)), Number(item.date.slice(8, 10)))}`),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * `nisshi new`: starts a day's log from the template, never over an existing
 * one, carrying over what the earlier logs left open (stats/carry-over.ts):
 * fresh plans not done and due, the newest log's tasks left open, open
 * problems, each list capped (settings carryOver) with what was left out
 * counted in one line.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCommandArgs } from './args.ts';
import { carriedSections, leftOutAnything } from './carried-text.ts';
import { reviewSection } from './review-section.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './errors.ts';
import { helpText, type Command } from './io.ts';
import { helpCatalogue } from '../record/help-texts.ts';
import { closeIndex, MORNING_FIELDS, openIndex, publishedRecords } from './load.ts';
import { logTemplate } from './template.ts';
import { findLogFiles } from '../files/log-files.ts';
import { resolveVocabulary } from '../parse/vocabulary.ts';
import { messageLanguage, messages } from '../record/messages.ts';
import { writerDate } from '../site/today.ts';
import { isIsoDate } from '../stats/calendar.ts';
import { carryOver } from '../stats/carry-over.ts';
import { firstDueLearnings, REVIEWS_PER_DAY } from '../stats/spaced-review.ts';

export const newCommand: Command = {
  name: 'new',
  help: helpCatalogue('en').help.new,
  helpIn: (language) => helpCatalogue(language).help.new,
  async run(args, io, settings) {
    const language = messageLanguage(settings.locale);
    const say = messages(language);
    const { values } = parseCommandArgs(
      'new',
      args,
      { date: { type: 'string' }, dir: { type: 'string', default: settings.logsDir }, 'no-cache': { type: 'boolean', default: false } },
      false,
      language,
    );
    if (values.help) {
      io.stdout(helpText(this, language));
      return EXIT_OK;
    }
    const date = values.date ?? writerDate(settings, io.now());
    if (!isIsoDate(date)) throw new CliError(say.badDate(date), EXIT_USAGE);
    if (values.dir === '') throw new CliError(say.dirNeedsFolder, EXIT_USAGE);
    const relativePath = path.join(values.dir, `${date}.md`);
    const target = path.resolve(io.cwd, relativePath);
    if (existsSync(target)) throw new CliError(say.logExists(relativePath), EXIT_FINDINGS);
    const folder = path.resolve(io.cwd, values.dir);
    const index = await openIndex('new', io, settings, { noCache: values['no-cache'] });
    // What the site publishes: a draft or a log with errors carries nothing.
    const records = existsSync(folder) ? await publishedRecords(index.read(await findLogFiles([values.dir], io.cwd), MORNING_FIELDS)) : [];
    await closeIndex('new', index, io);
    const carried = carryOver(records, date, { weekStart: settings.weekStart, vocabulary: settings.vocabulary, carryOver: settings.carryOver });
    const due = firstDueLearnings(records.filter((record) => record.date !== null && record.date < date), date, REVIEWS_PER_DAY).items;
    try {
      await mkdir(path.dirname(target), { recursive: true });
      // 'wx' fails if the file exists, in the same system call that creates it, so
      // a log written between a check and the write can never be clobbered.
      const sections = carriedSections(carried, date, resolveVocabulary(settings.vocabulary)) + reviewSection(due, target, io.cwd, date);
      await writeFile(target, logTemplate(date, sections), { flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new CliError(say.logExists(relativePath), EXIT_FINDINGS);
      throw new CliError(say.cannotWrite(relativePath, (error as Error).message), EXIT_USAGE);
    }
    io.stdout(`${relativePath}\n`);
    io.stderr(`${say.carried(carried.items.length + carried.problems.length)}${say.carriedDetail(carried.items.length, carried.problems.length)}\n`);
    if (leftOutAnything(carried)) io.stderr(`${say.leftOut(carried.leftOut, carried.limits.maxAgeDays)}\n`);
    if (due.length > 0) io.stderr(`${say.reviewsAdded(due.length)}\n`);
    return EXIT_OK;
  },
};

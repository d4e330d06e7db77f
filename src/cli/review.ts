/** `nisshi review`: the week's or month's review, as Markdown for a 週報 / 月報 or as JSON. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCommandArgs } from './args.ts';
import { CliError, EXIT_OK, EXIT_USAGE } from './errors.ts';
import { helpText, type Command } from './io.ts';
import { closeIndex, loadLogs, openIndex } from './load.ts';
import { reviewMarkdown } from './review-text.ts';
import { findLogFiles } from '../files/log-files.ts';
import { helpCatalogue } from '../record/help-texts.ts';
import { messageLanguage, messages } from '../record/messages.ts';
import { writerDate } from '../site/today.ts';
import { isIsoDate } from '../stats/calendar.ts';
import { reviewOf } from '../stats/reviews.ts';

export const reviewCommand: Command = {
  name: 'review',
  help: helpCatalogue('en').help.review,
  helpIn: (language) => helpCatalogue(language).help.review,
  async run(args, io, settings) {
    const language = messageLanguage(settings.locale);
    const say = messages(language);
    const { values } = parseCommandArgs(
      'review',
      args,
      {
        week: { type: 'boolean', default: false },
        month: { type: 'boolean', default: false },
        date: { type: 'string' },
        json: { type: 'boolean', default: false },
        'no-cache': { type: 'boolean', default: false },
      },
      false,
      language,
    );
    if (values.help) {
      io.stdout(helpText(this, language));
      return EXIT_OK;
    }
    if (values.week && values.month) throw new CliError(say.seeHelp(say.review.weekOrMonth, 'review'), EXIT_USAGE);
    const date = values.date ?? writerDate(settings, io.now());
    if (!isIsoDate(date)) throw new CliError(say.badDate(date), EXIT_USAGE);
    const folder = path.resolve(io.cwd, settings.logsDir);
    const index = await openIndex('review', io, settings, { noCache: values['no-cache'] });
    const loaded = existsSync(folder) ? await loadLogs(index.read(await findLogFiles([settings.logsDir], io.cwd), 'all')) : [];
    await closeIndex('review', index, io);
    const records = loaded
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

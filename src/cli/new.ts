/** `nisshi new`: starts today's log from the template, never over an existing one. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCommandArgs } from './args.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './errors.ts';
import type { Command } from './io.ts';
import { logTemplate } from './template.ts';
import { dateIn } from '../site/today.ts';
import { isIsoDate } from '../stats/calendar.ts';

/**
 * Today's date in Japan, whatever the machine's time zone (the default
 * settings' zone): a CI runner on UTC at 08:00 JST must still say "today" in JST.
 */
export function tokyoDate(now: Date): string {
  return dateIn('Asia/Tokyo', now);
}

export const newCommand: Command = {
  name: 'new',
  summary: 'new [--date YYYY-MM-DD]   start a log from the template (default: today in the site\'s time zone)',
  help: `Usage: nisshi new [--date YYYY-MM-DD] [--dir FOLDER]

Writes FOLDER/YYYY-MM-DD.md from the Japanese log template and prints its
path. The date defaults to today in the time zone of src/site.config.ts
(Asia/Tokyo unless changed), whatever the machine's time zone. An existing
log is never overwritten.

Options:
  --date YYYY-MM-DD  the day of the log
  --dir FOLDER       where logs live (default: logsDir of src/site.config.ts, logs)
  -h, --help         show this help

Exit status: 0 written, 1 the log already exists, 2 bad usage.
`,
  async run(args, io, settings) {
    const { values } = parseCommandArgs(
      'new',
      args,
      { date: { type: 'string' }, dir: { type: 'string', default: settings.logsDir } },
      false,
    );
    if (values.help) {
      io.stdout(this.help);
      return EXIT_OK;
    }
    const date = values.date ?? dateIn(settings.timezone, io.now());
    if (!isIsoDate(date)) {
      throw new CliError(`--date must be a real day written YYYY-MM-DD, e.g. 2025-08-03 (got "${date}")`, EXIT_USAGE);
    }
    if (values.dir === '') throw new CliError('--dir needs a folder name', EXIT_USAGE);
    const relativePath = path.join(values.dir, `${date}.md`);
    const target = path.resolve(io.cwd, relativePath);
    try {
      await mkdir(path.dirname(target), { recursive: true });
      // 'wx' fails if the file exists, in the same system call that creates it, so
      // a log written between a check and the write can never be clobbered.
      await writeFile(target, logTemplate(date), { flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        throw new CliError(`${relativePath} already exists; open it to keep writing, or pass --date for another day`, EXIT_FINDINGS);
      }
      throw new CliError(`cannot write ${relativePath}: ${(error as Error).message}`, EXIT_USAGE);
    }
    io.stdout(`${relativePath}\n`);
    return EXIT_OK;
  },
};

/** `nisshi parse`: prints the records of the given logs as one JSON array. */
import path from 'node:path';
import { parseCommandArgs } from './args.ts';
import { CliError, EXIT_OK, EXIT_USAGE } from './errors.ts';
import { findLogFiles } from '../files/log-files.ts';
import { helpText, type Command } from './io.ts';
import { helpCatalogue } from '../record/help-texts.ts';
import { messageLanguage, messages } from '../record/messages.ts';
import { closeIndex, imageChecker, openIndex } from './load.ts';
import { writeFileAtomically } from './write-atomic.ts';

export const parseCommand: Command = {
  name: 'parse',
  help: helpCatalogue('en').help.parse,
  helpIn: (language) => helpCatalogue(language).help.parse,
  async run(args, io, settings) {
    const language = messageLanguage(settings.locale);
    const say = messages(language);
    const { values, positionals } = parseCommandArgs(
      'parse',
      args,
      { pretty: { type: 'boolean', default: false }, out: { type: 'string' }, 'include-private': { type: 'boolean', default: false }, 'no-cache': { type: 'boolean', default: false } },
      true,
      language,
    );
    if (values.help) {
      io.stdout(helpText(this, language));
      return EXIT_OK;
    }
    if (positionals.length === 0) throw new CliError(say.parseNoPaths, EXIT_USAGE);
    if (values.out === '') throw new CliError(say.outNeedsFile, EXIT_USAGE);
    const files = await findLogFiles(positionals, io.cwd);
    // With private notes kept, records never go near the record index (openRecordIndex).
    const index = await openIndex('parse', io, settings, { noCache: values['no-cache'], includePrivate: values['include-private'] });
    const json = recordsJson(index.read(files, 'all', { images: imageChecker(settings.logsDir, io.cwd) }), values.pretty);
    if (values.out === undefined) {
      // Gathered first, so a log that cannot be read leaves no half an array on stdout.
      const pieces: string[] = [];
      for await (const piece of json) pieces.push(piece);
      await closeIndex('parse', index, io);
      for (const piece of pieces) io.stdout(piece);
      return EXIT_OK;
    }
    try {
      await writeFileAtomically(path.resolve(io.cwd, values.out), json);
    } catch (error) {
      throw new CliError(say.cannotWrite(values.out, (error as Error).message), EXIT_USAGE);
    } finally {
      await closeIndex('parse', index, io);
    }
    io.stderr(`${say.wroteRecords(files.length, values.out)}\n`);
    return EXIT_OK;
  },
};

/** Pieces of text to gather before handing them on: few writes, and never the whole array in memory. */
const PIECE_BYTES = 1 << 20;

/**
 * The text of `JSON.stringify(records, null, pretty ? 2 : undefined)` plus a
 * newline, made one record at a time so that no record is kept once written.
 */
export async function* recordsJson(logs: AsyncIterable<{ record: unknown }> | Iterable<{ record: unknown }>, pretty: boolean): AsyncGenerator<string> {
  const open = pretty ? '[\n  ' : '[';
  const between = pretty ? ',\n  ' : ',';
  let piece = '';
  let count = 0;
  for await (const { record } of logs) {
    const text = pretty ? JSON.stringify(record, null, 2).replaceAll('\n', '\n  ') : JSON.stringify(record);
    piece += (count === 0 ? open : between) + text;
    count++;
    if (piece.length >= PIECE_BYTES) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}${count === 0 ? '[]' : pretty ? '\n]' : ']'}\n`;
}

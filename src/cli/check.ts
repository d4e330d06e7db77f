/** `nisshi check`: reports every problem in the logs and fails when there is an error. */
import { parseCommandArgs } from './args.ts';
import { countFindings, formatDiagnosticLine, formatSummary } from '../record/diagnostic-lines.ts';
import { collectDiagnostics, type CheckedLog } from '../check/findings.ts';
import { messageLanguage, messages, type MessageLanguage } from '../record/messages.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './errors.ts';
import { findLogFiles } from '../files/log-files.ts';
import { helpText, type Command } from './io.ts';
import { helpCatalogue } from '../record/help-texts.ts';
import { closeIndex, imageChecker, openIndex } from './load.ts';

export const checkCommand: Command = {
  name: 'check',
  help: helpCatalogue('en').help.check,
  helpIn: (language) => helpCatalogue(language).help.check,
  async run(args, io, settings) {
    const language = messageLanguage(settings.locale);
    const { values, positionals } = parseCommandArgs('check', args, { format: { type: 'string', default: 'text' }, 'no-cache': { type: 'boolean', default: false } }, true, language);
    if (values.help) {
      io.stdout(helpText(this, language));
      return EXIT_OK;
    }
    const format = values.format;
    if (format !== 'text' && format !== 'json') throw new CliError(messages(language).badFormat(format), EXIT_USAGE);
    const files = await findLogFiles(positionals.length > 0 ? positionals : [settings.logsDir], io.cwd);
    // Only what the findings and the checks across logs need is kept of each record.
    const checked: CheckedLog[] = [];
    const index = await openIndex('check', io, settings, { noCache: values['no-cache'] });
    // The head of each record is all `check` reads (record-columns.ts).
    for await (const { file, record } of index.read(files, [], { images: imageChecker(settings.logsDir, io.cwd) })) {
      checked.push({ file: { displayPath: file.displayPath }, record: { slug: record.slug, draft: record.draft, date: record.date, diagnostics: record.diagnostics } });
    }
    await closeIndex('check', index, io);
    const diagnostics = collectDiagnostics(checked, language);
    if (format === 'json') {
      io.stdout(`${JSON.stringify(diagnostics)}\n`);
    } else {
      for (const diagnostic of diagnostics) io.stdout(`${formatDiagnosticLine(diagnostic)}\n`);
    }
    const counts = countFindings(files.length, diagnostics);
    io.stderr(`${language === 'en' ? formatSummary(counts) : messages('ja').summary(counts.files, counts.errors, counts.warnings)}\n`);
    return counts.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};

export { collectDiagnostics, type CheckedLog } from '../check/findings.ts';

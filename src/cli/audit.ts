/** `nisshi audit dist`: fails when a built file holds the text of a private note or a draft log. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCommandArgs } from './args.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './errors.ts';
import type { CliIo, Command } from './io.ts';
import { auditBuild, type AuditLog, type LeakFinding } from '../deploy/leak-audit.ts';
import { findLogFiles } from '../files/log-files.ts';
import { readLogFileSync } from '../files/read-log-file.ts';
import { messageLanguage, messages, type Messages } from '../record/messages.ts';
import type { Settings } from '../settings/settings.ts';

export const auditCommand: Command = {
  name: 'audit',
  help: `Usage: nisshi audit [dist] [--logs FOLDER]

Reads every file of the built site (HTML, JSON, XML, JS, and Pagefind's
compressed index and fragments, unpacked) and looks for the text of the logs'
private notes (sections headed "…🔒" or 非公開 / private, <!-- private -->
blocks) and of draft logs. Each finding names the built file and the log's
file:line. nisshi deploy runs the same audit before it writes anything.

Options:
  --logs FOLDER  where the logs are (default: logsDir of src/site.config.ts)
  -h, --help     show this help

Exit status: 0 nothing found, 1 private or draft text in the build, 2 bad usage.
`,
  async run(args, io, settings) {
    const { values, positionals } = parseCommandArgs('audit', args, { logs: { type: 'string' } }, true);
    if (values.help) {
      io.stdout(this.help);
      return EXIT_OK;
    }
    if (positionals.length > 1) throw new CliError('give one build folder, e.g. nisshi audit dist', EXIT_USAGE);
    const dist = positionals[0] ?? 'dist';
    const say = messages(messageLanguage(settings.locale));
    const result = await auditFolder(io, settings, dist, values.logs ?? settings.logsDir);
    if (result.findings.length > 0) {
      for (const line of findingLines(dist, result.findings, say)) io.stdout(`${line}\n`);
      io.stderr(`${say.auditLeaks(result.findings.length, dist)}\n`);
      return EXIT_FINDINGS;
    }
    io.stderr(`${say.auditClean(result.files, dist, result.secrets)}\n`);
    return EXIT_OK;
  },
};

/** Runs the audit of a build folder against the logs folder (both relative to io.cwd). */
export async function auditFolder(io: CliIo, settings: Pick<Settings, 'privateHeadings'>, dist: string, logsDir: string) {
  const distPath = path.resolve(io.cwd, dist);
  if (!existsSync(distPath)) throw new CliError(`${dist} does not exist; run npm run build first`, EXIT_USAGE);
  const logs: AuditLog[] = [];
  for (const file of await findLogFiles([logsDir], io.cwd)) {
    logs.push({ path: file.displayPath, text: readLogFileSync(file).text });
  }
  return auditBuild(distPath, logs, settings.privateHeadings);
}

export function findingLines(dist: string, findings: readonly LeakFinding[], say: Messages): string[] {
  return findings.map((finding) => say.auditFinding(path.posix.join(dist, finding.file), finding.kind, `${finding.log}:${finding.line}`, finding.passage));
}

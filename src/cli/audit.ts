/** `nisshi audit dist`: fails when a built file holds the text of a private note or a draft log. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCommandArgs } from './args.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './errors.ts';
import { helpText, type CliIo, type Command } from './io.ts';
import { auditBuild, type AuditLog, type LeakFinding } from '../deploy/leak-audit.ts';
import { findLogFiles } from '../files/log-files.ts';
import { readLogFileSync } from '../files/read-log-file.ts';
import { helpCatalogue } from '../record/help-texts.ts';
import { messageLanguage, messages, type Messages } from '../record/messages.ts';
import type { Settings } from '../settings/settings.ts';

export const auditCommand: Command = {
  name: 'audit',
  help: helpCatalogue('en').help.audit,
  helpIn: (language) => helpCatalogue(language).help.audit,
  async run(args, io, settings) {
    const language = messageLanguage(settings.locale);
    const say = messages(language);
    const { values, positionals } = parseCommandArgs('audit', args, { logs: { type: 'string' }, 'no-cache': { type: 'boolean' } }, true, language);
    if (values.help) {
      io.stdout(helpText(this, language));
      return EXIT_OK;
    }
    if (positionals.length > 1) throw new CliError(say.auditOneFolder, EXIT_USAGE);
    const dist = positionals[0] ?? 'dist';
    const result = await auditFolder(io, settings, dist, values.logs ?? settings.logsDir, !values['no-cache']);
    if (result.findings.length > 0) {
      for (const line of findingLines(dist, result.findings, say)) io.stdout(`${line}\n`);
      io.stderr(`${say.auditLeaks(result.findings.length, dist)}\n`);
      return EXIT_FINDINGS;
    }
    io.stderr(`${say.auditClean(result.files, dist, result.secrets, result.reused)}\n`);
    return EXIT_OK;
  },
};

/** Where the audit keeps what passed: under the project's node_modules, when there is one. */
export function auditCacheFile(cwd: string): string | undefined {
  const modules = path.resolve(cwd, 'node_modules');
  return existsSync(modules) ? path.join(modules, '.cache/nisshi/audit.json') : undefined;
}

/** Runs the audit of a build folder against the logs folder (both relative to io.cwd). */
export async function auditFolder(io: CliIo, settings: Pick<Settings, 'privateHeadings' | 'locale'>, dist: string, logsDir: string, cache = true) {
  const distPath = path.resolve(io.cwd, dist);
  if (!existsSync(distPath)) throw new CliError(messages(messageLanguage(settings.locale)).auditNoBuild(dist), EXIT_USAGE);
  const logs: AuditLog[] = [];
  for (const file of await findLogFiles([logsDir], io.cwd)) {
    logs.push({ path: file.displayPath, text: readLogFileSync(file).text });
  }
  return auditBuild(distPath, logs, settings.privateHeadings, cache ? auditCacheFile(io.cwd) : undefined);
}

export function findingLines(dist: string, findings: readonly LeakFinding[], say: Messages): string[] {
  return findings.map((finding) => say.auditFinding(path.posix.join(dist, finding.file), finding.kind, `${finding.log}:${finding.line}`, finding.passage));
}

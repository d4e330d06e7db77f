/**
 * The `nisshi` command line: picks the command, runs it and turns failures into
 * one line on stderr plus an exit code. bin/nisshi.js is only the launcher.
 */
import { readFileSync } from 'node:fs';
import { CliError, EXIT_BUG, EXIT_OK, EXIT_USAGE } from './errors.ts';
import { processIo, type CliIo, type Command } from './io.ts';
import { LogPathError } from '../files/log-files.ts';
import { messageLanguage, messages } from '../record/messages.ts';
import { SettingsError, type Settings } from '../settings/settings.ts';

/**
 * The commands, each loaded only when it runs: `check` in a pre-commit hook
 * should not pay for the AWS SDK that only `deploy` needs (about 0.4 s of a
 * 0.8 s start).
 */
const commands: ReadonlyArray<{ name: string; summary: string; load(): Promise<Command> }> = [
  { name: 'parse', summary: 'parse <files or folders…> print the logs as JSON records', load: async () => (await import('./parse.ts')).parseCommand },
  { name: 'check', summary: 'check [paths…]           report problems in logs (default: the logs folder)', load: async () => (await import('./check.ts')).checkCommand },
  { name: 'new', summary: 'new [--date YYYY-MM-DD]   start a log from the template, carrying over what is still open', load: async () => (await import('./new.ts')).newCommand },
  {
    name: 'status',
    summary: "status [--json]           today's log, the week against the target, streak, open problems, overdue plans",
    load: async () => (await import('./status.ts')).statusCommand,
  },
  { name: 'audit', summary: 'audit [dist]              fail when the build holds text of a private note or a draft', load: async () => (await import('./audit.ts')).auditCommand },
  { name: 'deploy', summary: 'deploy [options]          publish dist/ to S3 and invalidate CloudFront', load: async () => (await import('./deploy.ts')).deployCommand },
];

export const usage = `Usage: nisshi <command> [options]

日誌 — turns daily Japanese Markdown study logs into records and a site.

Commands:
${commands.map((command) => `  ${command.summary}`).join('\n')}

Every command takes --no-cache: read each log from its file, neither using
nor updating the record index (node_modules/.cache/nisshi/, safe to delete).

Run nisshi <command> --help for the options of one command.
`;

/**
 * @param settings the site's settings; by default src/site.config.ts, read
 *   (and validated) here so a bad value is one clear line, not a stack trace.
 */
export async function main(argv: readonly string[], io: CliIo = processIo(), settings?: Settings): Promise<number> {
  // --no-cache means the same to every command: it is taken here, so each command's options need not list it to accept it.
  const noCache = argv.includes('--no-cache');
  const [name, ...rest] = argv.filter((arg) => arg !== '--no-cache');
  if (noCache) io = { ...io, noCache: true };
  if (name === undefined) {
    io.stderr(usage);
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = commands.find((command) => command.name === rest[0]);
    io.stdout(topic ? (await topic.load()).help : usage);
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  const entry = commands.find((candidate) => candidate.name === name);
  if (!entry) {
    io.stderr(`nisshi: ${messages(messageLanguage(settings?.locale)).unknownCommand(name)}\n\n${usage}`);
    return EXIT_USAGE;
  }
  const command = await entry.load();
  try {
    return await command.run(rest, io, settings ?? (await siteSettings()));
  } catch (error) {
    if (error instanceof SettingsError || error instanceof LogPathError) {
      io.stderr(`nisshi ${command.name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof CliError) {
      io.stderr(`nisshi ${command.name}: ${error.message}\n`);
      return error.exitCode;
    }
    // Anything else is a bug in nisshi: keep the stack so it can be reported.
    io.stderr(`nisshi ${command.name}: ${messages(messageLanguage(settings?.locale)).unexpected}\n${(error as Error).stack ?? String(error)}\n`);
    return EXIT_BUG;
  }
}

/** Imported on first use: importing src/site.config.ts validates it, and may throw a SettingsError. */
async function siteSettings(): Promise<Settings> {
  return (await import('../site.config.ts')).siteSettings;
}

function packageVersion(): string {
  const packageJson = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(packageJson) as { version: string }).version;
}

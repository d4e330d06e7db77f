/**
 * The `nisshi` command line: picks the command, runs it and turns failures into
 * one line on stderr plus an exit code. bin/nisshi.js is only the launcher.
 */
import { readFileSync } from 'node:fs';
import { auditCommand } from './audit.ts';
import { deployCommand } from './deploy.ts';
import { checkCommand } from './check.ts';
import { CliError, EXIT_BUG, EXIT_OK, EXIT_USAGE } from './errors.ts';
import { processIo, type CliIo, type Command } from './io.ts';
import { newCommand } from './new.ts';
import { parseCommand } from './parse.ts';
import { statusCommand } from './status.ts';
import { LogPathError } from '../files/log-files.ts';
import { messageLanguage, messages } from '../record/messages.ts';
import { SettingsError, type Settings } from '../settings/settings.ts';

const commands: readonly Command[] = [parseCommand, checkCommand, newCommand, statusCommand, auditCommand, deployCommand];

export const usage = `Usage: nisshi <command> [options]

日誌 — turns daily Japanese Markdown study logs into records and a site.

Commands:
${commands.map((command) => `  ${command.summary}`).join('\n')}

Run nisshi <command> --help for the options of one command.
`;

/**
 * @param settings the site's settings; by default src/site.config.ts, read
 *   (and validated) here so a bad value is one clear line, not a stack trace.
 */
export async function main(argv: readonly string[], io: CliIo = processIo(), settings?: Settings): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(usage);
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = commands.find((command) => command.name === rest[0]);
    io.stdout(topic ? topic.help : usage);
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`nisshi: ${messages(messageLanguage(settings?.locale)).unknownCommand(name)}\n\n${usage}`);
    return EXIT_USAGE;
  }
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

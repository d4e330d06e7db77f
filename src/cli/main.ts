/**
 * The `nisshi` command line: picks the command, runs it and turns failures into
 * one line on stderr plus an exit code. bin/nisshi.js is only the launcher.
 */
import { readFileSync } from 'node:fs';
import { CliError, EXIT_BUG, EXIT_OK, EXIT_USAGE } from './errors.ts';
import { helpText, processIo, type CliIo, type Command } from './io.ts';
import { LogPathError } from '../files/log-files.ts';
import { helpCatalogue, type CommandSummaries } from '../record/help-texts.ts';
import { messageLanguage, messages, type MessageLanguage, type Messages } from '../record/messages.ts';
import { SettingsError } from '../settings/settings-error.ts';
import type { Settings } from '../settings/settings.ts';
import { forgoRememberedSettings } from '../site/validated-settings.ts';

/**
 * The commands, each loaded only when it runs: `check` in a pre-commit hook
 * should not pay for the AWS SDK that only `deploy` needs (about 0.4 s of a
 * 0.8 s start). Exported as the one list of commands: the help and the tests
 * that every command speaks the writer's language read it.
 */
export const commands: ReadonlyArray<{ name: keyof CommandSummaries; load(): Promise<Command> }> = [
  { name: 'parse', load: async () => (await import('./parse.ts')).parseCommand },
  { name: 'check', load: async () => (await import('./check.ts')).checkCommand },
  { name: 'new', load: async () => (await import('./new.ts')).newCommand },
  { name: 'status', load: async () => (await import('./status.ts')).statusCommand },
  { name: 'drop', load: async () => (await import('./drop.ts')).dropCommand },
  { name: 'review', load: async () => (await import('./review.ts')).reviewCommand },
  { name: 'audit', load: async () => (await import('./audit.ts')).auditCommand },
  { name: 'deploy', load: async () => (await import('./deploy.ts')).deployCommand },
  { name: 'lsp', load: async () => (await import('./lsp.ts')).lspCommand },
];

/** `nisshi --help`: every command with one line about it. */
export function usageText(language: MessageLanguage): string {
  const { summaries, usage } = helpCatalogue(language);
  return usage(commands.map((command) => `  ${summaries[command.name]}`).join('\n'));
}

/**
 * @param settings the site's settings; by default src/site.config.ts, read
 *   (and validated) here so a bad value is one clear line, not a stack trace.
 *   Help is given even when the settings are bad; in their language when
 *   they name one (NISSHI_LANG first).
 */
export async function main(argv: readonly string[], io: CliIo = processIo(), settings?: Settings): Promise<number> {
  const [name, ...rest] = argv;
  // `--no-cache`: no cached state at all, the validated settings included.
  if (rest.includes('--no-cache')) forgoRememberedSettings();
  const loaded = settings ? { settings, error: null } : await siteSettings();
  const language = loaded.settings ? messageLanguage(loaded.settings.locale) : loaded.error!.language;
  const say = messages(language);
  if (name === undefined) {
    io.stderr(usageText(language));
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = commands.find((command) => command.name === rest[0]);
    io.stdout(topic ? helpText(await topic.load(), language) : usageText(language));
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  const entry = commands.find((candidate) => candidate.name === name);
  if (!entry) {
    io.stderr(`nisshi: ${say.unknownCommand(name)}\n\n${usageText(language)}`);
    return EXIT_USAGE;
  }
  const command = await entry.load();
  if (asksForHelp(rest)) {
    io.stdout(helpText(command, language));
    return EXIT_OK;
  }
  if (!loaded.settings) {
    io.stderr(`nisshi ${command.name}: ${loaded.error!.message}\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io, loaded.settings);
  } catch (error) {
    if (error instanceof SettingsError || error instanceof LogPathError) {
      io.stderr(`nisshi ${command.name}: ${error instanceof LogPathError ? pathMessage(error, say) : error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof CliError) {
      io.stderr(`nisshi ${command.name}: ${error.message}\n`);
      return error.exitCode;
    }
    // Anything else is a bug in nisshi: keep the stack so it can be reported.
    io.stderr(`nisshi ${command.name}: ${say.unexpected}\n${(error as Error).stack ?? String(error)}\n`);
    return EXIT_BUG;
  }
}

/** `-h` or `--help` among a command's arguments (before a `--`): help, whatever else is there and whatever the settings say. */
function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

/** A path that cannot be read, said in the writer's language. */
function pathMessage(error: LogPathError, say: Messages): string {
  const { detail } = error;
  if (!detail) return error.message;
  if (detail.kind === 'missing') return say.noSuchPath(detail.path);
  if (detail.kind === 'not-file-or-folder') return say.notFileOrFolder(detail.path);
  return say.cannotRead(detail.path, detail.reason ?? '');
}

/** Imported on first use: importing src/site.config.ts validates it, and may throw a SettingsError (kept, to be said when a command needs the settings). */
async function siteSettings(): Promise<{ settings: Settings; error: null } | { settings: null; error: SettingsError }> {
  try {
    return { settings: (await import('../site.config.ts')).siteSettings, error: null };
  } catch (error) {
    if (error instanceof SettingsError) return { settings: null, error };
    throw error;
  }
}

function packageVersion(): string {
  const packageJson = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(packageJson) as { version: string }).version;
}

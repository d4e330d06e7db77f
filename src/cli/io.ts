import type { MessageLanguage } from '../record/messages.ts';
import type { Settings } from '../settings/settings.ts';

/**
 * What a command may touch besides the file system: passed in rather than taken
 * from `process` so commands can run inside a test and be compared line by line.
 */
export interface CliIo {
  /** Folder that relative paths are resolved against. */
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The current instant; `new` turns it into today's date in Tokyo. */
  now(): Date;
}

export function processIo(): CliIo {
  // `nisshi parse logs | head` closes the pipe early: that is the reader's choice,
  // not a failure worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  return {
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    now: () => new Date(),
  };
}

/** A command of the `nisshi` tool. */
export interface Command {
  name: string;
  /** Full `--help` text, ending with a newline (in English when `helpIn` is there). */
  help: string;
  /** The `--help` text in the writer's language, from the catalogue (src/record/help-texts.ts). */
  helpIn?(language: MessageLanguage): string;
  /** Runs with the arguments after the command name and the site's settings; returns the exit code. */
  run(args: readonly string[], io: CliIo, settings: Settings): Promise<number>;
}

/** A command's `--help` in a language. */
export function helpText(command: Pick<Command, 'help' | 'helpIn'>, language: MessageLanguage): string {
  return command.helpIn ? command.helpIn(language) : command.help;
}

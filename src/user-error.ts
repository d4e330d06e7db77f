/**
 * A failure the person at the terminal can fix (a missing path, a bad option,
 * a log that already exists). main() prints its message as one line and exits
 * with its code, instead of a stack trace. At the bottom of the layers so any
 * part of nisshi that runs under a command (deploy, say) can throw one.
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** Exit codes shared by every command; 1 is reserved for "the logs have errors". */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** An exception nisshi did not expect: a bug, reported with its stack. */
export const EXIT_BUG = 3;

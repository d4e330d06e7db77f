/**
 * Command-line option parsing on top of node:util's parseArgs, with its errors
 * turned into one line that says what to do next.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, EXIT_USAGE } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<const T extends Options>(
  command: string,
  args: readonly string[],
  options: T,
  allowPositionals: boolean,
) {
  try {
    return parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } } as T & { help: { type: 'boolean'; short: 'h' } },
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    throw new CliError(`${describeParseError(error)}; see nisshi ${command} --help`, EXIT_USAGE);
  }
}

function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted(message) ?? message}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted(message) ?? message}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = /'(-[^' ]+)/.exec(message)?.[1];
      return option ? `${option} needs a value` : message;
    }
    default:
      return message;
  }
}

/** parseArgs names the offending word in single quotes; pull it out for a shorter line. */
function quoted(message: string): string | undefined {
  return /'([^']*)'/.exec(message)?.[1];
}

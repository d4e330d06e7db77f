/**
 * Command-line option parsing on top of node:util's parseArgs, with its errors
 * turned into one line, in the writer's language, that says what to do next.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, EXIT_USAGE } from './errors.ts';
import { messageLanguage, messages, type MessageLanguage, type Messages } from '../record/messages.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * @param language the language of the error; by default NISSHI_LANG's (else
 *   Japanese) — a command that has read the settings passes their locale's.
 */
export function parseCommandArgs<const T extends Options>(
  command: string,
  args: readonly string[],
  options: T,
  allowPositionals: boolean,
  language: MessageLanguage = messageLanguage(undefined),
) {
  try {
    return parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } } as T & { help: { type: 'boolean'; short: 'h' } },
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    const say = messages(language);
    throw new CliError(say.seeHelp(describeParseError(error, say), command), EXIT_USAGE);
  }
}

function describeParseError(error: unknown, say: Messages): string {
  const { code, message } = error as { code?: string; message: string };
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return say.unknownOption(quoted(message) ?? message);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return say.unexpectedArgument(quoted(message) ?? message);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = /'(-[^' ]+)/.exec(message)?.[1];
      if (!option) return say.badArguments(message);
      // "--pretty=yes": a flag given a value; "--out" at the end: a value missing.
      return message.includes('does not take') ? say.takesNoValue(option) : say.needsValue(option);
    }
    default:
      return say.badArguments(message);
  }
}

/** parseArgs names the offending word in single quotes; pull it out for a shorter line. */
function quoted(message: string): string | undefined {
  return /'([^']*)'/.exec(message)?.[1];
}

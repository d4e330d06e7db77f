/**
 * Parsing open logs on a thread of their own (record-index/parser-threads.ts,
 * the same threads a first run of a command parses on), so a large log never
 * holds up a hover, and the parser loads while the record index is read. The
 * images beside a log are checked here, as `check` checks them.
 */
import { imageChecker } from '../files/image-checker.ts';
import { toPosix } from '../files/to-posix.ts';
import { messageLanguage, type MessageLanguage } from '../record/messages.ts';
import type { ReadSettings } from '../parse/read-settings.ts';
import type { LogRecord } from '../record/schema.ts';
import { ParserThreads } from '../record-index/parser-threads.ts';
import { withImageCheck } from '../record-index/image-warnings.ts';
import type { ImageChecker } from '../record-index/record-index.ts';

export interface LogParserSetup {
  settings: ReadSettings;
  logsDir: string;
  cwd: string;
}

export class LogParserThread {
  readonly #threads: ParserThreads;
  readonly #images: ImageChecker;
  readonly #language: MessageLanguage;

  constructor(setup: LogParserSetup, log?: (line: string) => void) {
    this.#threads = new ParserThreads({ settings: setup.settings, includePrivate: false }, 1, (line) => log?.(`nisshi lsp: ${line}`));
    this.#images = imageChecker(setup.logsDir, setup.cwd);
    this.#language = setup.settings.messages ?? messageLanguage(setup.settings.locale);
    // The parser loads on the thread while the server reads the record index.
    this.#threads.warm();
  }

  /** The record of a log's bytes as `check` reads them. */
  async parse(absolutePath: string, displayPath: string, bytes: Uint8Array): Promise<LogRecord> {
    const source = toPosix(displayPath);
    const parsed = await this.#threads.parse({ source, displayPath, bytes });
    return withImageCheck(parsed, source, this.#images({ absolutePath, displayPath }), this.#language).record;
  }

  close(): Promise<void> {
    return this.#threads.close();
  }
}

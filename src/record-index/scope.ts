/**
 * What a stored record depends on besides its file: the code that read it and
 * the settings it was read with. Both go into the scope, and each scope is a
 * database of its own (record-store.ts): a new nisshi, an edited parser or a
 * changed vocabulary reads every log again, and going back finds the old
 * scope's records still there.
 */
import { createHash } from 'node:crypto';
import { sourceDigest } from '../files/source-digest.ts';
import { readSettingsOf, type ReadSettings } from '../parse/read-settings.ts';

let parser: string | null = null;

/**
 * A digest of the code a record comes from: the parser and the record's rules
 * and messages, the reading of a file's bytes, and the index's own way of
 * storing a record.
 */
export function parserVersion(): string {
  parser ??= sourceDigest([
    new URL('../parse/', import.meta.url),
    new URL('../record/', import.meta.url),
    new URL('../files/decode-log.ts', import.meta.url),
    new URL('../files/read-log-file.ts', import.meta.url),
    new URL('./', import.meta.url),
  ]);
  return parser;
}

/** 16 hex digits naming the parser's code and the settings that change a record. */
export function recordIndexScope(settings: ReadSettings, parser: string = parserVersion()): string {
  const key = JSON.stringify({ parser, settings: readSettingsOf(settings) });
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

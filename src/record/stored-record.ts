/**
 * The record as the site's content store holds it. Three parts of a record
 * are shown by no page, only published whole in /data/: its figures (every
 * bold label, problem parts included), its work items and its references.
 * They are over half of a record's bytes (7.7 of 12.4 KB for a generated log
 * of 8.9 KB), and Astro reads, writes and bundles the store whole on every
 * build: without them a one-log rebuild of 3,650 such logs took 7.2 s instead
 * of 11.2 s. They are kept in the log's body file (src/files/log-bodies.ts),
 * under the same digest, and /data/ puts them back (src/site/record-files.ts).
 *
 * A log with images beside it keeps its body, and so these parts, in the store.
 */
import type { z } from 'zod';
import { logRecordSchema, type LogRecord } from './schema.ts';

/** The parts of a record kept with its body instead of in the store: one list for both schemas below. */
const EXTRAS = { figures: true, work: true, references: true } as const;

export const recordExtrasSchema = logRecordSchema.pick(EXTRAS);
/** The parts of a record kept with its body instead of in the store. */
export type RecordExtras = z.infer<typeof recordExtrasSchema>;

/** The content collection's schema: a record, whose extras may be left out. */
export const storedRecordSchema = logRecordSchema.partial(EXTRAS);
export type StoredRecord = z.infer<typeof storedRecordSchema>;

/** The extras of a record, to keep with its body. */
export function recordExtras(record: Pick<LogRecord, 'figures' | 'work' | 'references'>): RecordExtras {
  return { figures: record.figures, work: record.work, references: record.references };
}

/** The record without its extras, for the store. */
export function withoutExtras<T extends LogRecord>(record: T): Omit<T, 'figures' | 'work' | 'references'> {
  const { figures: _figures, work: _work, references: _references, ...rest } = record;
  return rest;
}

/**
 * The whole record, as the store gave it before the extras were left out:
 * the stored record with its extras (validated by the same schema), its keys
 * in the schema's order, so /data/ publishes the same bytes either way.
 */
export function completeRecord(stored: StoredRecord, extras: () => unknown): LogRecord {
  const parts: Partial<RecordExtras> = stored.figures && stored.work && stored.references ? {} : recordExtrasSchema.parse(extras());
  const merged: Record<string, unknown> = { ...stored, ...parts };
  return Object.fromEntries(Object.keys(logRecordSchema.shape).filter((key) => key in merged).map((key) => [key, merged[key]])) as LogRecord;
}

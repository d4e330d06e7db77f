/**
 * A record split three ways for the site, so Astro's content store stays
 * small. Astro reads, writes and bundles the store whole on every build, even
 * when one log changed: a store of 20.8 MB (3,650 generated logs of 7 KB) cost
 * a one-log rebuild about 3.5 of its 7.7 s.
 *
 * - The store keeps a log's header (StoredRecord): who it is (source, slug,
 *   date, title, tags, draft), the figures the charts sum (metrics), its
 *   frontmatter and what the build says about it (diagnostics).
 * - Its lists (goals, checklist, problems, plans, drops, learnings,
 *   reflections, review items) are in the log's body file
 *   (src/files/log-bodies.ts) under the same digest. Pages read them across
 *   all logs, once a build (src/site/logs.ts); the header and the lists are
 *   a SiteRecord.
 * - Three parts no page shows (figures, work, references) are in the body file
 *   too, apart, and /data/ puts them back (src/site/record-files.ts).
 *
 * A log with images beside it keeps its body, and so its whole record, in the store.
 */
import type { z } from 'zod';
import { logRecordSchema, type LogRecord } from './schema.ts';

/** The lists pages read across all logs: one list for both schemas below. */
const LIST_PARTS = {
  goals: true,
  checklist: true,
  problems: true,
  plans: true,
  drops: true,
  learnings: true,
  learningLines: true,
  reflections: true,
  reviewItems: true,
} as const;
/** The parts shown by no page, only published whole in /data/. */
const DATA_PARTS = { figures: true, work: true, references: true } as const;

export const recordListsSchema = logRecordSchema.pick(LIST_PARTS);
/** A record's lists, kept with its body. */
export type RecordLists = z.infer<typeof recordListsSchema>;

export const recordExtrasSchema = logRecordSchema.pick(DATA_PARTS);
/** The parts of a record no page shows, kept with its body. */
export type RecordExtras = z.infer<typeof recordExtrasSchema>;

/** The content collection's schema: a record whose lists and extras may be left out (they are, unless it has images). */
export const storedRecordSchema = logRecordSchema.partial({ ...LIST_PARTS, ...DATA_PARTS });
export type StoredRecord = z.infer<typeof storedRecordSchema>;

/** What pages get: the whole record but the parts no page shows. */
export type SiteRecord = Omit<LogRecord, keyof typeof DATA_PARTS>;

const listKeys = Object.keys(LIST_PARTS) as Array<keyof RecordLists>;
const dataKeys = Object.keys(DATA_PARTS) as Array<keyof RecordExtras>;

/** The lists of a record, to keep with its body. */
export function recordLists(record: Pick<LogRecord, keyof RecordLists>): RecordLists {
  return partsOf(record, listKeys) as RecordLists;
}

/** The extras of a record, to keep with its body. */
export function recordExtras(record: Pick<LogRecord, keyof RecordExtras>): RecordExtras {
  return partsOf(record, dataKeys) as RecordExtras;
}

function partsOf<K extends keyof LogRecord>(record: Pick<LogRecord, K>, keys: readonly K[]): Pick<LogRecord, K> {
  return Object.fromEntries(keys.map((key) => [key, record[key]])) as Pick<LogRecord, K>;
}

/** The record's header, for the store. */
export function storedPart<T extends LogRecord>(record: T): Omit<T, keyof RecordLists | keyof RecordExtras> {
  const header: Record<string, unknown> = { ...record };
  for (const key of [...listKeys, ...dataKeys]) delete header[key];
  return header as Omit<T, keyof RecordLists | keyof RecordExtras>;
}

/**
 * The record pages get: the stored header with its lists (read by `lists`
 * only when the store left them out, and validated by the same schema). A
 * whole stored record (a log with images) is kept whole, extras included: it
 * has no body file to read them from. Its keys are in no particular order
 * (completeRecord orders them for /data/).
 */
export function siteRecord(stored: StoredRecord, lists: () => unknown): SiteRecord {
  if (listKeys.every((key) => stored[key] !== undefined)) return stored as SiteRecord;
  return { ...stored, ...recordListsSchema.parse(lists()) };
}

/**
 * The whole record, as the store gave it before anything was left out: the
 * site's record with its extras (validated), keys in the schema's order, so
 * /data/ publishes the same bytes either way.
 */
export function completeRecord(record: SiteRecord | StoredRecord, extras: () => unknown): LogRecord {
  const whole = record as Partial<LogRecord>;
  const parts = dataKeys.every((key) => whole[key] !== undefined) ? {} : recordExtrasSchema.parse(extras());
  return inSchemaOrder({ ...record, ...parts }) as LogRecord;
}

function inSchemaOrder(merged: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(logRecordSchema.shape).filter((key) => key in merged);
  return Object.fromEntries(keys.map((key) => [key, merged[key]]));
}

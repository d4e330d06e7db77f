/**
 * How a record sits in the index: its small fields together (the head: what
 * `check` needs, and what every command filters on), each large field in a
 * column of its own (those the morning reads together), so a command reads only what it uses — `status` at ten
 * years of 7 KB logs needs a quarter of the bytes (no work, figures, learnings,
 * references). Each stored value is JSON in UTF-8 (after its 4-byte checksum: `CAST(substr(head, 5) AS TEXT)` in any SQLite client)
 * behind a checksum of the file it belongs to, the bytes it was read from, the
 * column and the JSON itself, so a flipped byte, a torn write or a value that
 * landed on the wrong row is caught when it is read, never handed out as a
 * record.
 */
import { crc32 } from 'node:zlib';
import type { ChecklistItem, LogRecord, Plan, Problem } from '../record/schema.ts';

/** The fields of a record, in the order the parser writes them (so `nisshi parse` prints the same bytes from the index). */
export const RECORD_FIELDS = [
  'source', 'slug', 'date', 'dateSource', 'title', 'tags', 'draft', 'goals', 'checklist', 'work', 'problems', 'plans', 'drops',
  'learnings', 'learningLines', 'reflections', 'reviewItems', 'references', 'metrics', 'figures', 'diagnostics', 'frontmatter',
] as const satisfies ReadonlyArray<keyof LogRecord>;

export type RecordField = (typeof RECORD_FIELDS)[number];

/** Small fields, stored and read together: every read takes them. */
export const HEAD_FIELDS = ['source', 'slug', 'date', 'dateSource', 'title', 'tags', 'draft', 'metrics', 'diagnostics'] as const satisfies readonly RecordField[];
export type HeadField = (typeof HEAD_FIELDS)[number];

/** Large fields, each stored whole in a column of its own (but MORNING_WHOLE, stored together). */
export const COLUMN_FIELDS = [
  'drops', 'learnings', 'learningLines', 'reviewItems', 'checklist', 'problems', 'plans', 'goals', 'reflections', 'references', 'work', 'frontmatter', 'figures',
] as const satisfies readonly RecordField[];
export type ColumnField = (typeof COLUMN_FIELDS)[number];

/**
 * Slim copies of three large fields, each item with only the parts the
 * morning's statistics read (problem threads, plan chains, streaks, week
 * totals, carry-over: src/stats): at ten years of 7 KB logs `nisshi status`
 * and `nisshi new` decode 10 MB instead of 15 (a problem's solution, a plan's
 * section are left where they are).
 */
export const MORNING_PARTS: { checklist: ReadonlyArray<keyof ChecklistItem>; problems: ReadonlyArray<keyof Problem>; plans: ReadonlyArray<keyof Plan> } = {
  checklist: ['text', 'done', 'line', 'carried'],
  problems: ['title', 'status', 'line', 'current'],
  plans: ['text', 'horizon', 'line'],
};
type MorningField = keyof typeof MORNING_PARTS;

/** The large fields the morning reads whole (plans given up, and the spaced review's learnings and ticks), stored together. */
export const MORNING_WHOLE = ['drops', 'learnings', 'learningLines', 'reviewItems'] as const satisfies readonly ColumnField[];

/** A record as the morning commands read it: the head, the slim fields (MORNING_PARTS: a test holds the two together) and MORNING_WHOLE. */
export type MorningRecord = Pick<LogRecord, HeadField | (typeof MORNING_WHOLE)[number]> & {
  checklist: Array<Pick<ChecklistItem, 'text' | 'done' | 'line' | 'carried'>>;
  problems: Array<Pick<Problem, 'title' | 'status' | 'line' | 'current'>>;
  plans: Array<Pick<Plan, 'text' | 'horizon' | 'line'>>;
};

/** A record with the head and the chosen large fields. */
export type RecordOf<F extends RecordField> = Pick<LogRecord, HeadField | F>;

/**
 * Which large fields a read needs: `'all'` for whole records, `'morning'` for
 * MorningRecord, or a list of fields — which may start with `'morning'` for
 * MorningRecord and the others named.
 */
export type FieldChoice<F extends RecordField = RecordField> = readonly F[] | 'all' | 'morning' | readonly ['morning', ...F[]];

/**
 * A stored value and the fields of a record it fills, kept as the list of
 * their values in that order. A slim field has `parts`: each item is kept as
 * the list of those parts, not as an object with its keys written out (40 %
 * fewer characters to read, check and parse every morning). Fields read
 * together are stored together: a morning reads three values of each log
 * rather than eight, and each value costs a checksum, a decoding and a parse
 * besides its bytes.
 */
export interface Column {
  name: string;
  /** `texts`: a list of strings, each held once across a read (a learning is often written again, day after day). */
  fields: ReadonlyArray<{ field: ColumnField; parts?: readonly string[]; texts?: true }>;
}

const SLIM: Column = { name: 'm_slim', fields: (Object.keys(MORNING_PARTS) as MorningField[]).map((field) => ({ field, parts: MORNING_PARTS[field] })) };
const WHOLE_MORNING: Column = { name: 'm_whole', fields: MORNING_WHOLE.map((field) => (field === 'learnings' ? { field, texts: true } : { field })) };
const ONE_EACH: readonly Column[] = COLUMN_FIELDS.filter((field) => !(MORNING_WHOLE as readonly string[]).includes(field)).map((field) => ({ name: `c_${field}`, fields: [{ field }] }));
/** The columns of whole fields: every large field once. */
const WHOLE: readonly Column[] = [WHOLE_MORNING, ...ONE_EACH];

/** A slim column's items as stored: each the list of its parts. */
function slimItems(items: ReadonlyArray<Record<string, unknown>>, parts: readonly string[]): unknown[][] {
  return items.map((item) => parts.map((part) => item[part]));
}

/**
 * A slim column's items as objects again, their texts one string each across
 * a read (`pool`): a plan or a problem is written again day after day, and
 * held once each, ten years of them take megabytes less at the morning's peak.
 * Throws on anything but the lists slimItems() makes: a damaged value.
 */
export function itemsOfSlim(stored: unknown, parts: readonly string[], pool: Map<string, string>): Array<Record<string, unknown>> {
  if (!Array.isArray(stored)) throw new TypeError('not a list of items');
  return stored.map((values: unknown) => {
    if (!Array.isArray(values) || values.length !== parts.length) throw new TypeError('not an item of this column');
    const item: Record<string, unknown> = {};
    for (let i = 0; i < parts.length; i++) {
      const value: unknown = values[i];
      item[parts[i]!] = typeof value === 'string' ? pooled(value, pool) : value;
    }
    return item;
  });
}

/**
 * The images beside the log its public text names ([url, line, column] each):
 * whether they are there is asked again on every read that checks images
 * (`missing-image`), so a record never says an image is missing after it was
 * added, nor the other way round. The stored record holds no such warning.
 */
export const IMAGES_COLUMN = 'images';

/** Every column a row holds besides its key and head, in its order: what the morning reads first. */
export const STORED_COLUMNS: readonly string[] = [SLIM.name, WHOLE_MORNING.name, IMAGES_COLUMN, ...ONE_EACH.map((column) => column.name)];

export function columnsOf(fields: FieldChoice): readonly Column[] {
  if (fields === 'all') return WHOLE;
  const named = fields === 'morning' ? ['morning'] : (fields as readonly string[]);
  const morning = named[0] === 'morning';
  return [...(morning ? [SLIM] : []), ...WHOLE.filter((column) => (morning && column === WHOLE_MORNING) || column.fields.some(({ field }) => named.includes(field)))];
}

/** The value a column stores of a record: its fields' values, slim ones cut to their parts. */
function storedValue(column: Column, record: LogRecord): unknown[] {
  return column.fields.map(({ field, parts }) => (parts ? slimItems(record[field] as unknown as Array<Record<string, unknown>>, parts) : record[field]));
}

/**
 * The fields a stored column's value fills, slim items made objects again
 * (itemsOfSlim). Throws on anything but what storedValue() makes: a damaged value.
 */
export function fieldsOfStored(column: Column, stored: unknown, pool: Map<string, string>): Array<[ColumnField, unknown]> {
  if (!Array.isArray(stored) || stored.length !== column.fields.length) throw new TypeError('not a value of this column');
  return column.fields.map(({ field, parts, texts }, index) => [field, parts ? itemsOfSlim(stored[index], parts, pool) : texts ? pooledTexts(stored[index], pool) : stored[index]]);
}

/** A stored list of strings, each one string across a read (`pool`, as itemsOfSlim's). Throws on anything else: a damaged value. */
function pooledTexts(stored: unknown, pool: Map<string, string>): string[] {
  if (!Array.isArray(stored)) throw new TypeError('not a list of texts');
  return stored.map((value: unknown) => {
    if (typeof value !== 'string') throw new TypeError('not a text');
    return pooled(value, pool);
  });
}

/** The one string of this text across a read. */
function pooled(text: string, pool: Map<string, string>): string {
  const shared = pool.get(text);
  if (shared !== undefined) return shared;
  pool.set(text, text);
  return text;
}

/** What a stored text is checked against: the file, the bytes it was read from, and the column. */
export interface RowIdentity {
  path: string;
  digest: string;
}

/**
 * A value as stored: 4 bytes of its checksum (big-endian), then its JSON in
 * UTF-8, as a BLOB. The bytes are made once and checked as they are: a value
 * stored as text was turned into UTF-8 twice on the way in (for the checksum,
 * then by SQLite) and back into UTF-8 again on the way out, which at ten years
 * of logs was a tenth of a warm `nisshi status`. The checksum is a CRC-32 of
 * the value's identity and its bytes, taken by zlib.
 */
export function sealed(identity: RowIdentity, column: string, value: unknown): Uint8Array {
  const json = JSON.stringify(value);
  // At most 3 bytes of UTF-8 per UTF-16 unit; the buffer is cut to what was written.
  const room = Buffer.allocUnsafe(SUM_BYTES + json.length * 3);
  const written = room.write(json, SUM_BYTES, 'utf8');
  const stored = room.subarray(0, SUM_BYTES + written);
  stored.writeUInt32BE(checksum(identity, column, stored.subarray(SUM_BYTES)), 0);
  return stored;
}

/** The value of a stored BLOB, or undefined when it is not what was stored (damaged). */
export function unsealed(identity: RowIdentity, column: string, stored: unknown): { value: unknown } | undefined {
  if (!(stored instanceof Uint8Array) || stored.length < SUM_BYTES) return undefined;
  const body = stored.subarray(SUM_BYTES);
  const sum = ((stored[0]! << 24) | (stored[1]! << 16) | (stored[2]! << 8) | stored[3]!) >>> 0;
  if (sum !== checksum(identity, column, body)) return undefined;
  try {
    return { value: JSON.parse(utf8.decode(body)) };
  } catch {
    return undefined;
  }
}

const SUM_BYTES = 4;
/** Bytes that are not UTF-8 are damage, not text to guess at. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

function checksum(identity: RowIdentity, column: string, bytes: Uint8Array): number {
  return crc32(bytes, crc32(`${identity.path}\0${identity.digest}\0${column}\0`));
}

/** The stored values of a record, by column: the head's fields as one object, each large field alone, and the slim copies. */
export function recordColumns(identity: RowIdentity, record: LogRecord): { head: Uint8Array; columns: Record<string, Uint8Array> } {
  const head: Partial<Record<HeadField, unknown>> = {};
  for (const field of HEAD_FIELDS) head[field] = record[field];
  const columns: Record<string, Uint8Array> = {};
  for (const column of [SLIM, ...WHOLE]) columns[column.name] = sealed(identity, column.name, storedValue(column, record));
  return { head: sealed(identity, 'head', head), columns };
}

/**
 * A record put together from its head and large fields, its keys in the
 * parser's order; fields not chosen are left out (the type says which).
 */
export function joinRecord(head: Record<string, unknown>, columns: ReadonlyMap<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of RECORD_FIELDS) {
    if (columns.has(field)) record[field] = columns.get(field);
    else if (field in head) record[field] = head[field];
  }
  return record;
}

/**
 * Whether JSON gives this record back as it is: only then is it stored.
 * JSON turns a non-finite number or -0 into something else, and `undefined`
 * in a list into null; a log whose frontmatter holds `.inf`, say, is then
 * read from the file every time rather than changed by the index.
 */
export function survivesJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) return value.every((item) => item !== undefined && survivesJson(item));
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return false;
      for (const key in value) {
        const item = (value as Record<string, unknown>)[key];
        // An own property set to undefined is left out by JSON, and reads back as absent: the same record.
        if (item !== undefined && !survivesJson(item)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/**
 * A whole record cut down to what a read of `fields` hands out (the head, the
 * chosen columns, slim items with only their parts): what a long-running
 * process keeps of a log it parsed, so it holds the same as for one it took
 * from the index.
 */
export function narrowRecord(record: LogRecord, fields: FieldChoice): Record<string, unknown> {
  if (fields === 'all') return record;
  const narrowed: Record<string, unknown> = {};
  for (const field of HEAD_FIELDS) narrowed[field] = record[field];
  for (const column of columnsOf(fields)) {
    for (const { field, parts } of column.fields) {
      const value = record[field] as unknown;
      narrowed[field] = parts && Array.isArray(value)
        ? value.map((item: Record<string, unknown>) => Object.fromEntries(parts.map((part) => [part, item[part]])))
        : value;
    }
  }
  return narrowed;
}

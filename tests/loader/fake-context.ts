/**
 * A LoaderContext with an in-memory store that behaves as Astro's does where
 * the loader relies on it (set() skips an entry whose digest is unchanged;
 * the store and meta survive between loads), for tests that need no build.
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { logBodiesFolder, readLogExtras, readLogLists } from '../../src/files/log-bodies.ts';
import type { LogRecord } from '../../src/record/schema.ts';
import { completeRecord, siteRecord, storedRecordSchema, type StoredRecord } from '../../src/record/stored-record.ts';
import { processLog } from '../../src/loader/index.ts';
import type { LogPipeline } from '../../src/loader/index.ts';

type StoredEntry = NonNullable<ReturnType<LoaderContext['store']['get']>>;

export interface FakeContext {
  context: LoaderContext;
  /** Where the loader writes the rendered bodies (below the fake cache folder, as below Astro's). */
  bodies: string;
  entries: Map<string, StoredEntry>;
  meta: Map<string, string>;
  logged: { level: 'info' | 'warn' | 'error'; message: string }[];
  watcher: FakeWatcher | null;
}

/** Enough of Vite's FSWatcher for the loader: add() and the file events. */
export class FakeWatcher extends EventEmitter {
  readonly added: string[] = [];
  add(folder: string): this {
    this.added.push(folder);
    return this;
  }
  /** Emits an event and waits for the loader's queue to settle. */
  async fire(event: 'add' | 'change' | 'unlink', file: string): Promise<void> {
    this.emit(event, file);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** A context for a load of the project at `root`; pass `after` to keep that earlier load's store, as Astro does. */
export function fakeContext(root: string, options: { dev?: boolean; after?: FakeContext } = {}): FakeContext {
  const entries = options.after?.entries ?? new Map<string, StoredEntry>();
  const meta = options.after?.meta ?? new Map<string, string>();
  const logged: FakeContext['logged'] = [];
  const watcher = options.dev ? new FakeWatcher() : null;
  const log = (level: 'info' | 'warn' | 'error') => (message: string) => void logged.push({ level, message });
  const context = {
    collection: 'logs',
    store: {
      get: (id: string) => entries.get(id),
      entries: () => [...entries.entries()],
      values: () => [...entries.values()],
      keys: () => [...entries.keys()],
      set: (entry: StoredEntry) => {
        const existing = entries.get(entry.id);
        if (entry.digest && existing?.digest === entry.digest) return false;
        entries.set(entry.id, entry);
        return true;
      },
      delete: (id: string) => void entries.delete(id),
      clear: () => entries.clear(),
      has: (id: string) => entries.has(id),
      addModuleImport: () => {},
    },
    meta: {
      get: (key: string) => meta.get(key),
      set: (key: string, value: string) => void meta.set(key, value),
      has: (key: string) => meta.has(key),
      delete: (key: string) => void meta.delete(key),
    },
    logger: { info: log('info'), warn: log('warn'), error: log('error'), debug: () => {} },
    config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${root}/.cache/`) },
    // As Astro does: validate against the collection schema, throw when it does not fit.
    parseData: async ({ data }: { data: Record<string, unknown> }) => storedRecordSchema.parse(data),
    renderMarkdown: async () => {
      throw new Error('the loader renders with its own pipeline');
    },
    generateDigest: (data: string | Record<string, unknown>) =>
      createHash('sha1').update(typeof data === 'string' ? data : JSON.stringify(data)).digest('hex'),
    watcher,
  } as unknown as LoaderContext;
  return { context, bodies: logBodiesFolder(path.join(root, '.cache'), options.dev ? 'dev' : 'build'), entries, meta, logged, watcher };
}

/** The whole record of a stored entry, as /data/ publishes it: its header with the lists and extras its body file keeps (src/record/stored-record.ts). */
export function wholeRecord(fake: FakeContext, id: string): LogRecord {
  const stored = fake.entries.get(id);
  if (!stored) throw new Error(`no entry ${id} in the store`);
  const digest = String(stored.digest);
  return completeRecord(siteRecord(stored.data as StoredRecord, () => readLogLists(fake.bodies, digest)), () => readLogExtras(fake.bodies, digest));
}

/** processLog, counting the logs it is asked for by path, those it was asked to render, and those it was given the record of (from the record index). */
export function countingPipeline(): LogPipeline & { calls: string[]; rendered: string[]; renderedOnly: string[] } {
  const calls: string[] = [];
  const rendered: string[] = [];
  const renderedOnly: string[] = [];
  return {
    calls,
    rendered,
    renderedOnly,
    process(text, options) {
      calls.push(options.path);
      if (options.render !== false) rendered.push(options.path);
      if (options.known) renderedOnly.push(options.path);
      return processLog(text, options);
    },
  };
}

/** A fresh project folder holding a copy of tests/fixtures/loader/logs as `logs/`. */
export async function projectWithLogs(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'nisshi-loader-'));
  await cp(new URL('../fixtures/loader/logs/', import.meta.url), path.join(root, 'logs'), { recursive: true });
  return root;
}

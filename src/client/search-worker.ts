/**
 * The search page's worker: loads the index's parts (search-index/parts.json,
 * then every part's file, newest first, kept by the browser's cache), makes
 * each log searchable (src/search/engine.ts) and answers the page's searches
 * with results ready to draw (search-messages.ts). Work here never holds up
 * the page: parsing a year's part and searching ten years of logs take tens of
 * milliseconds, which on a phone's main thread would block typing.
 */
/// <reference lib="webworker" />
import type { SearchManifest, SearchPartFile } from '../search/build-index.ts';
import { indexLog, markText, passageOf, searchLogs, type Hit, type IndexedLog } from '../search/engine.ts';
import { parseQuery, type Query } from '../search/text.ts';
import type { FromWorker, IndexProgress, ResultView, SearchRequest, ToWorker } from './search-messages.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const logs: IndexedLog[] = [];
const progress: IndexProgress = { partsLoaded: 0, partsTotal: undefined, loadFailed: false };
let loading = false;

/** The last search's hits, kept for the page's "さらに表示" while the index has not grown. */
let last: { key: string; hits: Hit[]; years: Array<[string, number]>; tags: Array<[string, number]> } | undefined;

function post(message: FromWorker): void {
  scope.postMessage(message);
}

function resultOf(hit: Hit, query: Query): ResultView {
  const { doc } = hit.log;
  const passage = passageOf(hit.log, query);
  // Not in the body: in the title (marked there), or in a problem's title or a plan, shown instead of a passage.
  const key = passage ? undefined : doc.keys.find((candidate) => markText(candidate, query).some((piece) => piece.mark));
  return {
    slug: doc.slug,
    date: doc.date ?? null,
    title: markText(doc.title !== '' ? doc.title : doc.slug, query),
    passage,
    key: key === undefined ? undefined : markText(key, query),
  };
}

function answer(request: SearchRequest): void {
  const query = parseQuery(request.q);
  if (!query) {
    post({ type: 'results', id: request.id, q: request.q, query: false, total: 0, from: request.from, results: [], years: [], tags: [], ...progress });
    return;
  }
  const key = JSON.stringify([request.q, request.year, request.tag, request.sort, logs.length]);
  if (last?.key !== key) {
    const outcome = searchLogs(logs, query, { year: request.year, tag: request.tag }, request.sort);
    last = { key, hits: outcome.hits, years: [...outcome.years], tags: [...outcome.tags] };
  }
  const results = last.hits.slice(request.from, request.to).map((hit) => resultOf(hit, query));
  post({ type: 'results', id: request.id, q: request.q, query: true, total: last.hits.length, from: request.from, results, years: last.years, tags: last.tags, ...progress });
}

async function readPart(response: Promise<Response>, file: string): Promise<void> {
  const answer = await response;
  if (!answer.ok) throw new Error(`${file}: HTTP ${answer.status}`);
  const part = (await answer.json()) as SearchPartFile;
  for (const doc of part.docs) logs.push(indexLog(doc));
}

async function load(manifestUrl: string): Promise<void> {
  const response = await fetch(manifestUrl);
  if (!response.ok) throw new Error(`${new URL(manifestUrl).pathname}: HTTP ${response.status}`);
  const manifest = (await response.json()) as SearchManifest;
  progress.partsTotal = manifest.parts.length;
  post({ type: 'progress', ...progress });
  // Every part is fetched at once, but read in the list's order, newest first: the newest logs are
  // searchable first, and the older years join the results as they are read.
  const responses = manifest.parts.map((part) => {
    const fetched = fetch(new URL(part.file, manifestUrl));
    // Handled when its turn comes; until then a failure must not count as unhandled.
    fetched.catch(() => undefined);
    return fetched;
  });
  for (const [index, part] of manifest.parts.entries()) {
    try {
      await readPart(responses[index]!, part.file);
      progress.partsLoaded += 1;
    } catch (error) {
      progress.loadFailed = true;
      console.error(`search index: ${error instanceof Error ? error.message : String(error)}`);
    }
    post({ type: 'progress', ...progress });
  }
}

scope.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'search') {
    answer(message);
    return;
  }
  if (loading) return;
  loading = true;
  load(message.manifestUrl).catch((error: unknown) => {
    progress.loadFailed = true;
    progress.partsTotal ??= 0;
    post({ type: 'progress', ...progress, error: error instanceof Error ? error.message : String(error) });
  });
});

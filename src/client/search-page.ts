/**
 * The search page in the browser: loads the index's parts
 * (search-index/parts.json, then every part's file, kept by the browser's
 * cache), searches them as the reader types (src/search/engine.ts) and shows
 * the results: date, title, the passage with the match marked, a link to the
 * heading it is under; filters by year and tag; 関連度 / 新しい順. The query
 * and the filters live in the address (?q=…&year=…&tag=…&sort=newest), so a
 * search can be linked to and comes back with the back button.
 */
import type { SearchManifest, SearchPartFile } from '../search/build-index.ts';
import { indexLog, markText, passageOf, searchLogs, type Filters, type Hit, type IndexedLog, type Piece, type SortOrder } from '../search/engine.ts';
import { parseQuery, type Query } from '../search/text.ts';
import { formatDate } from '../site/format.ts';

/** Results shown at first, and added by each press of "さらに表示". */
const PAGE_SIZE = 20;
/** Typing pauses this long before a search runs (a search of ten years of logs takes ~10-50 ms). */
const TYPING_PAUSE_MS = 60;
/** Logs made searchable between two breaks for the browser (a year's part is about 365). */
const INDEX_BATCH = 150;
/** The value of the year filter for logs without a date. */
const UNDATED = 'undated';

const form = document.querySelector<HTMLFormElement>('form.search-form')!;
const input = form.querySelector<HTMLInputElement>('#search-query')!;
const yearSelect = form.querySelector<HTMLSelectElement>('#search-year')!;
const tagSelect = form.querySelector<HTMLSelectElement>('#search-tag')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const more = document.querySelector<HTMLButtonElement>('#search-more')!;
const base = form.dataset.base ?? '/';
const manifestUrl = new URL(form.dataset.index ?? 'parts.json', location.href);

const logs: IndexedLog[] = [];
let partsTotal: number | undefined;
let partsLoaded = 0;
let loadFailed = false;
let shown = PAGE_SIZE;
let hits: Hit[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;

function sortOrder(): SortOrder {
  return form.querySelector<HTMLInputElement>('input[name="sort"]:checked')?.value === 'newest' ? 'newest' : 'relevance';
}

function filters(): Filters {
  const year = yearSelect.value;
  return { year: year === '' ? undefined : year === UNDATED ? '' : year, tag: tagSelect.value === '' ? undefined : tagSelect.value };
}

/** The address of the page for this search, so that reloading or sharing it searches again. */
function rememberInAddress(): void {
  const params = new URLSearchParams();
  if (input.value.trim() !== '') params.set('q', input.value);
  if (yearSelect.value !== '') params.set('year', yearSelect.value);
  if (tagSelect.value !== '') params.set('tag', tagSelect.value);
  if (sortOrder() === 'newest') params.set('sort', 'newest');
  const search = params.toString();
  const address = `${location.pathname}${search === '' ? '' : `?${search}`}`;
  if (address !== `${location.pathname}${location.search}`) history.replaceState(null, '', address);
}

function loadingNote(): string {
  if (loadFailed) return '（索引の一部を読み込めませんでした。再読み込みしてください）';
  if (partsTotal === undefined || partsLoaded < partsTotal) return '（索引を読み込み中…）';
  return '';
}

function renderPieces(target: HTMLElement, pieces: readonly Piece[]): void {
  for (const piece of pieces) {
    if (!piece.mark) target.append(piece.text);
    else {
      const mark = document.createElement('mark');
      mark.textContent = piece.text;
      target.append(mark);
    }
  }
}

function resultItem(hit: Hit, query: Query): HTMLLIElement {
  const { doc } = hit.log;
  const passage = passageOf(hit.log, query);
  const item = document.createElement('li');
  const head = document.createElement('div');
  head.className = 'result-head';
  const link = document.createElement('a');
  link.className = 'result-title';
  link.href = `${base}logs/${encodeURIComponent(doc.slug)}/${passage && passage.section !== '' ? `#${encodeURIComponent(passage.section)}` : ''}`;
  const title = doc.title !== '' ? doc.title : doc.slug;
  renderPieces(link, markText(title, query));
  head.append(link);
  if (doc.date) {
    const time = document.createElement('time');
    time.dateTime = doc.date;
    time.textContent = formatDate(doc.date);
    head.append(time);
  }
  item.append(head);
  if (passage) {
    const text = document.createElement('p');
    text.className = 'result-passage';
    if (passage.clippedStart) text.append('…');
    renderPieces(text, passage.pieces);
    if (passage.clippedEnd) text.append('…');
    const where = document.createElement('p');
    where.className = 'result-where';
    const heading = passage.heading === '' ? 'ページの始め' : `見出し「${passage.heading}」`;
    where.textContent = passage.matches > 1 ? `${heading}・このログで ${passage.matches} か所` : heading;
    item.append(text, where);
  } else {
    // Not in the body: in the title (marked above), or in a problem's title or a plan, shown here.
    const key = doc.keys.find((candidate) => markText(candidate, query).some((piece) => piece.mark));
    if (key !== undefined) {
      const text = document.createElement('p');
      text.className = 'result-passage';
      renderPieces(text, markText(key, query));
      item.append(text);
    }
  }
  return item;
}

/** A select's choices: every value found, with its count, and the one chosen even when nothing has it now. */
function fillSelect(select: HTMLSelectElement, counts: ReadonlyMap<string, number>, label: (value: string) => string, order: (a: [string, number], b: [string, number]) => number): void {
  const chosen = select.value;
  const entries = [...counts].sort(order);
  if (chosen !== '' && !counts.has(chosen)) entries.unshift([chosen, 0]);
  const options = [select.options[0]!];
  for (const [value, count] of entries) options.push(new Option(`${label(value)}（${count}件）`, value, false, value === chosen));
  select.replaceChildren(...options);
  select.value = chosen;
}

function render(): void {
  rememberInAddress();
  // For scripts that drive the page (tests, the bench): whether every part is in.
  status.dataset.complete = String(partsTotal !== undefined && partsLoaded === partsTotal);
  const query = parseQuery(input.value);
  list.replaceChildren();
  more.hidden = true;
  if (!query) {
    hits = [];
    status.textContent = partsTotal === 0 ? 'まだ検索できるログがありません。' : loadFailed ? loadingNote() : '';
    return;
  }
  const chosen = filters();
  const outcome = searchLogs(logs, query, chosen, sortOrder());
  hits = outcome.hits;
  const yearValue = (year: string) => (year === '' ? UNDATED : year);
  fillSelect(yearSelect, new Map([...outcome.years].map(([year, count]) => [yearValue(year), count])), (year) => (year === UNDATED ? '日付なし' : `${year}年`), (a, b) => (a[0] < b[0] ? 1 : -1));
  fillSelect(tagSelect, outcome.tags, (tag) => tag, (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const narrowed = [chosen.year !== undefined ? (chosen.year === '' ? '日付なし' : `${chosen.year}年`) : '', chosen.tag !== undefined ? `タグ「${chosen.tag}」` : '']
    .filter((part) => part !== '')
    .join('、');
  const scope = narrowed === '' ? '' : `（${narrowed}）`;
  const typed = input.value.trim();
  status.textContent =
    partsLoaded === 0 && !loadFailed
      ? '索引を読み込んでいます…'
      : hits.length === 0
      ? `「${typed}」に一致するログはありません${scope}${loadingNote()}`
      : `「${typed}」に一致するログ: ${hits.length.toLocaleString('ja-JP')}件${scope}${loadingNote()}`;
  list.append(...hits.slice(0, shown).map((hit) => resultItem(hit, query)));
  const rest = hits.length - shown;
  if (rest > 0) {
    more.textContent = `さらに${Math.min(PAGE_SIZE, rest)}件を表示（残り${rest.toLocaleString('ja-JP')}件）`;
    more.hidden = false;
  }
}

function searchSoon(): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    shown = PAGE_SIZE;
    render();
  }, TYPING_PAUSE_MS);
}

function searchNow(): void {
  clearTimeout(timer);
  shown = PAGE_SIZE;
  render();
}

input.addEventListener('input', (event) => {
  // While an input method is composing (かな漢字変換), the text is not what the reader means yet.
  if ((event as InputEvent).isComposing) return;
  searchSoon();
});
input.addEventListener('compositionend', searchSoon);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  searchNow();
});
form.addEventListener('change', (event) => {
  if (event.target !== input) searchNow();
});
more.addEventListener('click', () => {
  const query = parseQuery(input.value);
  if (!query) return;
  const first = shown;
  shown += PAGE_SIZE;
  list.append(...hits.slice(first, shown).map((hit) => resultItem(hit, query)));
  const rest = hits.length - shown;
  if (rest > 0) more.textContent = `さらに${Math.min(PAGE_SIZE, rest)}件を表示（残り${rest.toLocaleString('ja-JP')}件）`;
  else more.hidden = true;
  // The first of the new results, for keyboard and screen reader users who pressed the button.
  list.children[first]?.querySelector('a')?.focus();
});

/** Gives the browser a turn (to paint, to take a key press) between batches of work. */
function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A part's logs made searchable, a batch at a time, then shown in the results. */
async function addPart(response: Promise<Response>, file: string): Promise<void> {
  const answer = await response;
  if (!answer.ok) throw new Error(`${file}: HTTP ${answer.status}`);
  const part = (await answer.json()) as SearchPartFile;
  for (let start = 0; start < part.docs.length; start += INDEX_BATCH) {
    for (const doc of part.docs.slice(start, start + INDEX_BATCH)) logs.push(indexLog(doc));
    await pause();
  }
  partsLoaded += 1;
}

async function load(): Promise<void> {
  const response = await fetch(manifestUrl);
  if (!response.ok) throw new Error(`${manifestUrl.pathname}: HTTP ${response.status}`);
  const manifest = (await response.json()) as SearchManifest;
  partsTotal = manifest.parts.length;
  if (partsTotal === 0) render();
  // Every part is fetched at once, but read in the list's order, newest first: the newest logs are
  // searchable (and shown) first, and the older years join the results as they are read.
  const responses = manifest.parts.map((part) => {
    const response = fetch(new URL(part.file, manifestUrl));
    // Handled when its turn comes; until then a failure must not count as unhandled.
    response.catch(() => undefined);
    return response;
  });
  for (const [index, part] of manifest.parts.entries()) {
    try {
      await addPart(responses[index]!, part.file);
    } catch (error) {
      loadFailed = true;
      console.error(`search index: ${error instanceof Error ? error.message : String(error)}`);
    }
    render();
  }
}

// The address's search first, then the index as it loads.
const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
for (const [select, value] of [[yearSelect, params.get('year')], [tagSelect, params.get('tag')]] as const) {
  if (value) {
    select.append(new Option(value, value));
    select.value = value;
  }
}
if (params.get('sort') === 'newest') form.querySelector<HTMLInputElement>('input[name="sort"][value="newest"]')!.checked = true;
load().catch((error: unknown) => {
  loadFailed = true;
  partsTotal = partsTotal ?? 0;
  status.textContent = '検索の索引を読み込めませんでした。再読み込みしてください。';
  status.dataset.complete = 'true';
  console.error(`search index: ${error instanceof Error ? error.message : String(error)}`);
});

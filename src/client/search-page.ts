/**
 * The search page in the browser: a worker (search-worker.ts) loads the
 * index and searches it; this thread sends the reader's search and draws the
 * answer: date, title, the passage with the match marked, a link to the
 * heading it is under; filters by year and tag; 関連度 / 新しい順. The query
 * and the filters live in the address (?q=…&year=…&tag=…&sort=newest), so a
 * search can be linked to and comes back with the back button.
 */
import type { Piece } from '../search/engine.ts';
import type { FromWorker, IndexProgress, ResultView, SearchAnswer, SearchRequest, ToWorker } from './search-messages.ts';
import { formatDate } from '../site/format.ts';

/** Results shown at first, and added by each press of "さらに表示". */
const PAGE_SIZE = 20;
/** Typing pauses this long before a search runs (a search of ten years of logs takes ~10-50 ms). */
const TYPING_PAUSE_MS = 60;
/** The value of the year filter for logs without a date. */
const UNDATED = 'undated';
/** What the status line says when the index's list of parts, or the worker itself, could not be had. */
const INDEX_ERROR = '検索の索引を読み込めませんでした。再読み込みしてください。';

const form = document.querySelector<HTMLFormElement>('form.search-form')!;
const input = form.querySelector<HTMLInputElement>('#search-query')!;
const yearSelect = form.querySelector<HTMLSelectElement>('#search-year')!;
const tagSelect = form.querySelector<HTMLSelectElement>('#search-tag')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const more = document.querySelector<HTMLButtonElement>('#search-more')!;
const base = form.dataset.base ?? '/';
const manifestUrl = new URL(form.dataset.index ?? 'parts.json', location.href);

const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
let progress: IndexProgress = { partsLoaded: 0, partsTotal: undefined, loadFailed: false };
let indexError = false;
let shown = PAGE_SIZE;
let total = 0;
/** The id of the newest search sent: an answer to an older one is not drawn. */
let latest = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

function send(message: ToWorker): void {
  worker.postMessage(message);
}

function sortOrder(): SearchRequest['sort'] {
  return form.querySelector<HTMLInputElement>('input[name="sort"]:checked')?.value === 'newest' ? 'newest' : 'relevance';
}

function filters(): { year: string | undefined; tag: string | undefined } {
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

function complete(): boolean {
  return progress.partsTotal !== undefined && progress.partsLoaded === progress.partsTotal;
}

function loadingNote(): string {
  if (progress.loadFailed) return '（索引の一部を読み込めませんでした。再読み込みしてください）';
  if (!complete()) return '（索引を読み込み中…）';
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

function resultItem(result: ResultView): HTMLLIElement {
  const { passage } = result;
  const item = document.createElement('li');
  const head = document.createElement('div');
  head.className = 'result-head';
  const link = document.createElement('a');
  link.className = 'result-title';
  link.href = `${base}logs/${encodeURIComponent(result.slug)}/${passage && passage.section !== '' ? `#${encodeURIComponent(passage.section)}` : ''}`;
  renderPieces(link, result.title);
  head.append(link);
  if (result.date) {
    const time = document.createElement('time');
    time.dateTime = result.date;
    time.textContent = formatDate(result.date);
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
  } else if (result.key) {
    const text = document.createElement('p');
    text.className = 'result-passage';
    renderPieces(text, result.key);
    item.append(text);
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

function moreLabel(): void {
  const rest = total - shown;
  more.hidden = rest <= 0;
  if (rest > 0) more.textContent = `さらに${Math.min(PAGE_SIZE, rest)}件を表示（残り${rest.toLocaleString('ja-JP')}件）`;
}

/** Asks the worker for the search in the form (its first `shown` results); the answer is drawn by draw(). */
function search(): void {
  rememberInAddress();
  send({ type: 'search', id: ++latest, q: input.value, ...filters(), sort: sortOrder(), from: 0, to: shown });
}

function draw(answer: SearchAnswer): void {
  // For scripts that drive the page (tests, the bench): whether every part is in.
  status.dataset.complete = String(complete());
  // Which search the results on the page answer (the worker answers after the key press).
  status.dataset.answered = answer.q;
  more.disabled = false;
  if (answer.from > 0) {
    // "さらに表示": the next results, after those shown.
    const first = list.children.length;
    list.append(...answer.results.map(resultItem));
    moreLabel();
    // The first of the new results, for keyboard and screen reader users who pressed the button.
    list.children[first]?.querySelector('a')?.focus();
    return;
  }
  list.replaceChildren();
  total = answer.total;
  if (!answer.query) {
    more.hidden = true;
    status.textContent = indexError ? INDEX_ERROR : progress.partsTotal === 0 ? 'まだ検索できるログがありません。' : progress.loadFailed ? loadingNote() : '';
    return;
  }
  const chosen = filters();
  const yearValue = (year: string) => (year === '' ? UNDATED : year);
  fillSelect(yearSelect, new Map(answer.years.map(([year, count]) => [yearValue(year), count])), (year) => (year === UNDATED ? '日付なし' : `${year}年`), (a, b) => (a[0] < b[0] ? 1 : -1));
  fillSelect(tagSelect, new Map(answer.tags), (tag) => tag, (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const narrowed = [chosen.year !== undefined ? (chosen.year === '' ? '日付なし' : `${chosen.year}年`) : '', chosen.tag !== undefined ? `タグ「${chosen.tag}」` : '']
    .filter((part) => part !== '')
    .join('、');
  const scope = narrowed === '' ? '' : `（${narrowed}）`;
  const typed = input.value.trim();
  status.textContent = indexError
    ? INDEX_ERROR
    : progress.partsLoaded === 0 && !progress.loadFailed
      ? '索引を読み込んでいます…'
      : total === 0
        ? `「${typed}」に一致するログはありません${scope}${loadingNote()}`
        : `「${typed}」に一致するログ: ${total.toLocaleString('ja-JP')}件${scope}${loadingNote()}`;
  list.append(...answer.results.map(resultItem));
  moreLabel();
}

worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
  const message = event.data;
  progress = { partsLoaded: message.partsLoaded, partsTotal: message.partsTotal, loadFailed: message.loadFailed };
  if (message.type === 'progress') {
    if (message.error !== undefined) {
      indexError = true;
      console.error(`search index: ${message.error}`);
    }
    // Another part is searchable: the same search again, over more logs.
    search();
    return;
  }
  if (message.id === latest) draw(message);
});
worker.addEventListener('error', (event) => {
  indexError = true;
  status.textContent = INDEX_ERROR;
  status.dataset.complete = 'true';
  console.error(`search worker: ${event.message}`);
});

function searchSoon(): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    shown = PAGE_SIZE;
    search();
  }, TYPING_PAUSE_MS);
}

function searchNow(): void {
  clearTimeout(timer);
  shown = PAGE_SIZE;
  search();
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
  const from = shown;
  shown += PAGE_SIZE;
  // The same search (its id), its next results: a new search meanwhile makes this answer stale.
  // Until they come, the button waits, so that a second press asks for the page after them.
  more.disabled = true;
  send({ type: 'search', id: latest, q: input.value, ...filters(), sort: sortOrder(), from, to: shown });
});

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
send({ type: 'load', manifestUrl: manifestUrl.href });

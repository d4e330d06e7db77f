/**
 * What the search page (search-page.ts) and its worker (search-worker.ts) say
 * to each other. The worker loads the index and searches it, so the page's
 * own thread only draws: a phone reading ten years of logs stays responsive
 * while the index loads, and a search never blocks a key press.
 */
import type { Passage, Piece, SortOrder } from '../search/engine.ts';

/** Page → worker: load the index whose list of parts is at this address (absolute). */
export interface LoadRequest {
  type: 'load';
  manifestUrl: string;
}

/** Page → worker: the results `from` … `to` (exclusive) of a search. */
export interface SearchRequest {
  type: 'search';
  id: number;
  q: string;
  /** `2025`, '' for logs without a date, undefined for every year. */
  year: string | undefined;
  tag: string | undefined;
  sort: SortOrder;
  from: number;
  to: number;
}

export type ToWorker = LoadRequest | SearchRequest;

/** How far the index is read. */
export interface IndexProgress {
  partsLoaded: number;
  /** Undefined until the list of parts is read. */
  partsTotal: number | undefined;
  loadFailed: boolean;
}

/** One result, ready to draw: the title and passage already cut into marked pieces. */
export interface ResultView {
  slug: string;
  date: string | null;
  title: Piece[];
  passage: Passage | undefined;
  /** Not in the body: the problem title or plan it was found in, marked. */
  key: Piece[] | undefined;
}

/** Worker → page: a search's answer. `query` is false when the text held no query. */
export interface SearchAnswer extends IndexProgress {
  type: 'results';
  id: number;
  /** The text searched for, as the page sent it. */
  q: string;
  query: boolean;
  total: number;
  from: number;
  results: ResultView[];
  years: Array<[string, number]>;
  tags: Array<[string, number]>;
}

/** Worker → page: another part is searchable (search again), or the index could not be read. */
export interface ProgressNote extends IndexProgress {
  type: 'progress';
  /** Set when the list of parts itself could not be read. */
  error?: string;
}

export type FromWorker = SearchAnswer | ProgressNote;

/**
 * How text is compared in search, the same for the index and the query: NFKC
 * and lower case (fold), then the spaces beside Japanese dropped (compact). A
 * query finds a log when its compact folded form stands, character for
 * character, in the log's: full- and half-width forms, upper and lower case,
 * a space or a line break between Japanese words make no difference.
 *
 * The index keeps the text as the reader sees it (display); the search page
 * computes the searched form from it, and where each searched character came
 * from (SearchText), to mark the whole match in the passage it shows.
 *
 * Pure and free of Node's modules: the search page runs it in the browser.
 */

/**
 * Scripts written without spaces between words (Han, kana, their marks and
 * punctuation) and the full-width forms block. A space beside one of them
 * carries no meaning: `Lambda の設定`, `Lambdaの設定` and a line break after
 * `の` are the same text to a reader.
 */
const UNSPACED = '\\u2E80-\\u2FFF\\u3000-\\u30FF\\u3190-\\u31FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF';
/** A space with a Japanese character on either side (in folded text, where a full-width Ａ is already an a). */
const MEANINGLESS_SPACE = new RegExp(`(?<=[${UNSPACED}]) | (?=[${UNSPACED}])`, 'g');
/** Characters that take no place in text (zero-width space and joiners, byte-order mark, soft hyphen). */
const IGNORABLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/**
 * One line of text (a paragraph, a list item, a table cell) as the index
 * keeps it: ignorable characters removed, each run of whitespace (line breaks
 * and the ideographic space included) one space, trimmed.
 */
export function collapseSpaces(line: string): string {
  return line.replace(IGNORABLE, '').replace(/\s+/g, ' ').trim();
}

/** NFKC, then lower case. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Folded text with the spaces beside Japanese characters dropped: the form text and query are compared in. */
export function compact(folded: string): string {
  return folded.replace(MEANINGLESS_SPACE, '');
}

/** A character and the marks that follow it and fold into it (half-width ﾞ and ﾟ fold to combining marks). */
const CLUSTER = /.[\p{M}\uFF9E\uFF9F]*/gsu;

/**
 * A text in its searched form, with the way back: `searched` is
 * compact(fold(text)), and originalRange maps a match in it to the
 * characters of `text` it came from.
 */
export class SearchText {
  readonly searched: string;
  /** Where each folded character came from, when folding changed the length (`ｶﾞ` → `ガ`, `㍻` → `平成`); else null. */
  private readonly foldStart: Uint32Array | null;
  private readonly foldEnd: Uint32Array | null;
  /** For each dropped space, the position in `searched` of the character after it (ascending). */
  private readonly dropped: Uint32Array;

  constructor(text: string) {
    let folded = fold(text);
    this.foldStart = null;
    this.foldEnd = null;
    if (folded.length !== text.length) {
      folded = '';
      const start: number[] = [];
      const end: number[] = [];
      for (const match of text.matchAll(CLUSTER)) {
        const part = fold(match[0]);
        folded += part;
        for (let index = 0; index < part.length; index++) {
          start.push(match.index);
          end.push(match.index + match[0].length);
        }
      }
      this.foldStart = Uint32Array.from(start);
      this.foldEnd = Uint32Array.from(end);
    }
    const dropped: number[] = [];
    this.searched = folded.replace(MEANINGLESS_SPACE, (_space, offset: number) => {
      dropped.push(offset - dropped.length);
      return '';
    });
    this.dropped = Uint32Array.from(dropped);
  }

  /** The position in the folded text of position `index` of the searched text. */
  private folded(index: number): number {
    // Dropped spaces before it: those whose following character is at or before it.
    let low = 0;
    let high = this.dropped.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.dropped[middle]! <= index) low = middle + 1;
      else high = middle;
    }
    return index + low;
  }

  /** The characters of the text that the searched characters [from, to) came from, as [start, end). */
  originalRange(from: number, to: number): [number, number] {
    const first = this.folded(from);
    const last = this.folded(Math.max(from, to - 1));
    if (!this.foldStart || !this.foldEnd) return [first, to > from ? last + 1 : first];
    const size = this.foldStart.length;
    if (first >= size) return [this.foldEnd[size - 1] ?? 0, this.foldEnd[size - 1] ?? 0];
    return [this.foldStart[first]!, to > from ? this.foldEnd[Math.min(last, size - 1)]! : this.foldStart[first]!];
  }
}

/** What the reader typed, as searched. */
export interface Query {
  /** The whole query in searched form: the phrase whose logs come first. */
  phrase: string;
  /**
   * The words that must all be in a log: the parts between spaces, each in
   * searched form; one, the phrase, when the query is quoted ("…") or has no space.
   */
  terms: string[];
}

/** Longest query searched, in characters; a longer one is cut (nobody types a page into a search field). */
export const MAX_QUERY_LENGTH = 200;

/** A query or a part of it in searched form. */
export function searchForm(text: string): string {
  return compact(fold(collapseSpaces(text)));
}

/**
 * The query as searched: a phrase and its terms. Spaces separate words that
 * must all be in a log (`デプロイ 承認`); the logs holding the words as one
 * phrase, in this order, come first. A query in double quotes ("…") is only
 * a phrase. Undefined when nothing is left to search.
 */
export function parseQuery(input: string): Query | undefined {
  const raw = collapseSpaces(input.slice(0, MAX_QUERY_LENGTH).normalize('NFKC'));
  const quoted = /^"(.*)"$/s.exec(raw);
  const phrase = searchForm(quoted ? quoted[1]! : raw);
  if (phrase === '') return undefined;
  if (quoted) return { phrase, terms: [phrase] };
  const words = [...new Set(raw.split(' ').map(searchForm).filter((word) => word !== ''))];
  // A word inside another is found with it.
  const terms = words.filter((word, index) => !words.some((other, at) => at !== index && other.length > word.length && other.includes(word)));
  return { phrase, terms };
}

/**
 * A built log page as the search index holds it: what the reader sees in the
 * page's body, a line a block, cut into sections at each heading (so a result
 * links to the heading its passage is under), with the fields ranked above
 * the body. Read from the page itself, so the index holds exactly what the
 * site publishes (a draft has no page; a private note is not on it).
 *
 * The page says what is what with data attributes (src/layouts/BaseLayout.astro,
 * src/pages/logs/[slug].astro, src/components/LogSummary.astro):
 *
 *   data-search-body     the element whose text is searched (a page without it is not indexed)
 *   data-search-ignore   a part of it that is not the log's text (navigation, the summary panel)
 *   data-search-date, data-search-title   on the log's article: its date and title
 *   data-search-key      a problem's title or a plan: ranked above the body
 *   data-search-tag      a tag of the log (the attribute's value)
 */
import { Parser } from 'htmlparser2';
import { collapseSpaces } from './text.ts';

/** One log in the index (what a part's file holds per log). */
export interface SearchDoc {
  /** The page's folder under logs/ (its URL is logs/<slug>/). */
  slug: string;
  /** ISO date, or null for a log without one. */
  date: string | null;
  /** The log's title, or '' when it has none. */
  title: string;
  tags: string[];
  /** Problem titles and plans, as written. */
  keys: string[];
  /** The body's text: one line a block (paragraph, item, cell, heading, code line), each run of whitespace one space. */
  text: string;
  /** Where each section starts in `text` (its heading's line) and the heading's id; a first section without a heading has id ''. */
  sections: Array<[number, string]>;
}

/** Elements that end a line of text: a match never runs from one into the next. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** Elements whose content is no text a reader sees. */
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'canvas']);
const HEADING = /^h[1-6]$/;

type Attributes = Record<string, string>;

/** An element open while the page is read, and what closing it means. */
interface Frame {
  tag: string;
  /** Whether its text is the searched body (data-search-body inside, data-search-ignore not). */
  body: boolean;
  /** A block in the body: its text is a line of its own. */
  blockInBody: boolean;
  /** Text of a data-search-key element, gathered until it closes. */
  key?: { text: string };
  /** A <pre> in the body: its text, kept line by line. */
  code?: { text: string };
}

/**
 * Reads a page as its tags and text stream past (htmlparser2), keeping only
 * the open elements: a built page is read in a fifth of the time a full
 * HTML tree took (parse5; 2 s of a first build at 3,650 logs of 1 KB).
 */
class Reader {
  lines: string[] = [];
  /** Where the next line starts in the joined text. */
  length = 0;
  line = '';
  sections: Array<[number, string]> = [];
  keys: string[] = [];
  tags: string[] = [];
  date: string | null = null;
  title = '';
  found = false;
  readonly #open: Frame[] = [];
  /** Depth inside an element whose content is no text a reader sees (script, style, svg …); 0 outside. */
  #skipped = 0;
  /** The text of the body's <pre> being read, null outside one: its elements are its text only (no keys, no headings of their own). */
  #code: { text: string } | null = null;
  readonly #keys: Array<{ text: string }> = [];

  flush(): void {
    this.push(this.line);
    this.line = '';
  }

  push(raw: string): void {
    const line = collapseSpaces(raw);
    if (line === '') return;
    this.lines.push(line);
    this.length += line.length + 1;
  }

  get #body(): boolean {
    return this.#open.at(-1)?.body ?? false;
  }

  open(tag: string, attributes: Attributes): void {
    if (this.#skipped > 0 || SKIPPED.has(tag)) {
      this.#skipped++;
      return;
    }
    if (this.#code) {
      this.#open.push({ tag, body: this.#body, blockInBody: false });
      return;
    }
    const frame: Frame = { tag, body: this.#body, blockInBody: false };
    this.note(attributes, frame);
    if (attributes['data-search-body'] !== undefined) {
      frame.body = true;
      this.found = true;
    }
    if (attributes['data-search-ignore'] !== undefined) frame.body = false;
    this.#open.push(frame);
    if (tag === 'br') {
      // A line break inside a paragraph is whitespace (and search drops whitespace beside Japanese words).
      if (frame.body) this.line += '\n';
      return;
    }
    frame.blockInBody = frame.body && BLOCKS.has(tag);
    if (frame.blockInBody) this.flush();
    if (frame.body && HEADING.test(tag)) {
      // The section starts at this heading's line; a heading without an id cannot be linked to.
      const id = attributes.id;
      if (id !== undefined && id !== '') this.sections.push([this.length, id]);
    }
    if (frame.body && tag === 'pre') {
      // Code keeps its lines: each is a line of its own.
      frame.code = { text: '' };
      frame.blockInBody = false;
      this.#code = frame.code;
    }
  }

  text(text: string): void {
    if (this.#skipped > 0) return;
    for (const key of this.#keys) key.text += text;
    if (this.#code) this.#code.text += text;
    else if (this.#body) this.line += text;
  }

  close(tag: string): void {
    if (this.#skipped > 0) {
      this.#skipped--;
      return;
    }
    const frame = this.#open.pop();
    if (!frame || frame.tag !== tag) throw new Error(`unbalanced </${tag}>`);
    if (frame.code) {
      // The <pre> itself closes (its elements closed before it): its lines end the code.
      this.#code = null;
      for (const line of frame.code.text.split('\n')) this.push(line);
    }
    if (frame.key) {
      this.#keys.splice(this.#keys.indexOf(frame.key), 1);
      const key = collapseSpaces(frame.key.text);
      if (key !== '' && !this.keys.includes(key)) this.keys.push(key);
    }
    if (frame.blockInBody) this.flush();
  }

  note(attributes: Attributes, frame: Frame): void {
    const date = attributes['data-search-date'];
    if (date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date)) this.date = date;
    const title = attributes['data-search-title'];
    if (title !== undefined) this.title = collapseSpaces(title);
    if (attributes['data-search-key'] !== undefined) {
      frame.key = { text: '' };
      this.#keys.push(frame.key);
    }
    const tag = attributes['data-search-tag'];
    if (tag !== undefined && tag !== '' && !this.tags.includes(tag)) this.tags.push(tag);
  }
}

/**
 * The search document of a built page, or undefined when the page has no
 * `data-search-body` (an archive or any page that is not a log).
 */
export function extractSearchDoc(slug: string, html: string): SearchDoc | undefined {
  // Most pages of a site are not logs: those are told by a glance at the text, not read.
  if (!html.includes('data-search-body')) return undefined;
  const reader = new Reader();
  const parser = new Parser({
    onopentag: (name, attributes) => reader.open(name, attributes),
    ontext: (text) => reader.text(text),
    onclosetag: (name) => reader.close(name),
  });
  parser.end(html);
  reader.flush();
  if (!reader.found) return undefined;
  const text = reader.lines.join('\n');
  // A section whose heading line was empty (cleaned away) starts where the next line does: keep those inside the text.
  const sections = reader.sections.filter(([offset]) => offset < text.length);
  if (sections[0]?.[0] !== 0 && text.length > 0) sections.unshift([0, '']);
  return { slug, date: reader.date, title: reader.title, tags: reader.tags, keys: reader.keys, text, sections };
}

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
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { collapseSpaces } from './text.ts';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
type Element = DefaultTreeAdapterTypes.Element;

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

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (!('childNodes' in node) || ('tagName' in node && SKIPPED.has(node.tagName))) return '';
  return node.childNodes.map(textOf).join('');
}

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

  walk(node: Node, inBody: boolean): void {
    if (node.nodeName === '#text') {
      if (inBody) this.line += (node as DefaultTreeAdapterTypes.TextNode).value;
      return;
    }
    if (!('childNodes' in node)) return;
    if (!('tagName' in node)) {
      for (const child of node.childNodes) this.walk(child, inBody);
      return;
    }
    const element = node;
    const tag = element.tagName;
    if (SKIPPED.has(tag)) return;
    this.note(element);
    let body = inBody;
    if (attribute(element, 'data-search-body') !== undefined) {
      body = true;
      this.found = true;
    }
    if (attribute(element, 'data-search-ignore') !== undefined) body = false;
    const block = BLOCKS.has(tag);
    if (tag === 'br') {
      // A line break inside a paragraph is whitespace (and search drops whitespace beside Japanese words).
      if (body) this.line += '\n';
      return;
    }
    if (block && body) this.flush();
    if (body && HEADING.test(tag)) {
      // The section starts at this heading's line; a heading without an id cannot be linked to.
      const id = attribute(element, 'id');
      if (id !== undefined && id !== '') this.sections.push([this.length, id]);
    }
    if (body && tag === 'pre') {
      // Code keeps its lines: each is a line of its own.
      for (const line of textOf(element).split('\n')) this.push(line);
      return;
    }
    for (const child of element.childNodes) this.walk(child, body);
    if (block && body) this.flush();
  }

  note(element: Element): void {
    const date = attribute(element, 'data-search-date');
    if (date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date)) this.date = date;
    const title = attribute(element, 'data-search-title');
    if (title !== undefined) this.title = collapseSpaces(title);
    if (attribute(element, 'data-search-key') !== undefined) {
      const key = collapseSpaces(textOf(element));
      if (key !== '' && !this.keys.includes(key)) this.keys.push(key);
    }
    const tag = attribute(element, 'data-search-tag');
    if (tag !== undefined && tag !== '' && !this.tags.includes(tag)) this.tags.push(tag);
  }
}

/**
 * The search document of a built page, or undefined when the page has no
 * `data-search-body` (an archive or any page that is not a log).
 */
export function extractSearchDoc(slug: string, html: string): SearchDoc | undefined {
  const reader = new Reader();
  reader.walk(parse(html), false);
  reader.flush();
  if (!reader.found) return undefined;
  const text = reader.lines.join('\n');
  // A section whose heading line was empty (cleaned away) starts where the next line does: keep those inside the text.
  const sections = reader.sections.filter(([offset]) => offset < text.length);
  if (sections[0]?.[0] !== 0 && text.length > 0) sections.unshift([0, '']);
  return { slug, date: reader.date, title: reader.title, tags: reader.tags, keys: reader.keys, text, sections };
}

/**
 * Frontmatter the writer meant, read safely.
 *
 * YAML anchors (&a) and aliases (*a) are refused: nine lines of them name
 * more values than any machine can hold once written out (a "billion laughs"
 * took `nisshi parse` to a RangeError and a build to 1.5 GB), and no log needs
 * them. js-yaml itself caps nesting (maxDepth 100), and the log's size limit
 * caps the text, so the time and memory to read any frontmatter are bounded.
 *
 * A block the writer meant as frontmatter but wrote a little off — after blank
 * lines or an HTML comment, with spaces before "---", or in TOML between "+++"
 * lines — must never turn into a published page of "draft: true" text: the
 * YAML one is read (with a warning), the TOML one refused (with an error).
 */
import { CORE_SCHEMA, load } from 'js-yaml';

/** A frontmatter nisshi will not read, and the text that shows where (the anchor, `&a`). */
/** A frontmatter nisshi refuses to read (rule frontmatter-alias in src/record/rules.ts). */
export class FrontmatterRefusal extends Error {
  readonly anchor: string;
  readonly at: string;
  constructor(anchor: string) {
    super(`frontmatter uses the YAML anchor "&${anchor}"`);
    this.anchor = anchor;
    this.at = `&${anchor}`;
  }

  /** 0-based line of the YAML text on which `at` first appears (0 when it does not). */
  lineIn(yaml: string): number {
    const at = yaml.indexOf(this.at);
    let line = 0;
    for (let i = yaml.indexOf('\n'); i !== -1 && i < at; i = yaml.indexOf('\n', i + 1)) line++;
    return at === -1 ? 0 : line;
  }
}

/** YAML with the core schema (dates stay strings), refusing anchors before any alias can use them. */
export function loadFrontmatterYaml(text: string): unknown {
  return load(text, {
    schema: CORE_SCHEMA,
    listener(event, state) {
      const anchor = (state as { anchor?: string | null }).anchor;
      if (event === 'close' && typeof anchor === 'string') {
        throw new FrontmatterRefusal(anchor);
      }
    },
  });
}

/** What stood before a frontmatter block that did not open on the first line. */
export interface MisplacedBy {
  blankLines: boolean;
  /** An HTML comment (`<!-- memo -->`, on one line or several). */
  comment: boolean;
  /** Spaces before or after "---". */
  spaced: boolean;
}

export interface MisplacedOpening {
  kind: 'yaml' | 'toml';
  /** 1-based line of the opening "---" or "+++". */
  line: number;
  /** Offset of the opening line's first character. */
  start: number;
  /** Offset just after the opening line (its line break included). */
  end: number;
  /** Why it is not plain frontmatter, for the warning. */
  by: MisplacedBy;
}

/**
 * The opening of a frontmatter block that is not exactly "---" on line 1: the
 * first line with text, after blank lines and HTML comments, is "---" or
 * "+++", or "---" with spaces around it. Null when the log starts otherwise.
 * The text has `\n` or `\r\n` line ends (readLog turns a lone CR into `\n` first).
 */
export function misplacedOpening(text: string): MisplacedOpening | null {
  let start = 0;
  let line = 1;
  const by: MisplacedBy = { blankLines: false, comment: false, spaced: false };
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const content = text.slice(start, end).replace(/\r$/, '');
    const trimmed = content.trim();
    if (trimmed === '') {
      by.blankLines = true;
    } else if (/^ {0,3}<!--/.test(content)) {
      // A comment, on this line or running over several: skip it when nothing but spaces follows its end.
      const close = text.indexOf('-->', start + content.indexOf('<!--') + 4);
      if (close === -1) return null;
      let after = text.indexOf('\n', close);
      if (after === -1) after = text.length;
      if (text.slice(close + 3, after).trim() !== '') return null;
      for (let i = text.indexOf('\n', start); i !== -1 && i < after; i = text.indexOf('\n', i + 1)) line++;
      by.comment = true;
      start = after + 1;
      line++;
      continue;
    } else {
      const kind = trimmed === '---' ? 'yaml' : trimmed === '+++' ? 'toml' : null;
      if (!kind) return null;
      by.spaced = content !== trimmed;
      if (kind === 'yaml' && !by.blankLines && !by.comment && !by.spaced) return null;
      return { kind, line, start, end: Math.min(end + 1, text.length), by };
    }
    start = end + 1;
    line++;
  }
  return null;
}

/** The first line after `from` that is only the given delimiter (spaces allowed): its start and end offsets. */
export function closingLine(text: string, from: number, delimiter: string): { start: number; end: number } | null {
  let start = from;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (text.slice(start, end).trim() === delimiter) return { start, end };
    start = end + 1;
  }
  return null;
}

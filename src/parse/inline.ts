/**
 * Plain text of inline Markdown, line by line. Logs pack several facts into
 * one paragraph on consecutive lines ("**現状**: …\n**影響**: …"), so the
 * extractors read paragraphs as lines, each with its own place in the file.
 */
import type { Nodes, PhrasingContent } from 'mdast';

/** Marks around strong text in {@link TextLine.marked}, so labels like **現状** can be told from text. */
export const STRONG_OPEN = '\u0001';
export const STRONG_CLOSE = '\u0002';
const markers = /[\u0001\u0002]/g;

export interface TextLine {
  /** The line as plain text: no `**`, links reduced to their text, code to its content. */
  text: string;
  /** The same with strong text wrapped in STRONG_OPEN / STRONG_CLOSE. */
  marked: string;
  line: number;
  column: number;
}

/** Looks up columns of source lines, for lines that start inside a paragraph. */
export class SourceLines {
  readonly #text: string;
  readonly #starts: number[] = [0];
  constructor(text: string) {
    this.#text = text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#starts.push(i + 1);
  }
  get count(): number {
    return this.#starts.length;
  }
  /** The text of a 1-based line, without its line end. */
  line(line: number): string {
    const start = this.#starts[line - 1];
    if (start === undefined) return '';
    const end = this.#starts[line] ?? this.#text.length + 1;
    return this.#text.slice(start, end - 1).replace(/\r$/, '');
  }
  /** 1-based column of the first character that is not blank, list or quote marker on a line. */
  contentColumn(line: number): number {
    const start = this.#starts[line - 1];
    if (start === undefined) return 1;
    const end = this.#starts[line] ?? this.#text.length;
    const match = /^[ \t>]*/.exec(this.#text.slice(start, end));
    return (match?.[0].length ?? 0) + 1;
  }
}

/** Plain text of any node: what a reader sees, without Markdown markup. */
export function plainText(node: Nodes): string {
  return stripMarkers(markedText(node));
}

export function stripMarkers(text: string): string {
  return text.replace(markers, '');
}

function markedText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
      return node.value;
    case 'break':
      return '\n';
    case 'html':
      return /^<br\s*\/?>$/i.test(node.value) ? '\n' : '';
    case 'image':
      return node.alt ?? '';
    case 'strong':
      return STRONG_OPEN + node.children.map(markedText).join('') + STRONG_CLOSE;
    case 'footnoteReference':
    case 'imageReference':
    case 'definition':
    case 'yaml':
    case 'thematicBreak':
      return '';
    default:
      if ('children' in node) {
        const separator = node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' ? '' : '\n';
        return (node.children as Nodes[]).map(markedText).join(separator);
      }
      return '';
  }
}

/**
 * The lines of a paragraph, heading or table cell. Each soft or hard line
 * break starts a new line whose number comes from the source positions.
 */
export function inlineLines(node: { children: PhrasingContent[]; position?: Nodes['position'] }, source: SourceLines): TextLine[] {
  const start = node.position?.start;
  if (!start) return [];
  const lines: TextLine[] = [];
  let marked = '';
  let line = start.line;
  let column = start.column;
  const flush = (): void => {
    lines.push({ text: stripMarkers(marked).trim(), marked: marked.trim(), line, column });
    marked = '';
  };
  const visit = (child: PhrasingContent): void => {
    if (child.type === 'text') {
      const parts = child.value.split('\n');
      // Text that remark-gfm split off around a bare URL has no position: its lines follow on from the last one.
      const first = child.position?.start.line;
      parts.forEach((part, index) => {
        if (index > 0) {
          flush();
          line = first === undefined ? line + 1 : first + index;
          column = source.contentColumn(line);
        }
        marked += part;
      });
    } else if (child.type === 'break') {
      flush();
      line = child.position?.end.line ?? line + 1;
      column = source.contentColumn(line);
    } else if (child.type === 'html' && /^<br\s*\/?>$/i.test(child.value)) {
      flush();
      line = child.position?.end.line ?? line;
      column = child.position?.end.column ?? column;
    } else if (child.type === 'strong') {
      marked += STRONG_OPEN;
      child.children.forEach(visit);
      marked += STRONG_CLOSE;
    } else if ('children' in child) {
      (child.children as PhrasingContent[]).forEach(visit);
    } else {
      marked += markedText(child);
    }
  };
  node.children.forEach(visit);
  flush();
  return lines.filter((entry) => entry.marked !== '');
}

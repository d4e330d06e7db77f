/**
 * Labelled lines as rows: `**現状**: …` / `**影響**: …` written as the lines of
 * one paragraph (or as `- 原因: …` items) read as one run-on paragraph in
 * HTML. Here such lines become rows of a <dl>, one label and its text each,
 * with what follows a bare label (`**解決方法**:` then a code block) as that
 * row's text. Lines without a label stay as they are. The Markdown is not
 * touched: this works on the HTML tree after sanitising.
 */
import type { Element, ElementContent, Text } from 'hast';
import { toString } from 'hast-util-to-string';

/** A row: its label as written (without the colon) and its content. */
export interface LabelledRow {
  label: string;
  content: ElementContent[];
}

const COLON = /^\s*[:：]\s*/;
const LABEL_WITH_COLON = /^(.{1,24}?)\s*[:：]\s*$/s;

export const isElement = (node: ElementContent | undefined, tagName?: string): node is Element =>
  node?.type === 'element' && (tagName === undefined || node.tagName === tagName);

const text = (value: string): Text => ({ type: 'text', value });

/** Splits inline content into lines at newlines in text and at <br>. */
export function splitLines(children: readonly ElementContent[]): ElementContent[][] {
  const lines: ElementContent[][] = [[]];
  for (const child of children) {
    if (isElement(child, 'br')) {
      lines.push([]);
    } else if (child.type === 'text' && child.value.includes('\n')) {
      const parts = child.value.split('\n');
      parts.forEach((part, index) => {
        if (index > 0) lines.push([]);
        if (part !== '') lines.at(-1)!.push(text(part));
      });
    } else {
      lines.at(-1)!.push(child);
    }
  }
  return lines.filter((line) => line.some((node) => node.type !== 'text' || node.value.trim() !== ''));
}

function trimStart(nodes: ElementContent[]): ElementContent[] {
  const out = [...nodes];
  while (out[0]?.type === 'text' && out[0].value.trim() === '') out.shift();
  if (out[0]?.type === 'text') out[0] = text(out[0].value.replace(/^\s+/, ''));
  return out;
}

/**
 * The label and the rest of one line: `<strong>現状</strong>: …`,
 * `<strong>現状:</strong> …`, or plain `現状: …` when `plainWords` knows the word.
 */
export function labelOf(line: readonly ElementContent[], plainWords: ReadonlySet<string>): LabelledRow | null {
  const nodes = trimStart([...line]);
  const first = nodes[0];
  if (isElement(first, 'strong') || isElement(first, 'b')) {
    const inner = toString(first).trim();
    const after = nodes[1];
    const colonInside = LABEL_WITH_COLON.exec(inner);
    if (colonInside) return { label: colonInside[1]!.trim(), content: trimStart(nodes.slice(1)) };
    if (after?.type === 'text' && COLON.test(after.value) && inner !== '' && inner.length <= 24) {
      return { label: inner, content: trimStart([text(after.value.replace(COLON, '')), ...nodes.slice(2)]) };
    }
    return null;
  }
  if (first?.type === 'text') {
    const match = /^([^:：\n]{1,12}?)\s*[:：]\s*/.exec(first.value);
    if (match && plainWords.has(match[1]!.trim().toLowerCase())) {
      return { label: match[1]!.trim(), content: trimStart([text(first.value.slice(match[0].length)), ...nodes.slice(1)]) };
    }
  }
  return null;
}

/** A row as HTML: `<div class="part"><dt>label</dt><dd>…</dd></div>` (a <div> groups a <dt> and its <dd> in a <dl>). */
export function rowElement(row: LabelledRow): Element {
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['part'] },
    children: [
      { type: 'element', tagName: 'dt', properties: {}, children: [text(row.label)] },
      { type: 'element', tagName: 'dd', properties: {}, children: row.content },
    ],
  };
}

export function rowsElement(rows: readonly LabelledRow[], className: string): Element {
  return { type: 'element', tagName: 'dl', properties: { className: [className] }, children: rows.map(rowElement) };
}

/** A block as lines with their labels, or null when it has none (so it stays as written). */
function paragraphRows(paragraph: Element, plainWords: ReadonlySet<string>): Array<LabelledRow | ElementContent[]> | null {
  const lines = splitLines(paragraph.children);
  const read = lines.map((line) => labelOf(line, plainWords) ?? line);
  return read.some((line) => !Array.isArray(line)) ? read : null;
}

/** An item `- 原因: …` (or `- **原因**: …`) with its nested content, as a row. */
function itemRow(item: Element, plainWords: ReadonlySet<string>): LabelledRow | null {
  const children = item.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const head = children[0];
  const [line, rest] = isElement(head, 'p')
    ? [splitLines(head.children), children.slice(1)]
    : [splitLines(children.filter((child) => !isElement(child, 'ul') && !isElement(child, 'ol'))), children.filter((child) => isElement(child, 'ul') || isElement(child, 'ol'))];
  const first = line[0];
  if (!first) return null;
  let row = labelOf(first, plainWords);
  // `- 原因` alone with the text nested below it.
  const bare = first.map((node) => toString(node as Element)).join('').replace(/[:：]\s*$/, '').trim();
  if (!row && line.length === 1 && rest.length > 0 && plainWords.has(bare.toLowerCase())) row = { label: bare, content: [] };
  if (!row) return null;
  const more = line.slice(1).flatMap((extra) => [{ type: 'element', tagName: 'br', properties: {}, children: [] } as Element, ...extra]);
  return { label: row.label, content: [...row.content, ...more, ...rest] };
}

/**
 * The blocks of a problem (or any labelled run) with labelled lines and items
 * as rows of `<dl class={className}>`: consecutive rows share one list, and a
 * label with nothing after it on its line takes the blocks that follow, up to
 * the next label.
 */
export function labelledBlocks(blocks: readonly ElementContent[], plainWords: ReadonlySet<string>, className: string): ElementContent[] {
  const out: ElementContent[] = [];
  let rows: LabelledRow[] = [];
  /** The last row, while it has nothing of its own yet or took blocks after a bare label. */
  let open: LabelledRow | null = null;
  const flush = () => {
    if (rows.length > 0) out.push(rowsElement(rows, className));
    rows = [];
    open = null;
  };
  const addRow = (row: LabelledRow) => {
    rows.push(row);
    open = row.content.length === 0 ? row : null;
  };
  for (const block of blocks) {
    if (block.type === 'text' && block.value.trim() === '') continue;
    if (isElement(block, 'p')) {
      const read = paragraphRows(block, plainWords);
      if (read) {
        for (const line of read) {
          if (!Array.isArray(line)) addRow(line);
          else if (rows.length > 0) rows.at(-1)!.content.push({ type: 'element', tagName: 'br', properties: {}, children: [] }, ...line);
          else out.push({ ...block, children: line });
        }
        continue;
      }
    }
    if (isElement(block, 'ul') || isElement(block, 'ol')) {
      const items = block.children.filter((child): child is Element => isElement(child, 'li'));
      const itemRows = items.map((item) => itemRow(item, plainWords));
      if (items.length > 0 && itemRows.every((row) => row !== null)) {
        for (const row of itemRows) addRow(row!);
        continue;
      }
    }
    if (open !== null) {
      (open as LabelledRow).content.push(block);
      continue;
    }
    flush();
    out.push(block);
  }
  flush();
  return out;
}

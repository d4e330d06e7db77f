/**
 * Anchors to lines of a log: `id="L31"` on the list item or paragraph that
 * starts on line 31, so a review can link a learning or a reflection to its
 * line (/logs/2025-08-03/#L31) as an editor or GitHub would (file.md#L31). A
 * line inside a paragraph (after a soft or hard break) gets an empty
 * `<span id="L32">` where it starts. Only the lines asked for get one.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import type { LogRecord } from '../record/schema.ts';
import { walkElements } from './sanitize-schema.ts';

declare module 'vfile' {
  interface DataMap {
    /** Lines of the log to anchor (its learnings' and reflections' lines). */
    anchorLines: ReadonlySet<number>;
  }
}

/** The lines of a log that reviews link to: its learnings and its reflection passages. */
export function linkedLines(record: Pick<LogRecord, 'learningLines' | 'reflections'>): number[] {
  return [...record.learningLines, ...record.reflections.map((passage) => passage.line)];
}

function anchor(line: number): Element {
  return { type: 'element', tagName: 'span', properties: { id: `L${line}` }, children: [] };
}

/** Places anchors for the wanted lines that start inside the paragraph (not on its first line). */
function anchorInside(paragraph: Element, wanted: ReadonlySet<number>, placed: Set<number>): void {
  const children: ElementContent[] = [];
  const first = paragraph.position?.start.line ?? 0;
  for (const child of paragraph.children) {
    const start = child.position?.start.line;
    if (child.type === 'text' && start !== undefined && child.value.includes('\n')) {
      const parts = child.value.split('\n');
      parts.forEach((part, index) => {
        const line = start + index;
        if (index > 0) children.push({ type: 'text', value: '\n' });
        if (line > first && wanted.has(line) && !placed.has(line)) {
          placed.add(line);
          children.push(anchor(line));
        }
        if (part !== '') children.push({ type: 'text', value: part });
      });
    } else {
      // The first node starting on a later line (after a hard break) starts that line.
      if (start !== undefined && start > first && wanted.has(start) && !placed.has(start)) {
        placed.add(start);
        children.push(anchor(start));
      }
      children.push(child);
    }
  }
  paragraph.children = children;
}

/** Rehype plugin: anchors the lines in `file.data.anchorLines`; a line already anchored, or none asked, changes nothing. */
export function rehypeLineAnchors() {
  return (tree: Root, file: VFile): void => {
    const wanted = file.data.anchorLines;
    if (!wanted || wanted.size === 0) return;
    const placed = new Set<number>();
    walkElements(tree, (element) => {
      if (element.tagName !== 'li' && element.tagName !== 'p') return;
      const start = element.position?.start.line;
      if (start !== undefined && wanted.has(start) && !placed.has(start) && element.properties.id === undefined) {
        placed.add(start);
        element.properties.id = `L${start}`;
      }
      if (element.tagName === 'p' && start !== undefined && (element.position?.end.line ?? start) > start) anchorInside(element, wanted, placed);
    });
  };
}

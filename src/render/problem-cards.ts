/**
 * A log's problems as cards, and its closing figures as a table, on its page.
 *
 * The record already says where each problem is (its heading's or item's
 * line) and which lines are figures: the renderer takes that, not a guess.
 * A problem written as a heading becomes `<section class="problem-card">`
 * holding the heading, its status, and the blocks up to the next heading of
 * its level or above (or a rule), its labelled lines as rows (labelled-rows.ts);
 * one written as a list item gets the same inside the item. A paragraph of
 * two or more figure lines (`**学習時間**: 約3時間` …) becomes a two-column
 * table. The Markdown is unchanged; only the HTML is arranged.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { resolveVocabulary, type VocabularyOverrides } from '../parse/vocabulary.ts';
import type { LogRecord } from '../record/schema.ts';
import { isElement, labelOf, labelledBlocks, splitLines } from './labelled-rows.ts';

/** What of the record the page's layout needs. */
export type LogShape = Pick<LogRecord, 'problems' | 'figures'>;

declare module 'vfile' {
  interface DataMap {
    /** The record of the log being rendered, when the renderer is given one. */
    logShape: LogShape;
    /** The writer's words, for labels written without bold (原因: …). */
    vocabulary: VocabularyOverrides | undefined;
  }
}

const headingDepth = (element: Element): number => (/^h[1-6]$/.test(element.tagName) ? Number(element.tagName[1]) : 0);
const BLOCKS = new Set(['p', 'ul', 'ol', 'pre', 'blockquote', 'table', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);
const lineOf = (node: RootContent | ElementContent): number | undefined => node.position?.start.line;

/** Words a label may be written with plainly (`原因: …`): a problem's parts, and its status. */
function plainLabelWords(vocabulary: VocabularyOverrides | undefined): Set<string> {
  const parts = resolveVocabulary(vocabulary).problemParts;
  const words = [...parts.current, ...parts.impact, ...parts.cause, ...parts.solution, ...parts.notes, '状態', 'ステータス'];
  return new Set(words.map((word) => word.toLowerCase()));
}

type Problem = LogShape['problems'][number];

function statusOf(problem: Problem): { text: string; className: string } {
  if (problem.status === 'resolved') return { text: '解決済み', className: 'state-done' };
  if (problem.status === 'open' || !problem.solution) return { text: '未解決', className: 'state-overdue' };
  return { text: '解決方法あり', className: 'state-open' };
}

function statusElement(problem: Problem): Element {
  const status = statusOf(problem);
  return {
    type: 'element',
    tagName: 'p',
    properties: { className: ['problem-status', status.className] },
    children: [{ type: 'text', value: status.text }],
  };
}

/** The heading's problem section, from the heading to the next heading of its level or above, or a rule. */
function sectionEnd(siblings: readonly RootContent[], start: number, depth: number): number {
  for (let index = start + 1; index < siblings.length; index++) {
    const node = siblings[index]!;
    if (node.type !== 'element') continue;
    const level = headingDepth(node);
    if ((level > 0 && level <= depth) || node.tagName === 'hr') return index;
  }
  return siblings.length;
}

function figuresTable(paragraph: Element, figureLines: ReadonlySet<number>, plainWords: ReadonlySet<string>): Element | null {
  const start = paragraph.position?.start.line;
  if (start === undefined) return null;
  const lines = splitLines(paragraph.children);
  if (lines.length < 2) return null;
  const rows = lines.map((line) => labelOf(line, plainWords));
  // Every line a figure the record read, so a paragraph that only looks alike stays a paragraph.
  const allFigures = rows.every((row, index) => row !== null && figureLines.has(start + index));
  if (!allFigures) return null;
  return {
    type: 'element',
    tagName: 'table',
    properties: { className: ['log-figures'] },
    children: [{
      type: 'element',
      tagName: 'tbody',
      properties: {},
      children: rows.map((row) => ({
        type: 'element',
        tagName: 'tr',
        properties: {},
        children: [
          { type: 'element', tagName: 'th', properties: { scope: 'row' }, children: [{ type: 'text', value: row!.label }] },
          { type: 'element', tagName: 'td', properties: {}, children: row!.content },
        ],
      })),
    }],
  };
}

/** Rehype plugin: problem cards and the figures table, from `file.data.logShape` (nothing without it). */
export function rehypeProblemCards() {
  return (tree: Root, file: VFile): void => {
    const shape = file.data.logShape;
    if (!shape) return;
    const plainWords = plainLabelWords(file.data.vocabulary);
    const problems = new Map(shape.problems.map((problem) => [problem.line, problem]));
    const figureLines = new Set(shape.figures.map((figure) => figure.line));
    arrange(tree, problems, figureLines, plainWords);
  };
}

function arrange(parent: Root | Element, problems: ReadonlyMap<number, Problem>, figureLines: ReadonlySet<number>, plainWords: ReadonlySet<string>): void {
  const children = parent.children as RootContent[];
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    if (node.type !== 'element') continue;
    const line = lineOf(node);
    const problem = line === undefined ? undefined : problems.get(line);
    const depth = headingDepth(node);
    if (problem && depth > 0) {
      const end = sectionEnd(children, index, depth);
      const body = children.slice(index + 1, end) as ElementContent[];
      const id = typeof node.properties.id === 'string' ? node.properties.id : undefined;
      const card: Element = {
        type: 'element',
        tagName: 'section',
        properties: { className: ['problem-card'], ...(id ? { ariaLabelledBy: [id] } : {}) },
        children: [
          { type: 'element', tagName: 'header', properties: { className: ['problem-head'] }, children: [node, statusElement(problem)] },
          ...labelledBlocks(body, plainWords, 'problem-parts'),
        ],
        position: node.position,
      };
      children.splice(index, end - index, card);
      continue;
    }
    if (problem && node.tagName === 'li') {
      // The item's first line is the problem's title: its paragraph, or (in a tight list) the inline nodes before any block.
      const blockAt = node.children.findIndex((child) => isElement(child) && BLOCKS.has(child.tagName));
      const headEnd = isElement(node.children[0], 'p') ? 1 : blockAt === -1 ? node.children.length : blockAt;
      const head = node.children.slice(0, headEnd);
      node.properties.className = [...classList(node), 'problem-card', 'problem-item'];
      node.children = [
        { type: 'element', tagName: 'div', properties: { className: ['problem-head'] }, children: [...head, statusElement(problem)] },
        ...labelledBlocks(node.children.slice(headEnd), plainWords, 'problem-parts'),
      ];
      continue;
    }
    if (node.tagName === 'p') {
      const table = figuresTable(node, figureLines, plainWords);
      if (table) {
        children[index] = table;
        continue;
      }
    }
    arrange(node, problems, figureLines, plainWords);
  }
}

function classList(element: Element): string[] {
  const value: unknown = element.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

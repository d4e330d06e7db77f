/**
 * The day first: on a log page, what `nisshi new` carried over (## 持ち越し,
 * ## 継続中の問題: vocabulary.carriedHeadings and continuingHeadings) is folded
 * into a <details> under its heading, with its count in the <summary>, and
 * placed after the day's goals when the log has it above them. Twenty-two
 * carried plans no longer fill the screen before the day's own work.
 *
 * A rehype step over the rendered tree: the heading keeps its id (the page's
 * outline and links to it are unchanged), the items keep their line anchors,
 * and private notes were blanked before the tree was made, so nothing here
 * can show one.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { isCarriedHeading, isContinuingHeading } from '../parse/extract/carried.ts';
import { resolveVocabulary, sectionKind, type Vocabulary, type VocabularyOverrides } from '../parse/vocabulary.ts';
import { walkElements } from './sanitize-schema.ts';

declare module 'vfile' {
  interface DataMap {
    /** The writer's words (settings vocabulary): which headings are the carried sections and the goals. */
    vocabulary: VocabularyOverrides | undefined;
    /**
     * The record's count of carried items (stats/checklist-counts.ts: given-up
     * ones left out), so the folded section says what the page's summary says.
     */
    carriedCount: { done: number; total: number };
  }
}

const headingDepth: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

interface Section {
  kind: 'carried' | 'continuing' | 'goals' | 'other';
  depth: number;
  /** Root children from the heading up to (not including) the next heading of the same or a higher level. */
  start: number;
  end: number;
}

function sectionsOf(children: readonly RootContent[], vocabulary: Vocabulary): Section[] {
  const headings: Array<{ index: number; depth: number; text: string }> = [];
  children.forEach((child, index) => {
    if (child.type === 'element' && headingDepth[child.tagName] !== undefined) headings.push({ index, depth: headingDepth[child.tagName]!, text: toString(child) });
  });
  return headings.map((heading, at) => {
    const next = headings.slice(at + 1).find((other) => other.depth <= heading.depth);
    const kind = isCarriedHeading(heading.text, vocabulary)
      ? 'carried'
      : isContinuingHeading(heading.text, vocabulary)
        ? 'continuing'
        : sectionKind(heading.text, vocabulary) === 'goals'
          ? 'goals'
          : 'other';
    return { kind, depth: heading.depth, start: heading.index, end: next?.index ?? children.length };
  });
}

/** The items of a folded section: the record's count, else its task items (and how many are ticked), for the carried one; list items for the problems. */
function countOf(content: readonly ElementContent[], kind: 'carried' | 'continuing', given: { done: number; total: number } | undefined): string {
  if (kind === 'carried' && given) return `${given.total}件${given.done > 0 ? `（完了 ${given.done}件）` : ''}`;
  let items = 0;
  let done = 0;
  const root: Root = { type: 'root', children: content as RootContent[] };
  walkElements(root, (element) => {
    if (element.tagName !== 'li') return;
    const box = element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'input');
    if (kind === 'carried' && !box) return;
    items++;
    if (box?.properties.checked) done++;
  });
  return kind === 'carried' ? `${items}件${done > 0 ? `（完了 ${done}件）` : ''}` : `${items}件`;
}

function folded(content: ElementContent[], kind: 'carried' | 'continuing', given: { done: number; total: number } | undefined): Element {
  return {
    type: 'element',
    tagName: 'details',
    properties: { className: ['carried-section'], dataCarried: kind },
    children: [
      // The count is the page's, not the writer's text: out of the search index.
      { type: 'element', tagName: 'summary', properties: { dataSearchIgnore: '' }, children: [{ type: 'text', value: countOf(content, kind, given) }] },
      { type: 'text', value: '\n' },
      ...content,
    ],
  };
}

/** Rehype plugin: folds the carried sections and puts them after the goals (see the module comment). */
export function rehypeCarriedSections() {
  return (tree: Root, file: VFile): void => {
    const vocabulary = resolveVocabulary(file.data.vocabulary);
    const sections = sectionsOf(tree.children, vocabulary);
    if (!sections.some((section) => section.kind === 'carried' || section.kind === 'continuing')) return;
    // Each section as one piece: the heading and, for a carried one, its content folded.
    const pieces: Array<{ kind: Section['kind']; nodes: RootContent[] }> = [];
    let at = 0;
    for (const section of sections) {
      if (section.start > at) pieces.push({ kind: 'other', nodes: tree.children.slice(at, section.start) });
      if (section.start < at) continue; // inside an outer carried section already taken
      const heading = tree.children[section.start]!;
      const body = tree.children.slice(section.start + 1, section.end);
      if (section.kind === 'carried' || section.kind === 'continuing') {
        const content = body.filter((node): node is ElementContent => node.type !== 'doctype');
        pieces.push({ kind: section.kind, nodes: [heading, { type: 'text', value: '\n' }, folded(content, section.kind, file.data.carriedCount), { type: 'text', value: '\n' }] });
        at = section.end;
      } else {
        // Only the heading: its content is the following pieces (sub-sections may be carried ones).
        pieces.push({ kind: section.kind, nodes: [heading] });
        at = section.start + 1;
      }
    }
    if (at < tree.children.length) pieces.push({ kind: 'other', nodes: tree.children.slice(at) });
    tree.children = afterGoals(pieces, sections).flatMap((piece) => piece.nodes);
  };
}

/**
 * The pieces with the carried ones that stand before the goals section moved
 * to just after it (after all of its sub-sections), in their order.
 */
function afterGoals(pieces: Array<{ kind: Section['kind']; nodes: RootContent[] }>, sections: readonly Section[]) {
  const goalsAt = pieces.findIndex((piece) => piece.kind === 'goals');
  if (goalsAt === -1) return pieces;
  const goals = sections.find((section) => section.kind === 'goals')!;
  // The goals section ends before the next heading piece of the same or a higher level.
  let end = goalsAt + 1;
  for (; end < pieces.length; end++) {
    const first = pieces[end]!.nodes[0];
    if (first?.type === 'element' && headingDepth[first.tagName] !== undefined && headingDepth[first.tagName]! <= goals.depth) break;
  }
  const before = pieces.slice(0, goalsAt).filter((piece) => piece.kind === 'carried' || piece.kind === 'continuing');
  if (before.length === 0) return pieces;
  const rest = pieces.filter((piece) => !before.includes(piece));
  const insertAt = rest.indexOf(pieces[end - 1]!) + 1;
  return [...rest.slice(0, insertAt), ...before, ...rest.slice(insertAt)];
}

/**
 * The log's outline: which headings stand above each top-level block. Logs
 * are flat Markdown, so "under 次のステップ" means "after that heading and
 * before the next heading of the same or a higher level".
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { plainText } from './inline.ts';
import { sectionKind, type SectionKind, type Vocabulary } from './vocabulary.ts';

export interface SectionHeading {
  /** 1–6 for Markdown headings; 7 for a paragraph that is only bold text (**取り組んだ課題**), used as a heading by many writers. */
  depth: number;
  text: string;
  kind: SectionKind | null;
  line: number;
  column: number;
  node: Heading | Paragraph;
}

export interface Block {
  node: RootContent;
  /** Headings above this block, outermost first. */
  trail: SectionHeading[];
}

export type PlacedHeading = SectionHeading & { trail: SectionHeading[] };

export interface Outline {
  headings: PlacedHeading[];
  blocks: Block[];
  /** Headings, blocks and thematic breaks (as blocks with no trail) in document order. */
  sequence: Array<{ heading: PlacedHeading; block?: undefined } | { block: Block; heading?: undefined }>;
}

export function outlineOf(tree: Root, vocabulary: Vocabulary, firstLine: number): Outline {
  const outline: Outline = { headings: [], blocks: [], sequence: [] };
  let trail: SectionHeading[] = [];
  for (const node of tree.children) {
    const start = node.position?.start;
    // Nodes inside the frontmatter are what a pipeline without remark-frontmatter made of the YAML.
    if (!start || start.line < firstLine || node.type === 'yaml') continue;
    const heading = asHeading(node, vocabulary);
    if (node.type === 'thematicBreak') {
      // "---" closes the section above it: closing figures after it belong to no section (nor to a problem).
      trail = [];
      outline.sequence.push({ block: { node, trail } });
    } else if (heading) {
      trail = trail.filter((above) => above.depth < heading.depth);
      const placed = { ...heading, trail };
      outline.headings.push(placed);
      outline.sequence.push({ heading: placed });
      trail = [...trail, heading];
    } else {
      const block = { node, trail };
      outline.blocks.push(block);
      outline.sequence.push({ block });
    }
  }
  return outline;
}

function asHeading(node: RootContent, vocabulary: Vocabulary): SectionHeading | null {
  const start = node.position?.start;
  if (!start) return null;
  if (node.type === 'heading') {
    const text = plainText(node).trim();
    return { depth: node.depth, text, kind: sectionKind(text, vocabulary), line: start.line, column: start.column, node };
  }
  if (isBoldHeading(node)) {
    const text = plainText(node).trim();
    return { depth: 7, text, kind: sectionKind(text, vocabulary), line: start.line, column: start.column, node };
  }
  return null;
}

/** A paragraph that is nothing but one bold run, like "**わかったこと**" on its own line. */
function isBoldHeading(node: RootContent): node is Paragraph {
  if (node.type !== 'paragraph') return false;
  const [only, ...rest] = node.children;
  if (!only || only.type !== 'strong') return false;
  return rest.every((child) => child.type === 'text' && child.value.trim() === '');
}

/** The nearest heading in a trail that names a kind of section, searching from the innermost. */
export function nearestKind(trail: readonly SectionHeading[]): { kind: SectionKind; index: number } | null {
  for (let index = trail.length - 1; index >= 0; index--) {
    const kind = trail[index]?.kind;
    if (kind) return { kind, index };
  }
  return null;
}

/** Text of the innermost heading above a block, or null at the top of the log. */
export function sectionOf(trail: readonly SectionHeading[]): string | null {
  return trail.at(-1)?.text ?? null;
}

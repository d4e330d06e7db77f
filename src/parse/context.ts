/** What every extractor reads: the tree's outline, the source lines and the vocabulary. */
import type { ListItem, Nodes, Paragraph, Root } from 'mdast';
import { inlineLines, SourceLines, type TextLine } from './inline.ts';
import { outlineOf, type Outline } from './outline.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface LogContext {
  tree: Root;
  /** The log's text (frontmatter included), for checks that look across the whole log. */
  text: string;
  outline: Outline;
  source: SourceLines;
  vocabulary: Vocabulary;
  /** The lines of a paragraph, computed once per paragraph however many extractors ask. */
  linesOf(paragraph: Paragraph): TextLine[];
}

export function createContext(tree: Root, text: string, vocabulary: Vocabulary, firstLine: number): LogContext {
  const source = new SourceLines(text);
  const cache = new WeakMap<Paragraph, TextLine[]>();
  return {
    tree,
    text,
    outline: outlineOf(tree, vocabulary, firstLine),
    source,
    vocabulary,
    linesOf(paragraph) {
      let lines = cache.get(paragraph);
      if (!lines) {
        lines = inlineLines(paragraph, source);
        cache.set(paragraph, lines);
      }
      return lines;
    },
  };
}

/** Every descendant of a node (the node included), depth first, in document order. */
export function* descendants(node: Nodes): Generator<Nodes> {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    yield next;
    if ('children' in next) {
      for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i] as Nodes);
    }
  }
}

/** The text of a list item itself: its first paragraph's lines, without its nested lists. */
export function itemLines(item: ListItem, context: LogContext): TextLine[] {
  const first = item.children[0];
  return first?.type === 'paragraph' ? context.linesOf(first) : [];
}

export function joinLines(lines: readonly TextLine[]): string {
  return lines.map((line) => line.text).join(' ').trim();
}

/** 1-based line of a node, for records and diagnostics. */
export function lineOf(node: Nodes, fallback = 1): number {
  return node.position?.start.line ?? fallback;
}

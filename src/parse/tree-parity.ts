/**
 * The one place where the two Markdown parsers nisshi uses (remark-parse +
 * remark-gfm for the CLI, Sätteri in the site's loader) are made to agree
 * before the extractors read their trees. tests/parser/parity.test.ts runs
 * thousands of seeded inputs through both and requires identical records;
 * every difference it ever found is listed and settled here.
 *
 * 0. Characters that are not text. A lone surrogate (only possible in a
 *    string handed to parseLog, never in a UTF-8 file) reaches Sätteri (Rust,
 *    UTF-8) as U+FFFD. Control characters other than tab, line feed, form
 *    feed and carriage return (NUL, ESC, DEL, NEL U+0085 …) are whitespace to
 *    one parser and not to the other when they stand beside `**` or `_`, so
 *    emphasis differed; so did a byte order mark inside the text (U+FEFF,
 *    left by joining files; the one at the start is dropped as a BOM).
 *    CommonMark already replaces NUL with U+FFFD; readLog
 *    does the same for all of them, before either parser sees the text, one
 *    code unit for one so no position moves (normalizeText). A carriage
 *    return not followed by a line feed (a file saved with CR-only line ends)
 *    becomes a line feed there too: CommonMark reads the three line ends
 *    alike, and every later reading of lines (frontmatter, private notes,
 *    extractors) then needs to know only `\n` and `\r\n`.
 * 1. A task item's paragraph. For `- [x] **学習時間**: 2時間` remark starts the
 *    paragraph at the `[x]` (column 3) when its first child is not plain text,
 *    and at the text after the checkbox when it is; Sätteri always starts it
 *    after the checkbox (column 7). The extractors read that start (inline.ts
 *    → figures.ts give a figure's column), so it is set to where the
 *    paragraph's first child starts: the writer's text, after the checkbox.
 */
import type { Nodes, Root } from 'mdast';

/**
 * Markdown that Sätteri reads against CommonMark, so the site must not take its
 * tree for it (the loader reads such a log with remark, as `nisshi parse` does):
 *
 * 2. An escaped delimiter before a delimiter run: `\**現状**` is `*` followed by
 *    emphasis in CommonMark (and remark); Sätteri 0.10 leaves it all literal.
 * 3. `_` beside a `*` run between word characters: `**foo_**bar` and
 *    `a**_b**` are literal in CommonMark (`_` is punctuation, so the run does
 *    not flank); Sätteri takes `_` for a letter and makes them strong.
 * 4. A bare URL run straight into a `|` (`https://example.com| a | b |` over a
 *    delimiter row): remark-gfm counts the URL as a header cell, so the header
 *    and delimiter rows differ and there is no table; Sätteri makes a table.
 *
 * Each was found by tests/parser/parity.test.ts; none occurs in 3,650
 * generated logs nor in the 131 real logs of the corpus, so reading the rare
 * log that has one with remark costs nothing measurable.
 */
const satteriMisreads = /\\[*_][*_]|_\*+[\p{L}\p{N}]|[\p{L}\p{N}]\*+_|(?:https?:\/\/|www\.)[^\s|]*\|/u;

export function satteriMisreadsMarkdown(markdown: string): boolean {
  return satteriMisreads.test(markdown);
}

/** Control characters that are not line or tab structure, and lone surrogates, as U+FFFD; a lone CR as LF (see 0. above). */
export function normalizeText(text: string): string {
  return text
    .toWellFormed()
    .replace(/(?!^)\ufeff|[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g, '\ufffd')
    .replace(/\r(?!\n)/g, '\n');
}

/** A log's text as every reading of it starts: without a byte order mark, normalised (normalizeText). */
export function logSourceText(raw: string): string {
  return normalizeText(String(raw ?? '')).replace(/^\ufeff/, '');
}

export function normalizeTree(tree: Root): Root {
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'listItem' && typeof node.checked === 'boolean') startTaskParagraphAtText(node);
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return tree;
}

function startTaskParagraphAtText(item: Extract<Nodes, { type: 'listItem' }>): void {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return;
  const head = paragraph.children[0]?.position?.start;
  const start = paragraph.position?.start;
  if (!head || !start || head.offset === undefined || start.offset === undefined) return;
  if (head.offset > start.offset) paragraph.position!.start = { ...head };
}

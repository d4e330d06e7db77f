/**
 * The reading of a log's structure that decides what is private
 * (src/parse/log-structure.ts) agrees with CommonMark's reference
 * implementation, commonmark.js, on every example of the spec's own tests
 * (npm commonmark-spec) in its block sections, with `\n`, `\r\n` and `\r`
 * line ends: the same lines are headings (with the same level and text) and
 * the same lines are code. Both trees the reading is made from are held to
 * it — remark-parse + remark-gfm (the CLI) and Sätteri (the site) — and so is
 * the leak audit's own reading (src/deploy/private-text.ts), which must not
 * share the builder's blind spots but must see the same structure.
 */
import { createRequire } from 'node:module';
import { Parser } from 'commonmark';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { auditStructure } from '../../src/deploy/private-text.ts';
import { markdownTreeParser } from '../../src/loader/markdown-tree.ts';
import { readStructure } from '../../src/parse/log-structure.ts';
import { remarkTree } from '../../src/parse/remark-tree.ts';
import { logSourceText } from '../../src/parse/tree-parity.ts';

interface SpecExample {
  markdown: string;
  section: string;
  number: number;
}

const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: SpecExample[] };
const SECTIONS = [
  'Tabs', 'Precedence', 'Thematic breaks', 'ATX headings', 'Setext headings', 'Indented code blocks', 'Fenced code blocks',
  'HTML blocks', 'Link reference definitions', 'Paragraphs', 'Blank lines', 'Block quotes', 'List items', 'Lists',
];
const LINE_ENDS = { lf: '\n', crlf: '\r\n', cr: '\r' } as const;
const examples = spec.tests.filter((example) => SECTIONS.includes(example.section));
const satteri = await markdownTreeParser();

interface Reading {
  headings: string[];
  code: string[];
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A code block's lines as "first-last", blank lines at its end left out on
 * both sides: an indented block's trailing blank lines, or the empty last line
 * after a final CR that commonmark.js counts, hold no code.
 */
function codeLines(markdown: string, start: number, end: number): string {
  const lines = markdown.split(/\r\n|\r|\n/);
  while (end > start && (lines[end - 1] ?? '').trim() === '') end--;
  return `${start}-${end}`;
}

/** What commonmark.js takes as headings (lines, level, text) and code (lines). */
function reference(markdown: string): Reading {
  const headings: string[] = [];
  const code: string[] = [];
  const walker = new Parser().parse(markdown).walker();
  for (let event = walker.next(); event; event = walker.next()) {
    const node = event.node;
    if (!event.entering || (node.type !== 'heading' && node.type !== 'code_block')) continue;
    const [[startLine], [endLine]] = node.sourcepos;
    if (node.type === 'heading') {
      let text = '';
      const inner = node.walker();
      for (let step = inner.next(); step; step = inner.next()) {
        if (!step.entering) continue;
        if (step.node.type === 'text' || step.node.type === 'code') text += step.node.literal ?? '';
        else if (step.node.type === 'softbreak' || step.node.type === 'linebreak') text += ' ';
      }
      headings.push(`${startLine}-${endLine} h${node.level} ${squash(text)}`);
    } else if (node.type === 'code_block') {
      code.push(codeLines(markdown, startLine!, endLine!));
    }
  }
  return { headings, code };
}

function ours(markdown: string, tree: Root): Reading {
  const structure = readStructure(tree);
  return {
    headings: structure.headings.filter((heading) => heading.notation === 'markdown').map((heading) => `${heading.startLine}-${heading.endLine} h${heading.level} ${squash(heading.text)}`),
    code: structure.code.map((block) => codeLines(markdown, block.startLine, block.endLine)),
  };
}

const cases = examples.flatMap((example) =>
  Object.entries(LINE_ENDS).map(([name, end]) => ({
    name: `example ${example.number} (${example.section}, ${name})`,
    markdown: example.markdown.replaceAll('→', '\t').replaceAll('\n', end),
  })),
);

describe('the structure reading agrees with commonmark.js on the spec examples', () => {
  it('covers the block sections in three line ends', () => {
    expect(new Set(examples.map((example) => example.section))).toEqual(new Set(SECTIONS));
    expect(cases.length).toBeGreaterThan(800);
  });

  it.each(cases)('$name, on remark\'s tree', ({ markdown }) => {
    expect(ours(markdown, remarkTree(logSourceText(markdown)))).toEqual(reference(markdown));
  });

  it.each(cases)('$name, on Sätteri\'s tree', ({ markdown }) => {
    expect(satteri.name).toBe('satteri');
    expect(ours(markdown, satteri.parse(logSourceText(markdown)))).toEqual(reference(markdown));
  });

  it.each(cases)('$name, in the leak audit\'s own reading', ({ markdown }) => {
    const audit = auditStructure(markdown);
    const want = reference(markdown);
    expect(audit.headingLines).toEqual(want.headings.map((heading) => heading.split(' ')[0]! + ' ' + heading.split(' ')[1]!));
    expect(audit.codeLines.map((range) => codeLines(markdown, ...(range.split('-').map(Number) as [number, number])))).toEqual(want.code);
  });
});

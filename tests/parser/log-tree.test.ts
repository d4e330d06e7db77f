/**
 * Linear time whichever way a log is read (issue 20): `nisshi check` and the
 * site read the same tree (Sätteri's), so no writer's text reaches remark's
 * worst case (50 KB of `*_` on one line took check 68 s; one `\**現状**` line
 * pulled a whole log onto remark and a 50 KB log's build from 3 s to 59 s).
 * remark is asked only for what Sätteri misreads, and only for a log without a
 * paragraph too dense for it. Asserted by who reads what, not by the clock
 * (the bench's `linear` section prints the times).
 */
import { describe, expect, it } from 'vitest';
import { markdownTreeParser } from '../../src/loader/markdown-tree.ts';
import { denseInline, denseLines, logTreeBuilder, MAX_MARKS, remarkParser, type MarkdownTreeParser } from '../../src/parse/log-tree.ts';
import { parseLog } from '../../src/parse/parse-log.ts';
import { readLog } from '../../src/parse/read-log.ts';
import { remarkTree } from '../../src/parse/remark-tree.ts';
import { hostileShapes } from '../../scripts/bench/hostile-input.ts';

const satteri = await markdownTreeParser();
const path = 'logs/2025-08-03.md';
const HEAD = '# 2025年8月3日\n\n';

/** remark, counting how often it is asked. */
function countingRemark(): MarkdownTreeParser & { calls: number } {
  const spy = { name: 'remark' as const, calls: 0, parse: (markdown: string) => (spy.calls++, remarkTree(markdown)) };
  return spy;
}

describe('the tree a log is read from', () => {
  it('is Sätteri\'s for nisshi parse as for the site', () => {
    expect(satteri.name).toBe('satteri');
    const reference = countingRemark();
    readLog(`${HEAD}**学習時間**: 2時間\n`, { path }, logTreeBuilder(satteri, path, [], reference));
    expect(reference.calls).toBe(0);
  });

  it.each(hostileShapes.map((shape) => [shape.name, shape] as const))('%s, 50 KB: read from Sätteri\'s tree, remark never asked', (_, shape) => {
    const reference = countingRemark();
    const { record } = readLog(shape.log(50_000), { path }, logTreeBuilder(satteri, path, [], reference));
    expect(reference.calls).toBe(0);
    expect(record.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  });

  it('reads a log Sätteri misreads (\\**現状**) with remark, as CommonMark does', () => {
    const text = `${HEAD}\\**現状**: 動いている\n`;
    const reference = countingRemark();
    const { record } = readLog(text, { path }, logTreeBuilder(satteri, path, [], reference));
    expect(reference.calls).toBe(1);
    expect(record).toEqual(readLog(text, { path }, remarkTree).record);
  });

  it('keeps Sätteri\'s tree, with a warning naming the paragraph, when such a log also has a paragraph too dense for remark', () => {
    const text = `${HEAD}\\**現状**: 動いている\n\n${'*_'.repeat(25_000)}\n`;
    const reference = countingRemark();
    const { record } = readLog(text, { path }, logTreeBuilder(satteri, path, [], reference));
    expect(reference.calls).toBe(0);
    expect(record.diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.rule} ${diagnostic.line}`)).toEqual(['warning marks-read-fast 5']);
    expect(record.diagnostics[0]?.message).toContain('50,000 marks');
  });

  it('without Sätteri, refuses a log with a paragraph too dense for remark, naming its line, and reads the others', () => {
    const reference = countingRemark();
    const dense = readLog(`${HEAD}ふつうの段落\n\n${'a* '.repeat(20_000)}\n`, { path }, logTreeBuilder(remarkParser, path, [], reference));
    expect(reference.calls).toBe(0);
    expect(dense.record.diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.rule} ${diagnostic.line}`)).toEqual(['error marks-too-dense 5']);
    expect(dense.record.draft).toBe(true);
    const plain = readLog(`${HEAD}**学習時間**: 2時間\n`, { path }, logTreeBuilder(remarkParser, path, [], reference));
    expect(reference.calls).toBe(1);
    expect(plain.record.metrics.studyMinutes).toBe(120);
  });

  it('counts marks per paragraph, heading and table cell; code is not counted when there is a tree', () => {
    const code = `${HEAD}\`\`\`js\n${'a[i] = b[j] * c_d;\n'.repeat(300)}\`\`\`\n`;
    expect(denseInline(code, satteri.parse(code))).toBeNull();
    expect(denseLines(code)).toMatchObject({ line: 3 });
    const table = `${HEAD}| a | b |\n| --- | --- |\n${'| **x** | _y_ |\n'.repeat(300)}`;
    expect(denseInline(table, satteri.parse(table))).toBeNull();
    const paragraph = `${HEAD}${'**強調** '.repeat(MAX_MARKS / 2)}終わり **`;
    expect(denseInline(paragraph, satteri.parse(paragraph))).toEqual({ line: 3, marks: MAX_MARKS + 1 });
  });

  it('nisshi parse reads the issue\'s 50 KB line of *_ without error', () => {
    const record = parseLog(`${HEAD}${'*_'.repeat(25_000)}\n`, { path });
    expect(record.diagnostics).toEqual([]);
    expect(record.date).toBe('2025-08-03');
  });

  it('refuses nesting past the limit in a CR-only log before any parser sees it, naming the line', () => {
    const reference = countingRemark();
    const read = (text: string) => readLog(text, { path }, logTreeBuilder(satteri, path, [], reference)).record.diagnostics.map((diagnostic) => `${diagnostic.rule} ${diagnostic.line}`);
    expect(read(`# 2025年8月3日\r\r${'>'.repeat(3000)} x\r`)).toEqual(['nesting-too-deep 3']);
    expect(read(`# 2025年8月3日\r\r${'- '.repeat(50_000)}x\r`)).toEqual(['nesting-too-deep 3']);
    expect(read(`# 2025年8月3日\r\r${Array.from({ length: 120 }, (_, depth) => `${'>'.repeat(depth + 1)} x`).join('\r')}\r`)).toEqual(['nesting-too-deep 103']);
    expect(reference.calls).toBe(0);
  });
});

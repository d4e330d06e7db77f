/**
 * One log, one record: the site reads logs with Sätteri's tree and `nisshi
 * parse` with remark's, both through readLog. Thousands of seeded inputs
 * (mutated real logs, Markdown token soup, control characters, lone
 * surrogates, NUL) go through both trees and must give identical records.
 * Where the two parsers place a node differently, src/parse/tree-parity.ts
 * settles it; nothing is normalised here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLog, readLog, remarkTree } from '../../src/index.ts';
import { markdownTreeParser } from '../../src/loader/markdown-tree.ts';
import { processLog, siteTreeBuilder } from '../../src/loader/process-log.ts';
import { junkStrings } from '../helpers/junk.ts';
import { mutatedLog as mutatedLogOf } from '../helpers/mutated-log.ts';

const satteri = await markdownTreeParser();
const fixtureDir = fileURLToPath(new URL('../fixtures/parser/', import.meta.url));
const seeds = [
  readFileSync(new URL('../../logs/2025-08-03.md', import.meta.url), 'utf8'),
  ...readdirSync(fixtureDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => readFileSync(fixtureDir + name, 'utf8')),
];

const tokens = [
  '---\n', '# ', '## ', '#### ', '- ', '* ', '+ ', '1. ', '2) ', '- [x] ', '- [ ] ', '* [X] ', '> ', '```\n', '~~~\n', '    ', '|', '| --- |', '**', '__', '*', '_', '`', '[', '](', ')', '<', '>', '&amp;', '\\',
  '✅', '❌', '☐', '問題1: ', '課題２：', '**現状**: ', '**影響**:', '**解決方法**:\n', '**学習時間**: ', '約2時間', '1h30m', '３件', '学習時間: 90分',
  '2025年8月3日', '令和元年', '8月3日(日)', '2025/02/30', '今日中', '来週', '次のステップ', '参考資料', '今日の目標', 'date: ', 'draft: true', 'tags: [a, b]',
  'https://example.com', '<https://x.y>', '[^1]', '[^1]: note', '~~del~~', '| a | b |\n|---|---|\n| 1 | 2 |\n', '<!-- c -->', '<div>', '</div>',
  '\n', '\n\n', '\r\n', '\r', '\t', '  ', '   ', '\ufeff', '\u0000', '\u0001', '\u0002', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u00a0', '\u2028', '\u3000',
  '\ud800', '\udfff', '\ud83c', '\u200d', '🌱', 'ｈ', '：', 'x', '1',
];

/** An alphabet for plain junk: Markdown punctuation, CJK, control characters and lone surrogates. */
const junkAlphabet = '#-*+>`~|[]()!_\\:\n\n\n\r\t 1234567890.xX学習時間問題今日✅\u0000\u0001\u0007\u000b\u000c\u001f\u007f\u0085\u2028\ud800\udc00\ud83d\ufeff\u3000';

const tokenText = fc.array(fc.constantFrom(...tokens), { maxLength: 120 }).map((parts) => parts.join(''));

const mutatedLog = mutatedLogOf(seeds, fc.oneof(tokenText, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })));

function records(text: string, path: string) {
  const options = { path };
  return {
    remark: readLog(text, options, remarkTree).record,
    satteri: readLog(text, options, siteTreeBuilder(satteri, path, [])).record,
  };
}

let compared = 0;
function sameRecord(text: string, path: string): void {
  const { remark, satteri: fromSatteri } = records(text, path);
  compared++;
  expect(fromSatteri, JSON.stringify(text)).toEqual(remark);
  expect(remark.diagnostics.map((diagnostic) => diagnostic.rule)).not.toContain('internal-error');
}

describe('the same record from both Markdown trees', () => {
  it('reads with Sätteri in this project (it is what the site uses)', () => {
    expect(satteri.name).toBe('satteri');
  });

  it('gives column 7 for a figure in a task item, on both paths (remark alone said 3)', async () => {
    const text = '# 2025-08-03\n\n- [x] **学習時間**: 2時間\n';
    const fromCli = parseLog(text, { path: 'logs/2025-08-03.md' });
    const fromSite = (await processLog(text, { path: 'logs/2025-08-03.md', allowRawHtml: false })).record;
    expect(fromCli.figures[0]).toMatchObject({ label: '学習時間', line: 3, column: 7 });
    expect(fromSite).toEqual(fromCli);
  });

  it.each([
    ['an escaped delimiter before a run', '# 2025-08-03\n\n\\**現状**: 調査中\n'],
    ['_ beside a * run between letters', '# 2025-08-03\n\n**学習時間_**2時間 と a**_b**\n'],
    ['a bare URL run into a table row', '# 2025-08-03\n\nhttps://example.com| a | b |\n|---|---|\n| 1 | 2 |\n**解決方法**: 調査\n'],
  ])('where Sätteri misreads Markdown (%s), the site reads that log with remark', (_name, text) => {
    const markdown = text;
    // The raw trees differ (the reason for the rule in tree-parity.ts) …
    expect(JSON.stringify(satteri.parse(markdown))).not.toBe(JSON.stringify(remarkTree(markdown)));
    // … and the records do not.
    const { remark, satteri: fromSite } = records(text, 'logs/2025-08-03.md');
    expect(fromSite).toEqual(remark);
  });

  it('on 2,400 seeded inputs: mutated logs, token soup, raw strings with control characters and lone surrogates', () => {
    compared = 0;
    const paths = fc.constantFrom('logs/2025-08-03.md', 'logs/x.md', 'x.md', '');
    fc.assert(fc.property(fc.oneof(mutatedLog, tokenText, fc.string({ unit: 'binary', maxLength: 300 })), paths, sameRecord), {
      numRuns: 1600,
      seed: 11,
    });
    for (const [index, text] of junkStrings(junkAlphabet, { count: 800, maxLength: 400, seed: 11 }).entries()) {
      sameRecord(text, index % 2 === 0 ? 'logs/2025-08-03.md' : 'logs/junk.md');
    }
    expect(compared).toBeGreaterThanOrEqual(2400);
    // 4,800 parses: seconds alone, minutes on a loaded 2-core runner.
  }, 300_000);
});

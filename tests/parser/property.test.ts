/**
 * Whatever a writer's editor saves, parseLog returns a record that fits the
 * schema, and every diagnostic points inside the file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logRecordSchema, parseLog } from '../../src/index.ts';
import { mutatedLog as mutatedLogOf } from '../helpers/mutated-log.ts';

const fixtureDir = fileURLToPath(new URL('../fixtures/parser/', import.meta.url));
const seeds = [
  readFileSync(new URL('../../logs/2025-08-03.md', import.meta.url), 'utf8'),
  ...readdirSync(fixtureDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => readFileSync(fixtureDir + name, 'utf8')),
];

/** Pieces that make Markdown and log parsers work: markers, labels, dates, widths, line ends. */
const tokens = [
  '---\n', '# ', '## ', '#### ', '- ', '* ', '1. ', '- [x] ', '- [ ] ', '> ', '```\n', '~~~', '|', '| --- |', '**', '`', '[', '](', ')',
  '✅', '❌', '☐', '問題1: ', '課題２：', '**現状**: ', '**影響**:', '**解決方法**:\n', '**学習時間**: ', '約2時間', '1h30m', '３件',
  '2025年8月3日', '令和元年', '8月3日(日)', '2025/02/30', '今日中', '来週', '次のステップ', '参考資料', '今日の目標', 'date: ', 'draft: true',
  '\n', '\n\n', '\r\n', '\r', '\t', '  ', '\ufeff', '\u0000', '\u0001', '\u0002', '\u200d', '🌱', 'ｈ', '：', 'x',
];

const tokenText = fc.array(fc.constantFrom(...tokens), { maxLength: 120 }).map((parts) => parts.join(''));

/** A real log cut, duplicated or spliced with random pieces at random places. */
const mutatedLog = mutatedLogOf(seeds, fc.oneof(tokenText, fc.string({ unit: 'grapheme', maxLength: 40 })));

function lineCount(text: string): number {
  // CR alone ends a line too, for Markdown and for old editors.
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/).length;
}

function checkRecord(text: string, path: string): void {
  const record = parseLog(text, { path });
  expect(() => logRecordSchema.parse(record)).not.toThrow();
  const lines = lineCount(text);
  for (const diagnostic of record.diagnostics) {
    expect(diagnostic.rule).not.toBe('internal-error');
    expect(diagnostic.line).toBeGreaterThanOrEqual(1);
    expect(diagnostic.line).toBeLessThanOrEqual(lines);
    expect(diagnostic.column).toBeGreaterThanOrEqual(1);
  }
  for (const located of [...record.checklist, ...record.goals, ...record.plans, ...record.problems, ...record.figures]) {
    expect(located.line).toBeLessThanOrEqual(lines);
  }
}

describe('parseLog on random and mutated logs', () => {
  it('never throws, fits the schema, and puts every diagnostic on a line of the file', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedLog, tokenText, fc.string({ unit: 'binary', maxLength: 300 })), fc.constantFrom('logs/2025-08-03.md', 'x.md', ''), checkRecord),
      { numRuns: 400, seed: 20250803 },
    );
  });

  it('does the same on fresh random inputs each run', () => {
    fc.assert(fc.property(fc.oneof(mutatedLog, tokenText), (text) => checkRecord(text, 'logs/random.md')), { numRuns: Number(process.env.NISSHI_PROPERTY_RUNS ?? 150) });
  });
});

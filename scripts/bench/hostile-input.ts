/**
 * Hostile and careless input (issue 9), shared by the fuzz tests and the
 * `input` bench section: long runs of the characters nisshi's patterns look
 * for, placed where each pattern reads them; logs at and over the size limit;
 * nesting deeper than the limit; a YAML alias bomb.
 */
import { readFileSync } from 'node:fs';

/** The characters the figure, heading, plan, problem and date patterns care about. */
export const RUN_CHARACTERS = [' ', '\u3000', '1', '*', ':', '：', '問題', '#', '（', '-', '\t'] as const;

const HEADING = '# 2025年8月3日';

/** The line from the issue: `**a` + spaces + `b** x`, which took 242 s at 8,000 spaces. */
export function boldLabelLine(length: number): string {
  return `${HEADING}\n\n**a${' '.repeat(length)}b** x\n`;
}

/**
 * A log with a run of `character` (about `length` characters) in every place a
 * pattern reads: bold and plain labels, headings, plans, problems, study time,
 * checklists and tables.
 */
export function longRunLog(character: string, length: number): string {
  const run = character.repeat(Math.max(1, Math.floor(length / character.length)));
  return [
    HEADING,
    '',
    `**a${run}b** x`,
    `**${run}**: ${run}`,
    `**学習時間${run}**: 2時間${run}`,
    `${run}: ${run}x`,
    `a${run}`,
    '',
    `## a${run}`,
    '',
    `## 次のアクション${run}`,
    '',
    `- a${run}(x`,
    `- 依存関係の修正${run}（今日中${run}`,
    '',
    `## 問題${run}1${run}: x`,
    '',
    `問題${run}x`,
    `**現状**${run}: ${run}`,
    '',
    `- [ ] ${run}`,
    `- ✅ ${run}`,
    '',
    `| 学習時間${run} | ${run}1${run}時間 |`,
    '| --- | --- |',
    `| a | ${run} |`,
    '',
    `2025${run}年8月3日${run}`,
    '',
  ].join('\n');
}

/** The sample log's body repeated under one date heading, to just below `bytes` of UTF-8. */
export function largeLog(bytes: number): string {
  const sample = readFileSync(new URL('../../logs/2025-08-03.md', import.meta.url), 'utf8');
  const body = sample.slice(sample.indexOf('\n', sample.indexOf('# ')) + 1).replace(/^# /gm, '## ');
  const parts = [`${HEADING}\n`];
  let size = Buffer.byteLength(parts[0]!);
  const bodySize = Buffer.byteLength(body);
  while (size + bodySize <= bytes) {
    parts.push(body);
    size += bodySize;
  }
  return parts.join('');
}

/** Nine levels of nine aliases each: 9⁹ (387 million) strings once written out. */
export function aliasBomb(usedAsTags = false): string {
  const names = 'abcdefghi';
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < names.length; i++) {
    const before = names[i - 1]!;
    lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${before}`).join(',')}]`);
  }
  if (usedAsTags) lines.push('tags: *i');
  return `---\n${lines.join('\n')}\n---\n${HEADING}\n\n本文\n`;
}

export function nestedQuotes(depth: number): string {
  return `${HEADING}\n\n${'>'.repeat(depth)} x\n`;
}

export function nestedLists(depth: number): string {
  return `${HEADING}\n\n${'- '.repeat(depth)}x\n`;
}

/**
 * Hostile and careless input (issue 9), shared by the fuzz tests and the
 * `input` bench section: long runs of the characters nisshi's patterns look
 * for, placed where each pattern reads them; logs at and over the size limit;
 * nesting deeper than the limit; a YAML alias bomb.
 */
import { generateLogs } from '../generate-logs.ts';

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

/**
 * One log of generated days (their headings one level down, blank lines
 * between), to just below `bytes` of UTF-8: a year of notes pasted into one file.
 */
export function largeLog(bytes: number): string {
  const parts = [`${HEADING}\n`];
  let size = Buffer.byteLength(parts[0]!);
  for (const log of generateLogs(Math.ceil(bytes / 2000), { seed: 9 })) {
    const part = `\n${log.text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^#/gm, '##')}\n`;
    const partSize = Buffer.byteLength(part);
    if (size + partSize > bytes) break;
    parts.push(part);
    size += partSize;
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

/** A shape of text that makes remark-parse + remark-gfm super-linear (issue 20), as a log of about `bytes`. */
export interface HostileShape {
  name: string;
  log(bytes: number): string;
}

function filled(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(unit))));
}

/** Backtick runs of growing length (1, 2, 3 …), each followed by a letter: no two close each other. */
function backtickRuns(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let length = 1; size < bytes; length++) {
    parts.push(`${'`'.repeat(length)}a`);
    size += length + 1;
  }
  return parts.join('');
}

export const hostileShapes: readonly HostileShape[] = [
  { name: 'emphasis runs *_ on one line', log: (bytes) => `${HEADING}\n\n${filled('*_', bytes)}\n` },
  { name: 'emphasis closers a* a* …', log: (bytes) => `${HEADING}\n\n${filled('a* ', bytes)}\n` },
  { name: 'strikethrough runs ~a', log: (bytes) => `${HEADING}\n\n${filled('~a', bytes)}\n` },
  { name: 'link openers [a', log: (bytes) => `${HEADING}\n\n${filled('[a', bytes)}\n` },
  { name: 'backtick runs of growing length', log: (bytes) => `${HEADING}\n\n${backtickRuns(bytes)}\n` },
  { name: 'CR-only lines, quotes 60 deep', log: (bytes) => `${HEADING}\r\r${filled(`${'> '.repeat(60)}引用の中の一行 a* _b_\r`, bytes)}` },
  { name: '\\**現状** and then *_ runs (remark\'s case)', log: (bytes) => `${HEADING}\n\n\\**現状**: 動いている\n\n${filled('*_', bytes)}\n` },
];

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { logTemplate } from '../../src/cli/template.ts';
import { parseLog } from '../../src/parse/parse-log.ts';
import { PLACEHOLDERS } from '../../src/parse/placeholders.ts';

describe('template-placeholder', () => {
  it('warns for every placeholder of an untouched template, with its line', () => {
    const text = logTemplate('2025-08-04');
    const record = parseLog(text, { path: 'logs/2025-08-04.md' });
    const warnings = record.diagnostics.filter((diagnostic) => diagnostic.rule === 'template-placeholder');
    const lines = text.split('\n');
    // Every （…） the template writes is one of the placeholders, and each is warned on its line.
    const expected = lines.flatMap((line, index) =>
      Object.values(PLACEHOLDERS).filter((word) => line.includes(`（${word}）`)).map(() => index + 1),
    );
    expected.push(lines.indexOf('**学習時間**: 0時間') + 1);
    expect(warnings.map((warning) => warning.line).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(warnings.every((warning) => warning.severity === 'warning')).toBe(true);
    expect(record.diagnostics.filter((diagnostic) => diagnostic.rule !== 'template-placeholder')).toEqual([]);
    expect(warnings.length).toBe(17);
  });

  it('says nothing of the seed log or of a filled-in line', async () => {
    const seed = parseLog(await readFile('logs/2025-08-03.md', 'utf8'), { path: 'logs/2025-08-03.md' });
    expect(seed.diagnostics).toEqual([]);
    const filled = parseLog('# 2025年8月4日\n\n## 今日の目標\n- [ ] 目標1 を決める（目標は三つ）\n\n**学習時間**: 0時間30分\n', { path: 'x.md' });
    expect(filled.diagnostics).toEqual([]);
  });
});

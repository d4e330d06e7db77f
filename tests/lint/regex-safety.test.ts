/**
 * Every regular expression that reads a writer's text runs in linear time
 * (issue 9). The lint step of `npm test` enforces it on the patterns written
 * in the code; this file proves that lint really fires, and analyses the
 * patterns only built at run time from a vocabulary, which no linter sees.
 */
import { fileURLToPath } from 'node:url';
import { RegExpParser } from '@eslint-community/regexpp';
import { ESLint } from 'eslint';
import { analyse } from 'scslre';
import { describe, expect, it } from 'vitest';
import { patternsFor } from '../../src/parse/extract/problems.ts';
import { defaultVocabulary, resolveVocabulary } from '../../src/parse/vocabulary.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function lintRules(code: string, filePath = 'src/parse/planted.ts'): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  return (result?.messages ?? []).map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

describe('the regex lint', () => {
  it('fails on a planted pattern that backtracks in the cube of a line (the old boldLabel)', async () => {
    const planted = "export const label = (line: string): RegExpExecArray | null => /^\\*\\*(.+?)\\s*(:)?\\s*\\*\\*\\s*(.*)$/u.exec(line);\n";
    expect(await lintRules(planted)).toContain('regexp/no-super-linear-backtracking');
  });

  it('fails on a planted pattern that moves through a run of spaces in square time', async () => {
    const planted = 'export const aside = (text: string): boolean => /\\s*\\(x\\)$/.test(text);\n';
    expect(await lintRules(planted)).toContain('regexp/no-super-linear-move');
  });

  it('passes the linear rewrite of the same pattern, and reads TypeScript types without errors', async () => {
    const fixed = 'type Line = { text: string };\nexport const aside = (line: Line): boolean => /(?<!\\s)\\s*\\(x\\)$/.test(line.text);\n';
    expect(await lintRules(fixed)).toEqual([]);
  });

  it('covers scripts/ as well as src/', async () => {
    const planted = 'export const p = /a*a*b/;\n';
    expect(await lintRules(planted, 'scripts/bench/planted.ts')).toContain('regexp/no-super-linear-backtracking');
  });
});

/** scslre, the analyser behind the lint rules, on a RegExp as it was built. */
function superLinearReports(pattern: RegExp): string[] {
  const parsed = new RegExpParser().parseLiteral(pattern.toString());
  const { reports } = analyse(parsed, { assumeRejectingSuffix: true });
  return reports
    // A pattern anchored at ^ without the m flag, or a sticky one, is tried at one position: it cannot move.
    .filter((report) => report.type !== 'Move' || !(pattern.sticky || pattern.source.startsWith('^')))
    .map((report) => `${report.type} at ${report.type === 'Trade' ? `${report.startQuant.raw} / ${report.endQuant.raw}` : report.quant.raw}`);
}

describe('patterns built from the vocabulary', () => {
  const vocabularies = {
    default: defaultVocabulary,
    'a writer’s own words': resolveVocabulary({
      problemWords: ['つまずき', 'issue no', 'bug?'],
      problemParts: { current: ['いま'], impact: ['影響 範囲'], cause: ['why*'], solution: ['対処'] },
    }),
  };
  for (const [name, vocabulary] of Object.entries(vocabularies)) {
    it(`problem titles and part labels run in linear time (${name})`, () => {
      const { title, label } = patternsFor(vocabulary);
      expect(superLinearReports(title)).toEqual([]);
      expect(superLinearReports(label)).toEqual([]);
    });
  }

  it('the analyser does report the problem-title pattern nisshi used before', () => {
    const before = /^\s*(?:問題)\s*(?:#|no\.?)?\s*([0-9]+)(?:\s*[:：.]\s*|\s+|$)(.*)$/iu;
    expect(superLinearReports(before).length).toBeGreaterThan(0);
  });
});

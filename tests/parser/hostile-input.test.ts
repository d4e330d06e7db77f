/**
 * Careless and hostile input (issue 9): long runs of the characters nisshi's
 * patterns read, logs over the size limit, nesting past the depth limit, and
 * a YAML alias bomb. No timed assertion: each case must simply finish (the
 * `input` bench section prints the times); what is asserted is the record.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aliasBomb, boldLabelLine, longRunLog, nestedLists, nestedQuotes, RUN_CHARACTERS } from '../../scripts/bench/hostile-input.ts';
import { logRecordSchema, parseLog } from '../../src/index.ts';
import { processLog } from '../../src/loader/process-log.ts';
import { NESTING_CEILING, resolveLimits } from '../../src/parse/limits.ts';

const path = 'logs/2025-08-03.md';
const rulesOf = (text: string, limits?: Parameters<typeof parseLog>[1]['limits']) =>
  parseLog(text, { path, limits }).diagnostics.map((diagnostic) => diagnostic.rule);

function expectSound(text: string): void {
  const record = parseLog(text, { path });
  expect(() => logRecordSchema.parse(record)).not.toThrow();
  expect(record.diagnostics.map((diagnostic) => diagnostic.rule)).not.toContain('internal-error');
}

describe('long runs of the characters the patterns read', () => {
  it('reads the 8,000-space line of the issue (242 s before) as text, not a figure', () => {
    const record = parseLog(boldLabelLine(8000), { path });
    expect(record.figures).toEqual([]);
    expect(record.diagnostics).toEqual([]);
    expect(record.date).toBe('2025-08-03');
  });

  it('still reads a figure with 8,000 spaces, ASCII or full-width, around its colon', () => {
    for (const space of [' ', '\u3000']) {
      for (const line of [`**学習時間**${space.repeat(8000)}:${space.repeat(8000)}2時間`, `学習時間${space.repeat(8000)}：2時間`]) {
        const record = parseLog(`# 2025年8月3日\n\n${line}\n`, { path });
        expect(record.figures).toMatchObject([{ label: '学習時間', value: 120, kind: 'duration' }]);
        expect(record.metrics.studyMinutes).toBe(120);
      }
    }
  });

  it('reads a problem title after 8,000 spaces, and a heading ending in 8,000 colons', () => {
    const problem = parseLog(`# 2025年8月3日\n\n## 問題${' '.repeat(8000)}1: 依存関係\n`, { path });
    expect(problem.problems).toMatchObject([{ number: 1, title: '依存関係' }]);
    const plans = parseLog(`# 2025年8月3日\n\n## 次のアクション${'：'.repeat(8000)}\n\n- 修正する${' '.repeat(8000)}(今日中)\n`, { path });
    expect(plans.plans).toMatchObject([{ text: '修正する', horizon: 'today' }]);
  });

  for (const character of RUN_CHARACTERS) {
    it(`parses a log with 8,000-character runs of ${JSON.stringify(character)} in every pattern's place`, async () => {
      const text = longRunLog(character, 8000);
      expectSound(text);
      // The site reads it through Sätteri and renders it: the same record, and HTML.
      const processed = await processLog(text, { path, allowRawHtml: false });
      expect(processed.record).toEqual(parseLog(text, { path }));
    });
  }

  it('parses random mixes of long runs, 32,000 characters at most', () => {
    const run = fc.tuple(fc.constantFrom(...RUN_CHARACTERS, 'a', '**', '\n', '時間', '分', '約'), fc.integer({ min: 1, max: 4000 }));
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 8 }), (runs) => {
        expectSound(`# 2025年8月3日\n\n${runs.map(([text, count]) => text.repeat(count)).join('')}\n`);
      }),
      { numRuns: 40, seed: 9 },
    );
  });
});

describe('limits on size and nesting', () => {
  it('refuses a log over maxLogBytes without reading it, naming the size and the setting', () => {
    const record = parseLog(`# 2025年8月3日\n\n${'あ'.repeat(400_000)}\n`, { path });
    expect(record.diagnostics).toMatchObject([{ severity: 'error', rule: 'log-too-large', line: 1, column: 1 }]);
    expect(record.diagnostics[0]?.message).toMatch(/1\.1 MiB \(1,200,020 bytes\), over the limit of 1\.0 MiB .*maxLogBytes in src\/site\.config\.ts/);
    expect(record).toMatchObject({ draft: true, figures: [], frontmatter: {} });
    expect(rulesOf('# 2025年8月3日\n\n12345\n', { maxLogBytes: 10 })).toEqual(['log-too-large']);
  });

  it('refuses 3,000 nested block quotes and 50,000 nested list levels before parsing, naming depth and setting', () => {
    for (const text of [nestedQuotes(3000), nestedLists(50_000)]) {
      const record = parseLog(text, { path });
      expect(record.diagnostics).toMatchObject([{ severity: 'error', rule: 'nesting-too-deep', line: 3 }]);
      expect(record.diagnostics[0]?.message).toMatch(/nested (3,000|50,000) levels deep, over the limit of 100.*maxNesting in src\/site\.config\.ts/);
    }
  });

  it('refuses nesting only the parse reveals (lists by indentation) from the tree, on both reading paths', async () => {
    const text = `# 2025年8月3日\n\n${Array.from({ length: 120 }, (_, depth) => `${'  '.repeat(depth)}- a`).join('\n')}\n`;
    expect(rulesOf(text)).toEqual(['nesting-too-deep']);
    const processed = await processLog(text, { path, allowRawHtml: false });
    expect(processed.record.diagnostics.map((diagnostic) => diagnostic.rule)).toEqual(['nesting-too-deep']);
    expect(processed.html).toBe('');
  });

  it('refuses emphasis nested past the limit before remark spends square time on it', () => {
    expect(rulesOf(`# 2025年8月3日\n\n${'*'.repeat(32_000)}1${'*'.repeat(32_000)}時間\n`)).toEqual(['nesting-too-deep']);
    expect(rulesOf(`# 2025年8月3日\n\n${'*_'.repeat(20_000)}x${'_*'.repeat(20_000)}\n`)).toEqual(['nesting-too-deep']);
    // Ordinary emphasis, however much of it, is not nesting.
    expect(rulesOf(`# 2025年8月3日\n\n${'**太字** と *斜体* '.repeat(2000)}\n`)).toEqual([]);
  });

  it('walks a tree as deep as the highest maxNesting allows without overflowing the stack', async () => {
    const limits = { maxNesting: NESTING_CEILING };
    for (const text of [nestedQuotes(NESTING_CEILING - 5), nestedLists(NESTING_CEILING - 5), `# 2025年8月3日\n\n${'*'.repeat(NESTING_CEILING)}x${'*'.repeat(NESTING_CEILING)}\n`]) {
      expect(rulesOf(text, limits)).toEqual([]);
      const processed = await processLog(text, { path, allowRawHtml: false, limits });
      expect(processed.record.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([]);
      expect(processed.html).toContain('x');
    }
  });

  it('keeps maxNesting within what every walk can take, and sizes whole', () => {
    expect(() => resolveLimits({ maxNesting: NESTING_CEILING + 1 })).toThrow(/maxNesting must be a whole number from 1 to 500/);
    expect(() => resolveLimits({ maxLogBytes: 0.5 })).toThrow(/maxLogBytes/);
  });
});

describe('YAML that cannot explode', () => {
  it('refuses the nine-level alias bomb with an error on its first anchor, reading nothing of it', () => {
    for (const usedAsTags of [false, true]) {
      const before = process.memoryUsage().heapUsed;
      const record = parseLog(aliasBomb(usedAsTags), { path });
      // Bounded memory: the bomb written out is 387 million strings; refused, it costs nothing much.
      expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
      expect(record.diagnostics).toMatchObject([{ severity: 'error', rule: 'frontmatter-alias', line: 2, column: 1 }]);
      expect(record.diagnostics[0]?.message).toContain('"&a"');
      expect(record.frontmatter).toEqual({});
      expect(record.tags).toEqual([]);
      expect(JSON.stringify(record).length).toBeLessThan(10_000);
    }
  });

  it('refuses an alias without its anchor, and YAML nested past js-yaml’s depth, as errors', () => {
    expect(rulesOf('---\ntags: *i\n---\n# 2025年8月3日\n')).toEqual(['frontmatter-yaml']);
    expect(rulesOf(`---\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n# 2025年8月3日\n`)).toEqual(['frontmatter-yaml']);
  });
});

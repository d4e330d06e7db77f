import { describe, expect, it } from 'vitest';
import { collectDiagnostics } from '../../src/cli/check.ts';
import {
  byPosition,
  countFindings,
  formatDiagnosticLine,
  formatSummary,
  locate,
  type LocatedDiagnostic,
} from '../../src/record/diagnostic-lines.ts';
import { duplicateSlugDiagnostics } from '../../src/check/duplicate-slugs.ts';
import type { CheckedLog } from '../../src/cli/check.ts';
import { parseLog } from '../../src/index.ts';

const warning: LocatedDiagnostic = {
  path: 'logs/2025-08-03.md',
  line: 98,
  column: 1,
  severity: 'warning',
  message: '特定した問題 says 2件 but the log has 3 problems',
  rule: 'count-mismatch',
};

describe('formatDiagnosticLine', () => {
  it('writes path:line:column: severity message [rule]', () => {
    expect(formatDiagnosticLine(warning)).toBe(
      'logs/2025-08-03.md:98:1: warning 特定した問題 says 2件 but the log has 3 problems [count-mismatch]',
    );
  });
});

describe('locate', () => {
  it('puts the path first and keeps the JSON key order of the check --format json output', () => {
    const located = locate('a.md', { severity: 'error', message: 'm', line: 2, column: 3, rule: 'r' });
    expect(Object.keys(located)).toEqual(['path', 'line', 'column', 'severity', 'message', 'rule']);
    expect(located).toEqual({ path: 'a.md', line: 2, column: 3, severity: 'error', message: 'm', rule: 'r' });
  });
});

describe('formatSummary', () => {
  it('counts files, errors and warnings with English plurals', () => {
    const error = { ...warning, severity: 'error' as const };
    expect(formatSummary(countFindings(1, []))).toBe('1 file checked: 0 errors, 0 warnings');
    expect(formatSummary(countFindings(3, [error, warning, warning]))).toBe('3 files checked: 1 error, 2 warnings');
    expect(formatSummary(countFindings(2, [error, error, warning]))).toBe('2 files checked: 2 errors, 1 warning');
  });
});

describe('byPosition', () => {
  it('sorts top to bottom, then left to right, keeping ties in their order', () => {
    const at = (line: number, column: number, rule: string) => ({ ...warning, line, column, rule });
    const sorted = [at(5, 1, 'a'), at(1, 9, 'b'), at(1, 2, 'c'), at(5, 1, 'd')].sort(byPosition);
    expect(sorted.map((d) => d.rule)).toEqual(['c', 'b', 'a', 'd']);
  });
});

describe('duplicateSlugDiagnostics', () => {
  it('says nothing when every slug is different', () => {
    expect(duplicateSlugDiagnostics([{ path: 'a.md', record: { slug: 'a', draft: false } }, { path: 'b.md', record: { slug: 'b', draft: false } }])).toEqual([]);
  });

  it('puts an error on each clashing file naming the other', () => {
    const found = duplicateSlugDiagnostics([
      { path: 'logs/2025-08-03.md', record: { slug: '2025-08-03', draft: false } },
      { path: 'logs/2025-08-04.md', record: { slug: '2025-08-04', draft: false } },
      { path: 'logs/2025/08/03.md', record: { slug: '2025-08-03', draft: false } },
    ]);
    expect(found.map(formatDiagnosticLine)).toEqual([
      'logs/2025-08-03.md:1:1: error slug "2025-08-03" is also used by logs/2025/08/03.md; two logs would share one page: merge them, or rename one so its slug differs [duplicate-slug]',
      'logs/2025/08/03.md:1:1: error slug "2025-08-03" is also used by logs/2025-08-03.md; two logs would share one page: merge them, or rename one so its slug differs [duplicate-slug]',
    ]);
  });

  it('leaves drafts out: a draft gets no page, so it clashes with nothing', () => {
    const found = duplicateSlugDiagnostics([
      { path: 'logs/2025-08-03.md', record: { slug: '2025-08-03', draft: false } },
      { path: 'drafts/2025-08-03.md', record: { slug: '2025-08-03', draft: true } },
      { path: 'more/2025-08-03.md', record: { slug: '2025-08-03', draft: true } },
    ]);
    expect(found).toEqual([]);
  });

  it('names all the others when three files clash', () => {
    const found = duplicateSlugDiagnostics(['a/x.md', 'b/x.md', 'c/x.md'].map((path) => ({ path, record: { slug: 'x', draft: false } })));
    expect(found).toHaveLength(3);
    expect(found[1]?.message).toMatch(/^slug "x" is also used by a\/x\.md, c\/x\.md;/);
  });
});

describe('collectDiagnostics', () => {
  const log = (displayPath: string, text: string): CheckedLog => ({
    file: { displayPath },
    record: parseLog(text, { path: displayPath }),
  });

  it('lists files in the order found, each top to bottom, with duplicate slugs in place', () => {
    const clean = '# 2025年8月3日\n\n**学習時間**: 1時間\n';
    const logs = [
      log('logs/2025-08-03.md', clean),
      log('logs/no-date.md', 'メモだけ\n'),
      log('logs/2025/08/03.md', clean),
    ];
    const found = collectDiagnostics(logs);
    expect(found.map((d) => `${d.path} ${d.line}:${d.column} ${d.rule}`)).toEqual([
      'logs/2025-08-03.md 1:1 duplicate-slug',
      'logs/no-date.md 1:1 no-date',
      'logs/2025/08/03.md 1:1 duplicate-slug',
    ]);
  });
});

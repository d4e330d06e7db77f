/**
 * factsWithEdited: the threads and chains with one log edited, redone only
 * where the log reaches, equal those worked out again over every log.
 */
import { describe, expect, it } from 'vitest';
import { factsInput, factsWithEdited, logFacts, type LogFacts } from '../../src/editor/edited-facts.ts';
import type { ContextRecord } from '../../src/editor/log-context.ts';
import { parseLog } from '../../src/index.ts';
import { generateLogs } from '../../scripts/generate-logs.ts';

const options = { today: '2024-06-30', weekStart: 'monday' as const };

function sorted(facts: LogFacts) {
  return {
    threads: [...facts.threads].sort((a, b) => (a.id < b.id ? -1 : 1)).map((thread) => JSON.stringify({ ...thread, occurrences: thread.occurrences.map(({ slug, line, status, title }) => ({ slug, line, status, title })) })),
    chains: [...facts.chains].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((chain) => JSON.stringify(chain)),
  };
}

describe('factsWithEdited', () => {
  const logs = generateLogs(90, { seed: 7, startDate: '2024-04-01' });
  const records: ContextRecord[] = logs.map((log) => parseLog(log.text, { path: `logs/${log.path}` }));

  /** Edits a writer makes: a problem resolved or renamed, plans ticked, struck, added or removed, the day moved. */
  const edits: Array<[string, (text: string) => string]> = [
    ['a problem resolved', (text) => text.replace(/^(#{2,4} *問題\d+[:：].*)$/mu, '$1\n**状態**: 解決済み')],
    ['a problem renamed', (text) => text.replace(/^(#{2,4} *問題\d+[:：]).*$/mu, '$1 まったく新しい問題')],
    ['every box ticked', (text) => text.replaceAll('- [ ] ', '- [x] ')],
    ['plans struck', (text) => text.replace(/^- \[ \] (.+)$/gmu, '- [ ] ~~$1~~')],
    ['a plan added', (text) => `${text}\n## 次のステップ\n\n### 今週中\n- [ ] 新しい計画を立てる\n`],
    ['the plans taken out', (text) => text.replace(/## 次のステップ[\s\S]*?(?=\n## |$)/u, '')],
  ];

  for (const [name, edit] of edits) {
    it(`gives what the whole recomputation gives: ${name}`, () => {
      const base = logFacts(records, options);
      let changed = 0;
      for (const at of [10, 45, 89]) {
        const log = logs[at]!;
        const edited = parseLog(edit(log.text), { path: `logs/${log.path}` });
        const withEdit = records.map((record, index) => (index === at ? edited : record));
        const whole = sorted(logFacts(withEdit, options));
        expect(sorted(factsWithEdited(base, withEdit, edited, records[at]!, options))).toEqual(whole);
        if (JSON.stringify(whole) !== JSON.stringify(sorted(base))) changed++;
      }
      // The edit reached the threads or chains at all.
      expect(changed).toBeGreaterThan(0);
    });
  }

  it('takes in a log that is not on disk yet', () => {
    const base = logFacts(records.slice(0, 60), options);
    const added = records[60]!;
    const all = [...records.slice(0, 60), added];
    expect(sorted(factsWithEdited(base, all, added, null, options))).toEqual(sorted(logFacts(all, options)));
  });
});

describe('factsInput', () => {
  const read = (text: string) => parseLog(text, { path: 'logs/2025-08-03.md' });
  const log = '# 2025年8月3日\n\n## 今日の目標\n- [ ] テストを書く\n\n## 次のステップ\n\n### 今週中\n- [ ] 計画を立てる\n';
  it('is the same when only an open task\'s words change, and changes when a task is ticked or struck, or a plan changes', () => {
    const before = factsInput(read(log));
    expect(factsInput(read(log.replace('テストを書く', 'テストをたくさん書く')))).toBe(before);
    expect(factsInput(read(log.replace('- [ ] テストを書く', '- [x] テストを書く')))).not.toBe(before);
    expect(factsInput(read(log.replace('- [ ] テストを書く', '- [ ] ~~テストを書く~~')))).not.toBe(before);
    expect(factsInput(read(log.replace('計画を立てる', '計画を練る')))).not.toBe(before);
  });
});

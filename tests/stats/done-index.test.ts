/**
 * The done-item index against the obvious quadratic search: for every plan,
 * scan the done items of every later log with keysMatch and keep the
 * earliest. Texts are built from a few overlapping fragments so that equal,
 * containing and contained texts (and too-short ones) all occur often.
 */
import { describe, expect, it } from 'vitest';
import { defaultVocabulary, type LogRecord } from '../../src/index.ts';
import { addDays, followThrough, keysMatch, planKeyer, type PlanFollowThrough } from '../../src/stats/index.ts';

const keyOf = planKeyer(defaultVocabulary);

const fragments = ['CI', 'の設定', 'README', 'を更新', 'テスト', 'を書く', '型', 'パズル', '掃除', '英単語', '𠮷野家', '**', ' (今日中)', '（メモ）'];

function syntheticRecords(count: number, seed: number): LogRecord[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % n;
  };
  const text = () => Array.from({ length: 1 + next(3) }, () => fragments[next(fragments.length)]).join('');
  return Array.from({ length: count }, (_, index): LogRecord => {
    // Some days get two logs, some none.
    const date = addDays('2024-12-20', Math.floor(index * 0.8));
    return {
      source: `logs/${index}.md`, slug: `log-${String(index).padStart(4, '0')}`, date, dateSource: 'path', title: null,
      tags: [], draft: false, goals: [], work: [], problems: [], drops: [], learnings: [], learningLines: [], reflections: [], reviewItems: [], references: [], figures: [], diagnostics: [], frontmatter: {},
      checklist: Array.from({ length: next(6) }, (_, line) => ({ text: text(), done: next(3) > 0, section: null, line: line + 1, carried: null })),
      plans: Array.from({ length: next(5) }, (_, line) => ({ text: text(), horizon: 'later', section: null, line: line + 20 })),
      metrics: { studyMinutes: null, studyApproximate: null, studyTotalMinutes: null, problemsFound: null, tasksPlanned: null, tasksDone: null },
    };
  });
}

function naiveDoneIn(records: readonly LogRecord[], row: PlanFollowThrough): PlanFollowThrough['doneIn'] {
  const planText = keyOf(row.plan.text);
  let best: PlanFollowThrough['doneIn'] = null;
  for (const record of records) {
    if (record.date! <= row.log.date) continue;
    for (const item of record.checklist) {
      if (!item.done || !keysMatch(planText, keyOf(item.text))) continue;
      const candidate = { slug: record.slug, date: record.date!, line: item.line, text: item.text };
      const earlier = best === null || candidate.date < best.date || (candidate.date === best.date && (candidate.slug < best.slug || (candidate.slug === best.slug && candidate.line < best.line)));
      if (earlier) best = candidate;
    }
  }
  return best;
}

describe('the done-item index', () => {
  it('finds the same earliest done item as a scan over every later log', () => {
    for (const seed of [1, 2, 3]) {
      const records = syntheticRecords(400, seed);
      const rows = followThrough(records, { today: '2025-06-01', weekStart: 'monday' });
      expect(rows.length).toBeGreaterThan(500);
      const differences = rows.filter((row) => JSON.stringify(row.doneIn) !== JSON.stringify(naiveDoneIn(records, row)));
      expect(differences).toEqual([]);
      // The fragments must make every kind of outcome happen, or this test proves little.
      expect(new Set(rows.map((row) => row.state))).toEqual(new Set(['done', 'open']));
      const lengths = rows.flatMap((row) => (row.doneIn ? [Math.sign(keyOf(row.doneIn.text).length - keyOf(row.plan.text).length)] : []));
      expect(new Set(lengths)).toEqual(new Set([-1, 0, 1])); // contained, equal, containing
    }
  });
});

/**
 * The editor's answers as pure functions, without a server: check's findings
 * for one log among others, code action edits (applied, then read again),
 * completions, hovers, origins, outline and columns.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectDiagnostics, crossLogIndex, findingsOf, type CheckedLog } from '../../src/check/findings.ts';
import { actionsAt, applyChanges } from '../../src/editor/code-actions.ts';
import { completionsAt } from '../../src/editor/completion.ts';
import { hoverAt } from '../../src/editor/hover.ts';
import type { LogContext } from '../../src/editor/log-context.ts';
import { carriedAside, dayOnOrBefore, definitionOf, originAt, referencesOf } from '../../src/editor/origins.ts';
import { outlineOf, threadSymbols } from '../../src/editor/symbols.ts';
import { linesOf, utf16Offset, wholeLineRange } from '../../src/editor/text-lines.ts';
import { parseLog } from '../../src/index.ts';
import type { LogRecord } from '../../src/record/schema.ts';
import { planChains, problemThreads } from '../../src/stats/index.ts';

const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'lsp', 'logs');
const text = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const read = (name: string, body = text(name)) => parseLog(body, { path: `logs/${name}` });

function contextOf(name: string, body = text(name), language: 'ja' | 'en' = 'en'): LogContext {
  const record = read(name, body);
  const records = ['2025-08-01.md', '2025-08-02.md', '2025-08-03.md'].map((other) => (other === name ? record : read(other)));
  const options = { today: '2025-08-03', weekStart: 'monday' as const };
  return { record, lines: linesOf(body), records, threads: problemThreads(records), chains: planChains(records, options), ...options, weeklyTargetMinutes: 600, language };
}

describe('findingsOf', () => {
  const log = (displayPath: string, record: Partial<LogRecord>): CheckedLog => ({ file: { displayPath }, record: { slug: 'x', draft: false, date: null, diagnostics: [], ...record } });
  it('gives one log exactly what collectDiagnostics gives it among all the logs', () => {
    const logs = [
      log('logs/a.md', { slug: '2025-08-01', date: '2025-08-01' }),
      log('logs/b.md', { slug: '2025-08-01', date: '2025-08-01' }),
      log('logs/c.md', { slug: 'c', date: '2025-08-01' }),
      log('logs/d.md', { slug: 'd', date: '2025-08-02', diagnostics: [{ severity: 'warning', message: 'm', line: 3, column: 1, rule: 'r' }] }),
      log('logs/e.md', { slug: 'c', date: '2025-08-05', draft: true }),
    ];
    const index = crossLogIndex(logs);
    for (const one of logs) {
      expect(findingsOf(one, index, 'ja')).toEqual(collectDiagnostics(logs, 'ja').filter((found) => found.path === one.file.displayPath));
    }
    expect(findingsOf(logs[2]!, index).map((found) => found.rule)).toEqual(['same-date']);
  });
});

describe('code actions', () => {
  it('marks a problem resolved under its last field, which the parser then reads', () => {
    const body = text('2025-08-02.md');
    const lines = linesOf(body);
    const record = read('2025-08-02.md');
    const [resolve] = actionsAt({ record, text: body, lines, fileName: '2025-08-02.md', path: 'logs/2025-08-02.md', fromLine: 11, toLine: 11, language: 'ja' });
    expect(resolve!.title).toBe('問題を解決済みにする（**状態**: 解決済み を加える）');
    const after = applyChanges(body, resolve!.edits);
    expect(read('2025-08-02.md', after).problems[0]!.status).toBe('resolved');
    // Resolved: no second offer.
    expect(actionsAt({ record: read('2025-08-02.md', after), text: after, lines: linesOf(after), fileName: '2025-08-02.md', path: 'logs/2025-08-02.md', fromLine: 11, toLine: 11, language: 'ja' })).toEqual([]);
  });

  it('ticks a plan\'s box', () => {
    const body = text('2025-08-01.md');
    const actions = actionsAt({ record: read('2025-08-01.md'), text: body, lines: linesOf(body), fileName: '2025-08-01.md', path: 'logs/2025-08-01.md', fromLine: 18, toLine: 18, language: 'en' });
    expect(actions.map((action) => action.title)).toEqual(['Mark the plan done (- [x])', 'Drop the plan (strike it through)']);
    const after = applyChanges(body, actions[0]!.edits);
    expect(linesOf(after)[17]).toBe('- [x] キャッシュを入れる');
    expect(read('2025-08-01.md', after).checklist.find((item) => item.text === 'キャッシュを入れる')?.done).toBe(true);
  });

  it('drops a plan: struck through, its aside kept outside, and its chain reads dropped', () => {
    const body = text('2025-08-01.md').replace('- [ ] テストを書く', '- [ ] テストを書く（7/31 の計画）');
    const record = read('2025-08-01.md', body);
    const [, drop] = actionsAt({ record, text: body, lines: linesOf(body), fileName: '2025-08-01.md', path: 'logs/2025-08-01.md', fromLine: 21, toLine: 21, language: 'en' });
    expect(drop!.title).toBe('Drop the plan (strike it through)');
    const after = applyChanges(body, drop!.edits);
    expect(linesOf(after)[20]).toBe('- [ ] ~~テストを書く~~（7/31 の計画）');
    const dropped = read('2025-08-01.md', after);
    expect(dropped.drops.map((drop) => drop.line)).toContain(21);
    const chain = planChains([dropped], { today: '2025-08-03', weekStart: 'monday' }).find((candidate) => candidate.text.startsWith('テストを書く'));
    expect(chain?.status).toBe('dropped');
    // Struck already: no second offer.
    expect(actionsAt({ record: dropped, text: after, lines: linesOf(after), fileName: '2025-08-01.md', path: 'logs/2025-08-01.md', fromLine: 21, toLine: 21, language: 'en' })).toEqual([]);
  });

  it('drops a carried task with nisshi drop\'s edit, its label kept', () => {
    const body = text('2025-08-02.md');
    const record = read('2025-08-02.md');
    const actions = actionsAt({ record, text: body, lines: linesOf(body), fileName: '2025-08-02.md', path: 'logs/2025-08-02.md', fromLine: 7, toLine: 7, language: 'ja' });
    expect(actions.map((action) => action.title)).toEqual(['計画をやめる（取り消し線）']);
    const after = applyChanges(body, actions[0]!.edits);
    expect(linesOf(after)[6]).toBe('- [ ] ~~テストを書く~~（8/1 の計画）');
    expect(read('2025-08-02.md', after).drops).toEqual([{ text: 'テストを書く', line: 7 }]);
  });

  it.each([
    ['# 2025年8月4日 - 学習ログ', '# 2025年8月3日 - 学習ログ'],
    ['# 2025-08-04 学習ログ', '# 2025-08-03 学習ログ'],
    ['# 2025/08/04', '# 2025/08/03'],
  ])('fixes a date mismatch in "%s" the way it is written, or renames the file', (heading, fixed) => {
    const body = `${heading}\n\n## 学び\n- 日付\n`;
    const record = read('2025-08-03.md', body);
    expect(record.diagnostics.map((d) => d.rule)).toEqual(['date-mismatch']);
    const actions = actionsAt({ record, text: body, lines: linesOf(body), fileName: '2025-08-03.md', path: 'logs/2025-08-03.md', fromLine: 1, toLine: 1, language: 'en' });
    expect(actions.map((action) => action.renameTo ?? null)).toEqual(['2025-08-04.md', null]);
    const after = applyChanges(body, actions[1]!.edits);
    expect(linesOf(after)[0]).toBe(fixed);
    expect(read('2025-08-03.md', after).diagnostics).toEqual([]);
  });

  it('takes out a placeholder: the line, or only the placeholder beside the writer\'s words', () => {
    const body = '# 2025年8月3日\n\n## 今日の目標\n- [ ] （目標1）\n- [ ] （目標2）テストを書く\n';
    const record = read('2025-08-03.md', body);
    expect(record.diagnostics.map((d) => [d.rule, d.line])).toEqual([['template-placeholder', 4], ['template-placeholder', 5]]);
    const lines = linesOf(body);
    const first = actionsAt({ record, text: body, lines, fileName: '2025-08-03.md', path: 'logs/2025-08-03.md', fromLine: 4, toLine: 4, language: 'en' });
    expect(first.map((action) => action.title)).toEqual(["Delete the template's placeholder line"]);
    const second = actionsAt({ record, text: body, lines, fileName: '2025-08-03.md', path: 'logs/2025-08-03.md', fromLine: 5, toLine: 5, language: 'en' });
    expect(second.map((action) => action.title)).toEqual(["Delete the template's placeholder line", 'Remove the placeholder （目標2）']);
    const after = applyChanges(applyChanges(body, second[1]!.edits), []);
    expect(linesOf(after)[4]).toBe('- [ ] テストを書く');
    const cleaned = applyChanges(after, first[0]!.edits);
    expect(read('2025-08-03.md', cleaned).diagnostics).toEqual([]);
  });
});

describe('completion', () => {
  it('offers the next free problem number, sections and field labels at a line start', () => {
    const labels = completionsAt(contextOf('2025-08-02.md'), '').map((entry) => entry.label);
    expect(labels).toContain('#### 問題2: ');
    expect(labels).toContain('## 次のステップ');
    expect(labels).toContain('**解決方法**: ');
    expect(completionsAt(contextOf('2025-08-02.md'), '- 途中の文').map((entry) => entry.label)).toEqual([]);
  });

  it('offers the open problems\' titles after 問題N:, narrowed by what is typed', () => {
    const entries = completionsAt(contextOf('2025-08-02.md'), '### 問題3: ビルド');
    expect(entries).toEqual([expect.objectContaining({ label: 'ビルドが遅い', insertText: '### 問題3: ビルドが遅い' })]);
    expect(completionsAt(contextOf('2025-08-02.md'), '### 問題3: 別の')).toEqual([]);
  });
});

describe('hovers and origins', () => {
  it('reads a figure in Japanese', () => {
    const hover = hoverAt(contextOf('2025-08-01.md', text('2025-08-01.md'), 'ja'), 24);
    expect(hover).toContain('**約2時間** → 120 分・概算');
    expect(hover).toContain('今日の合計: 2時間');
  });

  it('finds where a carried item and a continued problem came from', () => {
    const context = contextOf('2025-08-02.md');
    const carried = originAt(context, 7);
    expect(carried).toMatchObject({ kind: 'carried-plan', plannedOn: '2025-08-01' });
    expect(definitionOf(carried!)).toEqual({ slug: '2025-08-01', line: 21 });
    const problem = originAt(context, 11)!;
    expect(definitionOf(problem)).toEqual({ slug: '2025-08-01', line: 11 });
    expect(referencesOf(problem)).toEqual([{ slug: '2025-08-01', line: 11 }, { slug: '2025-08-02', line: 11 }]);
    expect(originAt(context, 2)).toBeNull();
  });

  it('goes from a continued problem under 継続中の問題 to the day it was first written', () => {
    const body = '# 2025年8月3日\n\n## 継続中の問題\n- ビルドが遅い（8/1 から） — 現状: キャッシュを入れて3分になった\n';
    const context = contextOf('2025-08-03.md', body);
    const origin = originAt(context, 4);
    expect(origin).toMatchObject({ kind: 'continued-problem', since: '2025-08-01' });
    expect(definitionOf(origin!)).toEqual({ slug: '2025-08-01', line: 11 });
    expect(referencesOf(origin!).map((place) => place.slug)).toEqual(['2025-08-01', '2025-08-02']);
    expect(hoverAt(context, 4)).toContain('A problem continued since 2025-08-01');
  });

  it('reads the asides nisshi new writes, in either bracket width', () => {
    expect(carriedAside('テストを書く（8/1 の計画）', '2025-08-02')).toEqual({ kind: 'plan', text: 'テストを書く', from: '2025-08-01' });
    expect(carriedAside('デプロイが失敗 未完了（12/6）', '2025-01-02')).toEqual({ kind: 'plan', text: 'デプロイが失敗', from: '2024-12-06' });
    expect(carriedAside('ビルドが遅い (12/30 から) — 現状: 遅い', '2025-01-02')).toEqual({ kind: 'problem', text: 'ビルドが遅い', from: '2024-12-30' });
    expect(carriedAside('ビルドが遅い（12/30 から）', '2025-01-02')).toEqual({ kind: 'problem', text: 'ビルドが遅い', from: '2024-12-30' });
    expect(carriedAside('メモ（補足）', '2025-01-02')).toBeNull();
    expect(dayOnOrBefore('2025-01-02', 12, 30)).toBe('2024-12-30');
    expect(dayOnOrBefore('2025-08-02', 8, 1)).toBe('2025-08-01');
  });
});

describe('outline, workspace symbols and columns', () => {
  it('outlines goals, problems and plans', () => {
    const outline = outlineOf(read('2025-08-01.md'), 'ja');
    expect(outline.map((group) => [group.name, group.children.map((child) => child.name)])).toEqual([
      ['今日の目標', ['ビルドを速くする', 'テストを増やす']],
      ['問題', ['問題1: ビルドが遅い']],
      ['次のステップ', ['キャッシュを入れる', 'テストを書く']],
    ]);
  });

  it('finds threads by title, open first', () => {
    const context = contextOf('2025-08-02.md');
    expect(threadSymbols(context.threads, 'ビルド')).toEqual([{ name: 'ビルドが遅い', status: 'open', slug: '2025-08-02', line: 11 }]);
    expect(threadSymbols(context.threads, 'ない')).toEqual([]);
  });

  it('turns code-point columns into UTF-16 offsets, astral characters counted twice', () => {
    expect(utf16Offset('- 𠮷野家（目標1）', 6)).toBe(6);
    expect(utf16Offset('abc', 10)).toBe(3);
    expect(wholeLineRange(['a', 'b'], 2)).toEqual({ start: { line: 0, character: 1 }, end: { line: 1, character: 1 } });
    expect(linesOf('a\r\nb')).toEqual(['a', 'b']);
  });
});

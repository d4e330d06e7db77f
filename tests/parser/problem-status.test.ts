import { describe, expect, it } from 'vitest';
import { readStatusField, readTitleStatus, statusOfWord } from '../../src/parse/problem-status.ts';
import { parseFixture } from './helpers.ts';

describe('problem status', () => {
  const { problems } = parseFixture('problem-status.md');
  const byNumber = new Map(problems.map((problem) => [problem.number, problem]));

  it('reads the status written in or beside the title, and takes it off the title', () => {
    expect(byNumber.get(1)).toMatchObject({ title: 'Lambda のコールドスタートが遅い', status: 'resolved', current: '3秒かかる' });
    expect(byNumber.get(4)).toMatchObject({ title: '依存関係の不足', status: 'resolved', solution: '追加した' });
    expect(byNumber.get(5)).toMatchObject({ title: 'ログが出ない', status: 'resolved' });
    expect(byNumber.get(10)).toMatchObject({ title: 'キャッシュが効かない', status: 'resolved' });
    expect(byNumber.get(11)).toMatchObject({ title: 'リストの問題', status: 'resolved', current: 'リストの中' });
  });

  it('reads a title struck through as resolved', () => {
    expect(byNumber.get(3)).toMatchObject({ title: 'テストが不安定', status: 'resolved', current: 'たまに落ちる' });
  });

  it('reads **状態** / **ステータス** / **Status** field lines, without making them a part', () => {
    expect(byNumber.get(2)).toMatchObject({ title: 'ビルドが失敗する', status: 'resolved', current: 'CI が赤い' });
    expect(byNumber.get(7)).toMatchObject({ title: '解決策が見つからない', status: 'open' });
    expect(byNumber.get(8)).toMatchObject({ title: 'デプロイが遅い', status: 'resolved', current: null });
  });

  it('keeps 未解決 / 対応中 open, and a field outranks the title', () => {
    expect(byNumber.get(6)).toMatchObject({ title: '型エラー', status: 'open' });
  });

  it('leaves a Status line that names no status as the 現状 part, and English words in a title alone', () => {
    expect(byNumber.get(9)).toMatchObject({ title: 'Get it done', status: null, current: '本番の API が落ちている' });
  });

  it('tells status words from longer words', () => {
    expect(statusOfWord('未解決')).toBe('open');
    expect(statusOfWord('解決済み。')).toBe('resolved');
    expect(statusOfWord('解決策')).toBeNull();
    expect(readTitleStatus('解決策を探す')).toEqual({ title: '解決策を探す', status: null });
    expect(readTitleStatus('ＣＩが遅い（解決）')).toEqual({ title: 'ＣＩが遅い', status: 'resolved' });
    expect(readTitleStatus('CI が遅い → 解決済み')).toEqual({ title: 'CI が遅い', status: 'resolved' });
    expect(readTitleStatus('CI が遅い ✅')).toEqual({ title: 'CI が遅い', status: 'resolved' });
    expect(readTitleStatus('（解決済み）')).toEqual({ title: '（解決済み）', status: 'resolved' });
    expect(readStatusField('状態：✅')).toBe('resolved');
    expect(readStatusField('状態 : 未解決（調査中）')).toBe('open');
    expect(readStatusField('状態が悪い')).toBeNull();
  });

  it('gives every problem of the sample log no status: it writes none', () => {
    expect(parseFixture('problems-shared-paragraph.md').problems.every((problem) => problem.status === null)).toBe(true);
  });
});

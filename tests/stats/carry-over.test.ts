/** carryOver (what `nisshi new` carries) leaves out what was given up. */
import { describe, expect, it } from 'vitest';
import { carryOver } from '../../src/stats/carry-over.ts';
import { tinyLog } from './helpers.ts';

describe('carry-over', () => {
  it('does not carry a plan given up, nor an unchecked item struck through or marked （中止）', () => {
    const records = [
      tinyLog('2025-07-01', 30, '## 次のステップ\n### 今日中\n- 記事を書く\n- 本を読む\n'),
      tinyLog('2025-07-02', 30, '## 持ち越し\n- [ ] ~~記事を書く~~（7/1 の計画）\n- [ ] 本を読む（7/1 の計画）\n- [ ] 掃除をする（不要）\n- [ ] 洗濯をする\n'),
    ];
    const carried = carryOver(records, '2025-07-03', { weekStart: 'monday' });
    expect(carried.items).toEqual([
      { text: '本を読む', plannedOn: '2025-07-01' },
      { text: '洗濯をする', plannedOn: '2025-07-02' },
    ]);
  });
});

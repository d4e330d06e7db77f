/** The bound `npm run bench -- --section site` prints for the two ratio targets together (scripts/bench/fixed-cost.ts). */
import { describe, expect, it } from 'vitest';
import type { ChildResult } from '../../scripts/bench/child.ts';
import { COLD_TARGET, REBUILD_TARGET, fixedCostLines, jointRebuildBoundMs } from '../../scripts/bench/fixed-cost.ts';

const run = (ms: number): ChildResult => ({ ms, peakRssKb: undefined, processes: new Map() });

describe('fixed cost against both targets', () => {
  it('bounds a one-log rebuild by both ratios applied to the floor', () => {
    // Cold may take at most 1.3× the floor, and a rebuild at most a quarter of that.
    expect(jointRebuildBoundMs(8000)).toBeCloseTo(REBUILD_TARGET * COLD_TARGET * 8000);
    expect(jointRebuildBoundMs(8000)).toBeCloseTo(2600);
  });

  it('says how the site over one log with nothing changed compares with that bound', () => {
    const fixed = { log: '2025/2025-12-28.md', ours: { cold: run(3570), again: run(2860) }, floor: { cold: run(1710), again: run(1560) } };
    const [oneLog, unchanged, both, bare] = fixedCostLines(fixed, 8000, 4250, 15_600, { cold: run(9370), again: run(5430), kept: 3650 });
    expect(oneLog).toContain('one log alone (2025/2025-12-28.md)');
    expect(oneLog).toContain('cold 3.57 s, again with nothing changed 2.86 s; floor cold 1.71 s, again 1.56 s');
    expect(unchanged).toContain('4.25 s = 0.27× of the cold build');
    // 2.86 s against 2.6 s: over the bound by a tenth.
    expect(both).toContain('= 2.60 s;');
    expect(both).toContain('takes 2.86 s (1.10× that bound)');
    expect(bare).toContain('cold 9.37 s, again with nothing changed 5.43 s = 0.58× of its cold build (3650 pages taken from its cache, not rendered)');
  });
});

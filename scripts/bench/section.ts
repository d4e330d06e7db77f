/** What every bench section is given and must provide, and the number formats they share. */

export interface BenchOptions {
  count: number;
  runs: number;
  seed: number;
  /**
   * Real-sized logs (about 1 KB, from ../shared/tools/gen-small-logs.py) instead of the
   * project's generator (about 7 KB): the site and dev sections build either corpus.
   */
  small: boolean;
}

export interface BenchSection {
  name: string;
  run(options: BenchOptions): Promise<void> | void;
}

export const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const decimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Best wall time of `runs` passes, in ms. */
export async function best(runs: number, pass: () => unknown): Promise<number> {
  let fastest = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await pass();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

/** Milliseconds, one decimal, right-aligned in a column of 12. */
export const ms = (value: number): string => `${decimal.format(value)} ms`.padStart(12);

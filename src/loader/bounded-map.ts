/**
 * Runs `work` over `items` with at most `limit` calls in flight. Reading a log
 * waits on the disk while parsing another keeps the CPU busy; an unbounded
 * Promise.all over thousands of files would only open thousands of handles.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

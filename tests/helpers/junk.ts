/** Seeded random strings from an alphabet: the same "junk" inputs on every run, for never-throws tests. */
export function junkStrings(alphabet: string, { count, maxLength, seed }: { count: number; maxLength: number; seed: number }): string[] {
  const letters = [...alphabet];
  let state = seed >>> 0;
  const next = (): number => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(next() * maxLength) }, () => letters[Math.floor(next() * letters.length)]).join(''),
  );
}

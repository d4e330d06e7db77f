/** fast-check arbitraries shared by the parser's property tests. */
import fc from 'fast-check';

/** A real log cut, duplicated or spliced with pieces from `insertions` at random places. */
export function mutatedLog(seeds: readonly string[], insertions: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.nat(60), insertions), { maxLength: 8 }))
    .map(([seed, edits]) => {
      let text = seed;
      for (const [at, cut, insert] of edits) {
        const index = text.length === 0 ? 0 : at % text.length;
        text = text.slice(0, index) + insert + text.slice(index + cut);
      }
      return text;
    });
}

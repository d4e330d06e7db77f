/**
 * How deep a paragraph's emphasis would nest, estimated in one pass before
 * parsing. `****…1****…` or `*_*_*_…x…_*_*_*` nest emphasis thousands deep,
 * and remark (micromark) takes time in the square of that to resolve them:
 * 2,000 stars a side cost a second, 32,000 several minutes. A log whose
 * emphasis would nest past the limit is refused before remark sees it, as the
 * tree walk would refuse it after.
 *
 * The estimate follows CommonMark's delimiter runs only roughly: a run of `*`
 * or `_` opens when text follows it and closes when text precedes it, and a
 * closer is matched against the innermost opener of the same character only.
 * Each pair of characters is one level (strong emphasis), so the estimate is
 * the depth remark builds for these shapes, and never more than it for a
 * single long run.
 */

export function deepestEmphasis(text: string, stopAbove: number): { depth: number; line: number } | null {
  const stack: Array<{ mark: string; remaining: number }> = [];
  let levels = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '\n') {
      // A blank line ends the paragraph, and with it every open delimiter.
      if (text.slice(lineStart, i).trim() === '') {
        stack.length = 0;
        levels = 0;
      }
      line++;
      lineStart = ++i;
      continue;
    }
    if (c !== '*' && c !== '_') {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && text[end] === c) end++;
    let length = end - i;
    const before = text[i - 1];
    const after = text[end];
    const canClose = before !== undefined && !isSpace(before);
    const canOpen = after !== undefined && !isSpace(after);
    if (canClose) {
      const top = stack.at(-1);
      if (top && top.mark === c) {
        if (levels > stopAbove) return { depth: levels, line };
        const used = Math.min(length, top.remaining);
        levels -= pairs(top.remaining) - pairs(top.remaining - used);
        top.remaining -= used;
        length -= used;
        if (top.remaining === 0) stack.pop();
      }
    }
    if (canOpen && length > 0) {
      stack.push({ mark: c, remaining: length });
      levels += pairs(length);
    }
    i = end;
  }
  return null;
}

/** Levels a run of delimiters can open: two characters make strong emphasis, one more makes emphasis. */
function pairs(length: number): number {
  return Math.ceil(length / 2);
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u3000';
}

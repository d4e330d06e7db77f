/**
 * Bracketed asides — （優先順位順）, [WIP], 「…」 — cut out of a heading key.
 * A walk rather than /[（(【[「『][^）)】\]」』]*[）)】\]」』]/g: that pattern read
 * the rest of the line again from every opening bracket, so a heading of
 * thousands of "（" took time in the square of its length.
 */
const OPENERS = '（(【[「『';
const CLOSERS = '）)】]」』';

/** Each opening bracket, up to the first closing one after it, becomes `replacement`, as each match of the pattern did. */
export function replaceBracketed(text: string, replacement: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = indexOfAny(text, OPENERS, from);
    if (open === -1) break;
    const close = indexOfAny(text, CLOSERS, open + 1);
    // No closing bracket after this opening one means none after any later one either.
    if (close === -1) break;
    out += text.slice(from, open) + replacement;
    from = close + 1;
  }
  return out + text.slice(from);
}

function indexOfAny(text: string, chars: string, from: number): number {
  for (let i = from; i < text.length; i++) if (chars.includes(text[i]!)) return i;
  return -1;
}

/**
 * Character-level clean-up applied before matching numbers and dates.
 *
 * Japanese logs mix full-width ("zenkaku") and ASCII digits freely, e.g.
 * `２０２５年８月３日` or `７ｈ`, so every matcher first folds them to ASCII.
 */

/**
 * Full-width ASCII (U+FF01–U+FF5E) to ASCII, ideographic space (U+3000) and
 * no-break space (U+00A0) to a plain space. Kana and kanji are left alone.
 *
 * Every replacement maps one UTF-16 code unit to exactly one code unit, so the
 * result has the same length as the input and an index found in the result is
 * also an index into the original string. The date and quantity matchers rely
 * on this to report positions in the text the caller gave them.
 */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000\u00A0]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x3000 || code === 0x00a0) return ' ';
    // The full-width block is the ASCII block shifted by a constant.
    return String.fromCharCode(code - 0xfee0);
  });
}

/** Collapse runs of whitespace (including U+3000) to one space and trim. */
export function normalizeSpaces(s: string): string {
  // JavaScript's \s already covers U+3000, NBSP and the other Unicode spaces.
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Private notes: what a writer marks as not for publishing is blanked out of
 * the text BEFORE the Markdown tree is built, so no extractor, renderer,
 * count, chart, feed or search index can ever see it. Blanking (every
 * character but line breaks becomes a space) keeps every other line and
 * column where it was, so diagnostics still point at the right place.
 *
 * Two markings:
 * - a section whose heading ends with 🔒 or is one of the private heading
 *   words (settings `privateHeadings`, default 非公開 / private): the heading
 *   and everything up to the next heading of the same or a higher level;
 * - a block from `<!-- private -->` to `<!-- /private -->` (anywhere in a
 *   line, over any number of lines). An unclosed block runs to the end of the
 *   file: keeping too much private is the safe mistake.
 *
 * Fenced code is not read for headings (a `# comment` in a shell block is not
 * a heading), but a private block marker inside it still counts: the writer
 * who typed it meant it.
 */

/** Headings that make a section private unless the settings say otherwise. */
export const DEFAULT_PRIVATE_HEADINGS: readonly string[] = ['非公開', 'private'];

const LOCK = '🔒';
const OPEN_MARKER = /<!--\s?private\s?-->/i;
const CLOSE_MARKER = /<!--\s?\/private\s?-->/i;
/** An ATX heading: up to three spaces, 1–6 #, then a space or the end of the line. */
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** One private passage as written: lines are 1-based and inclusive. */
export interface PrivatePassage {
  kind: 'section' | 'block';
  startLine: number;
  endLine: number;
  /** The passage's text as written (markers and heading included). */
  text: string;
  /** A block with no closing marker, blanked to the end of the file. */
  unclosed: boolean;
}

export interface PrivateNotes {
  /** The text with every private passage blanked (same lines, same columns). */
  text: string;
  passages: PrivatePassage[];
}

/** The heading text of an ATX heading line, closing #s and spaces dropped; null when the line is no heading. */
function headingOf(line: string): { level: number; text: string } | null {
  const match = ATX_HEADING.exec(line);
  if (!match) return null;
  let text = line.slice(match[0].length).trim();
  // Closing sequence: trailing #s after a space (CommonMark); trimmed by hand to stay linear.
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end < text.length && (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t')) text = text.slice(0, end).trim();
  return { level: match[1]!.length, text };
}

function isPrivateHeading(text: string, words: readonly string[]): boolean {
  if (text.endsWith(LOCK) || text.endsWith(`${LOCK}\ufe0f`)) return true;
  const bare = text.normalize('NFKC').replace(/[:：]$/, '').trim().toLowerCase();
  return words.some((word) => word.normalize('NFKC').toLowerCase() === bare);
}

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/** Offsets [start, end) of the private sections, by lines. */
function privateSections(lines: readonly string[], lineStarts: readonly number[], words: readonly string[]): Array<[number, number, number, number]> {
  const found: Array<[number, number, number, number]> = [];
  let fence: string | null = null;
  let open: { level: number; line: number } | null = null;
  const close = (endLine: number) => {
    if (!open) return;
    found.push([lineStarts[open.line]!, lineStarts[endLine + 1] ?? Number.MAX_SAFE_INTEGER, open.line, endLine]);
    open = null;
  };
  lines.forEach((line, index) => {
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = null;
      return;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      return;
    }
    const heading = headingOf(line);
    if (!heading) return;
    if (open && heading.level <= open.level) close(index - 1);
    if (!open && isPrivateHeading(heading.text, words)) open = { level: heading.level, line: index };
  });
  close(lines.length - 1);
  return found;
}

/**
 * Finds and blanks the private passages of a log's text.
 * @param words the private heading words (settings `privateHeadings`).
 */
export function dropPrivateNotes(text: string, words: readonly string[] = DEFAULT_PRIVATE_HEADINGS): PrivateNotes {
  // Most logs have nothing private: skip the line walk when no marking can be there.
  const folded = text.normalize('NFKC').toLowerCase();
  if (!text.includes(LOCK) && !folded.includes('<!--') && !words.some((word) => folded.includes(word.normalize('NFKC').toLowerCase()))) {
    return { text, passages: [] };
  }
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const lineAt = (position: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const ranges: Array<{ kind: PrivatePassage['kind']; start: number; end: number; unclosed: boolean }> = [];
  for (const [start, end] of privateSections(lines, lineStarts, words)) {
    ranges.push({ kind: 'section', start, end: Math.min(end, text.length), unclosed: false });
  }
  let from = 0;
  for (;;) {
    const rest = text.slice(from);
    const opening = OPEN_MARKER.exec(rest);
    if (!opening) break;
    const start = from + opening.index;
    const afterOpen = start + opening[0].length;
    const closing = CLOSE_MARKER.exec(text.slice(afterOpen));
    const end = closing ? afterOpen + closing.index + closing[0].length : text.length;
    ranges.push({ kind: 'block', start, end, unclosed: !closing });
    from = end;
  }
  if (ranges.length === 0) return { text, passages: [] };
  ranges.sort((a, b) => a.start - b.start);
  let blanked = '';
  let cursor = 0;
  for (const range of ranges) {
    const start = Math.max(range.start, cursor);
    if (range.end <= start) continue;
    blanked += text.slice(cursor, start) + blank(text.slice(start, range.end));
    cursor = range.end;
  }
  blanked += text.slice(cursor);
  const passages = ranges.map((range): PrivatePassage => {
    // A section's range ends after its last line break; report its last line.
    const last = Math.max(range.start, range.end - 1);
    return {
      kind: range.kind,
      startLine: lineAt(range.start) + 1,
      endLine: lineAt(Math.min(last, text.length - 1)) + 1,
      text: text.slice(range.start, range.end),
      unclosed: range.unclosed,
    };
  });
  return { text: blanked, passages };
}

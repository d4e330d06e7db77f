/**
 * The log's date and title: frontmatter date, else the first heading's date,
 * else the file's path; the title is the H1 without its date, or the
 * frontmatter title.
 */
import type { Diagnostic } from '../record/schema.ts';
import { dateFromPath, findDate, yearFromPath } from './date.ts';
import { diagnose } from '../record/rules.ts';
import { keyLine, type Frontmatter } from './frontmatter.ts';
import type { PlacedHeading } from './outline.ts';

export interface LogDate {
  date: string | null;
  dateSource: 'frontmatter' | 'heading' | 'path' | null;
  title: string | null;
  diagnostics: Diagnostic[];
}

export function readLogDate(frontmatter: Frontmatter, headings: readonly PlacedHeading[], path: string): LogDate {
  const diagnostics: Diagnostic[] = [];
  const pathDate = dateFromPath(path);
  const written = frontmatter.data.date;

  let fmDate: string | null = null;
  if (written !== undefined && written !== null && written !== '') {
    const found = typeof written === 'string' || typeof written === 'number' ? findDate(String(written)) : null;
    if (found) {
      fmDate = found.date;
    } else {
      diagnostics.push(diagnose('invalid-date', keyLine(frontmatter, 'date'), 1, { value: String(written) }));
    }
  }
  const year = Number(fmDate?.slice(0, 4)) || yearFromPath(path) || undefined;

  // Only real headings (not bold lines) carry the log's date: "2024/08/21(水)", "6/3 晴れ".
  const first = headings.find((heading) => heading.depth <= 6);
  const headingDate = first ? findDate(first.text, year === undefined ? {} : { year }) : null;
  // An H1 titles the log only when it opens it and stands alone; some writers use H1 for every section.
  const h1s = headings.filter((heading) => heading.depth === 1);
  const h1 = h1s.length === 1 && h1s[0] === first ? h1s[0] : undefined;
  const fmTitle = typeof frontmatter.data.title === 'string' && frontmatter.data.title.trim() ? frontmatter.data.title.trim() : null;
  const title = fmTitle ?? (h1 ? titleWithoutDate(h1.text, headingDate) : null);

  const date = fmDate ?? headingDate?.date ?? pathDate;
  const dateSource = fmDate ? 'frontmatter' : headingDate ? 'heading' : pathDate ? 'path' : null;
  if (!date) {
    diagnostics.push(diagnose('no-date', first?.line ?? 1, 1));
  } else if (pathDate && date !== pathDate) {
    const where = dateSource === 'frontmatter' ? keyLine(frontmatter, 'date') : first?.line ?? 1;
    diagnostics.push(diagnose('date-mismatch', where, 1, { source: String(dateSource), date, pathDate }));
  }
  return { date, dateSource, title, diagnostics };
}

// The lookbehind makes a trailing run match from its start only: linear on a line of separators.
const separators = /^[\s\-–—|:：・/~〜]+|(?<![\s\-–—|:：・/~〜])[\s\-–—|:：・/~〜]+$/g;

/** "2025年8月3日 - 学習ログ" → "学習ログ"; "2023/06/05 の日報" → "日報"; a heading that is only a date → null. */
function titleWithoutDate(text: string, date: { index: number; length: number } | null): string | null {
  const rest = date ? text.slice(0, date.index) + ' ' + text.slice(date.index + date.length) : text;
  const title = rest.replace(separators, '').replace(/^の\s*/, '').replace(separators, '').trim();
  return title || null;
}

/**
 * Which date a log has (the forms a date is written in are date-forms.ts'),
 * and its title: frontmatter date, else the first heading's date,
 * else a date line in the body (**日付**: 2026-06-07, or a first line such as
 * "2025/9/16 日報"), else the file's path; the title is the H1 without its
 * date, or the frontmatter title.
 */
import type { Diagnostic } from '../record/schema.ts';
import { diagnose } from '../record/rules.ts';
import type { LogContext } from './context.ts';
import { dateFromPath, findDate, yearFromPath, type DateMatch } from './date-forms.ts';
import { keyLine, type Frontmatter } from './frontmatter.ts';
import { readFigureLine } from './extract/figures.ts';
import type { TextLine } from './inline.ts';
import type { PlacedHeading } from './outline.ts';
import { labelIn } from './vocabulary.ts';

export interface LogDate {
  date: string | null;
  dateSource: 'frontmatter' | 'heading' | 'line' | 'path' | null;
  title: string | null;
  diagnostics: Diagnostic[];
}

export function readLogDate(frontmatter: Frontmatter, context: LogContext, path: string): LogDate {
  const headings = context.outline.headings;
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

  const laterHeading = fmDate || headingDate ? null : datedHeading(headings, year);
  const lineDate = fmDate || headingDate || laterHeading ? null : bodyDate(context, year);
  const date = fmDate ?? headingDate?.date ?? laterHeading?.date ?? lineDate?.date ?? pathDate;
  const dateSource = fmDate ? 'frontmatter' : headingDate || laterHeading ? 'heading' : lineDate ? 'line' : pathDate ? 'path' : null;
  if (!date) {
    diagnostics.push(diagnose('no-date', first?.line ?? 1, 1));
  } else if (pathDate && date !== pathDate) {
    const where = dateSource === 'frontmatter' ? keyLine(frontmatter, 'date') : (lineDate ?? laterHeading)?.line ?? first?.line ?? 1;
    diagnostics.push(diagnose('date-mismatch', where, 1, { source: String(dateSource), date, pathDate }));
  }
  return { date, dateSource, title, diagnostics };
}

/** "# 日報" then "## 📅 2025-11-21": a later heading among the first few that starts with its date. */
function datedHeading(headings: readonly PlacedHeading[], year: number | undefined): (DateMatch & { line: number }) | null {
  for (const heading of headings.filter((h) => h.depth <= 6).slice(1, 3)) {
    const found = startingDate(heading.text, year);
    if (found) return { ...found, line: heading.line };
  }
  return null;
}

/** A date at the start of a text, after nothing but symbols or emoji. */
function startingDate(text: string, year: number | undefined): DateMatch | null {
  const found = findDate(text, year === undefined ? {} : { year });
  return found && !/[\p{L}\p{N}]/u.test(text.slice(0, found.index)) ? found : null;
}

/**
 * A date in the body: a labelled line (**日付**: 2026-06-07, also as a list
 * item) among the first blocks, or a first line that starts with a date
 * ("2025/9/16 日報", "📅 2025-11-21"). A date further down is about something
 * else (a deadline, a release), so only the top of the log is looked at.
 */
function bodyDate(context: LogContext, year: number | undefined): (DateMatch & { line: number }) | null {
  const opts = year === undefined ? {} : { year };
  const top = context.outline.blocks.slice(0, 4);
  const lines: TextLine[] = [];
  for (const block of top) {
    const node = block.node;
    if (node.type === 'paragraph') lines.push(...context.linesOf(node));
    else if (node.type === 'list') {
      for (const item of node.children) {
        const first = item.children[0];
        if (first?.type === 'paragraph') lines.push(...context.linesOf(first));
      }
    }
  }
  for (const line of lines) {
    const figure = readFigureLine(line, context.vocabulary);
    if (!figure || !labelIn(figure.figure.label, context.vocabulary.dateLabels)) continue;
    const found = findDate(figure.figure.raw, opts);
    if (found) return { ...found, line: line.line };
  }
  const firstBlock = context.outline.sequence.find((entry) => entry.block?.node.type !== 'thematicBreak')?.block?.node;
  if (firstBlock?.type === 'paragraph') {
    const [line] = context.linesOf(firstBlock);
    const found = line ? startingDate(line.text, year) : null;
    if (line && found) return { ...found, line: line.line };
  }
  return null;
}

// The lookbehind makes a trailing run match from its start only: linear on a line of separators.
const separators = /^[\s\-–—|:：・/~〜]+|(?<![\s\-–—|:：・/~〜])[\s\-–—|:：・/~〜]+$/g;

/** "2025年8月3日 - 学習ログ" → "学習ログ"; "2023/06/05 の日報" → "日報"; a heading that is only a date → null. */
function titleWithoutDate(text: string, date: { index: number; length: number } | null): string | null {
  const rest = date ? text.slice(0, date.index) + ' ' + text.slice(date.index + date.length) : text;
  const title = rest.replace(separators, '').replace(/^の\s*/, '').replace(separators, '').trim();
  return title || null;
}

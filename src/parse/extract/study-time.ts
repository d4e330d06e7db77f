/**
 * The day's study time, wherever a writer puts it: frontmatter, a 学習時間
 * section (heading, bold line, list item or a line of its own, with the figure
 * below it, even inside a quote or an indented block), a heading that holds
 * the figure (### 学習時間: 8h), a 学習時間 figure, or a `今日: 1.0h` line
 * anywhere. Today's part is told from running totals (today-total.ts); a
 * figure no day can hold is never taken.
 */
import type { Blockquote, Nodes, RootContent, Table } from 'mdast';
import type { Diagnostic } from '../../record/schema.ts';
import { descendants, itemLines, type LogContext } from '../context.ts';
import { diagnose } from '../../record/rules.ts';
import { plainText } from '../inline.ts';
import { nearestKind, outlineOf, type Block } from '../outline.ts';
import { parseDurations, type Duration, type StudyContext } from '../quantity.ts';
import { todayAndTotal } from '../today-total.ts';
import { labelIn, sectionKind, type Vocabulary } from '../vocabulary.ts';
import { readValue, type PlacedFigure } from './figures.ts';

export interface StudyTime {
  /** null when only a running total was written (or today's figure was left out as impossible). */
  minutes: number | null;
  approximate: boolean;
  total: number | null;
}

/** Lines read together as one study-time entry: a section, or a title and the figure after it. */
interface Group {
  lines: Array<{ text: string; line: number; column: number }>;
}

interface Reading {
  today: Duration | null;
  total: Duration | null;
  /** Today's figure was there but impossible, and already warned about. */
  implausible?: boolean;
}

const strict: StudyContext = {};
/** Where the place already says "study time": 3:40 is a duration and a lone 14.25 is hours. */
const relaxed: StudyContext = { clock: true, bareHours: true };

export function readStudyTime(
  context: LogContext,
  figures: readonly PlacedFigure[],
  frontmatter: Record<string, unknown>,
  diagnostics: Diagnostic[],
): StudyTime | null {
  const { vocabulary } = context;
  const fromFrontmatter = frontmatterStudyTime(frontmatter, vocabulary);
  if (fromFrontmatter && fromFrontmatter.minutes > vocabulary.maxStudyMinutes) {
    diagnostics.push(diagnose('study-time-implausible', 1, 1, { written: `${fromFrontmatter.key}: ${String(frontmatter[fromFrontmatter.key])}`, line: null, hours: vocabulary.maxStudyMinutes / 60 }));
    return { minutes: null, approximate: false, total: null };
  }
  if (fromFrontmatter) return { minutes: fromFrontmatter.minutes, approximate: fromFrontmatter.approximate, total: null };

  // A 学習時間 section per subject studied adds up.
  const read = studyGroups(context).map((group) => readGroup(group, context, diagnostics));
  const sections = read.filter((reading) => reading.today);
  if (sections.length > 0) return sum(sections);
  const sectionTotal = read.find((reading) => reading.total)?.total ?? null;

  // Otherwise the first 学習時間 figure is the day's, then the first 今日: figure that is a time.
  let labelled: Reading | null = null;
  let today: Reading | null = null;
  for (const { figure } of figures) {
    const studyLabel = labelIn(figure.label, vocabulary.metrics.studyMinutes);
    const todayLabel = !studyLabel && labelIn(figure.label, vocabulary.metrics.studyToday);
    if (!studyLabel && !todayLabel) continue;
    if (studyLabel && labelled) continue;
    if (todayLabel && (labelled || today)) continue;
    // The label stays with the value, so "Today: 25h" is what a warning quotes and "今日の学習時間" labels today.
    const group = { lines: [{ text: `${figure.label}: ${figure.raw}`, line: figure.line, column: figure.column }] };
    const reading = readGroup(group, context, diagnostics, studyLabel ? relaxed : { clock: true });
    if (reading.today) {
      if (studyLabel) labelled = reading;
      else today = reading;
    } else if (studyLabel && !reading.total && !reading.implausible) {
      diagnostics.push(diagnose('study-time-unreadable', figure.line, figure.column, { label: figure.label, raw: figure.raw }));
    }
  }
  const chosen = labelled ?? today;
  if (chosen) return sum([chosen]);
  return sectionTotal ? { minutes: null, approximate: false, total: sectionTotal.minutes } : null;
}

function sum(readings: readonly Reading[]): StudyTime {
  let minutes = 0;
  let approximate = false;
  let total: number | null = null;
  for (const reading of readings) {
    minutes += reading.today!.minutes;
    approximate ||= reading.today!.approximate;
    if (reading.total) total = (total ?? 0) + reading.total.minutes;
  }
  return { minutes, approximate, total };
}

/**
 * Today's time in a group: read strictly first (units required); only when
 * that finds no today's time are clock times and bare numbers taken as hours.
 * Warns when it cannot tell today's from the others, and drops a time that no
 * day can hold.
 */
function readGroup(group: Group, context: LogContext, diagnostics: Diagnostic[], loose: StudyContext = relaxed): Reading {
  const { vocabulary } = context;
  const text = group.lines.map((line) => line.text).join('\n');
  let durations = parseDurations(text, strict);
  let found = todayAndTotal(text, durations, vocabulary);
  if (!found.today) {
    const again = parseDurations(text, loose);
    const second = todayAndTotal(text, again, vocabulary);
    if (second.today) [durations, found] = [again, { ...second, total: second.total ?? found.total }];
  }
  const { today, total, ambiguous } = found;
  if (!today) return { today: null, total };
  const at = lineAt(group, text, today.index);
  const written = text.slice(today.index, today.index + today.length);
  if (ambiguous) {
    const others = durations.map((d) => `"${text.slice(d.index, d.index + d.length)}"`).join(', ');
    diagnostics.push(diagnose('study-time-ambiguous', at.line, at.column, { others, written }));
  }
  const minutes = hoursAndMinutes(written, context) ?? today.minutes;
  if (minutes > vocabulary.maxStudyMinutes) {
    diagnostics.push(diagnose('study-time-implausible', at.line, at.column, { written, line: at.text, hours: vocabulary.maxStudyMinutes / 60 }));
    return { today: null, total, implausible: true };
  }
  return { today: { ...today, minutes }, total };
}

function lineAt(group: Group, text: string, index: number): Group['lines'][number] {
  let newlines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) newlines++;
  return group.lines[newlines] ?? group.lines[0]!;
}

const hourDotMinutes = /(\d{1,2})\.(\d\d)[ \t]*(?:h|時間)/i;

/**
 * `2.10h` is 2.1 hours (2 h 6 min) — unless the same log writes that time as
 * hours and minutes somewhere else (２時間10分, 2h10m): then the writer's dot
 * separates hours from minutes, and it is 2 h 10 min.
 */
function hoursAndMinutes(written: string, context: LogContext): number | null {
  const g = hourDotMinutes.exec(written.normalize('NFKC'));
  if (!g || Number(g[2]) >= 60) return null;
  const hours = Number(g[1]);
  const mins = Number(g[2]);
  const spelled = new RegExp(`(?<![\\d.])${hours}[ \\t]*(?:時間|h|hours?)[ \\t]*0?${mins}[ \\t]*(?:分|m)`, 'i');
  return spelled.test(context.text.normalize('NFKC')) ? hours * 60 + mins : null;
}

/** Every place that announces study time, with the lines that hold its figure. */
function studyGroups(context: LogContext): Group[] {
  const groups = new Map<string, Group>();
  const add = (key: string, lines: Group['lines']): void => {
    const found = lines.filter((line) => line.text);
    if (found.length === 0) return;
    const group = groups.get(key);
    if (group) group.lines.push(...found);
    else groups.set(key, { lines: [...found] });
  };
  const visitOutline = (blocks: readonly Block[], scope: string): void => {
    blocks.forEach((block, index) => {
      const nearest = nearestKind(block.trail);
      const next = blocks[index + 1];
      const following = next && next.trail === block.trail ? next.node : undefined;
      if (nearest?.kind === 'studyTime') {
        add(`${scope}:${block.trail[nearest.index]!.line}`, blockLines(block.node, context));
        return;
      }
      if (block.node.type === 'blockquote') {
        visitOutline(quoteBlocks(block.node, context), `${scope}>${block.node.position?.start.line ?? 0}`);
        return;
      }
      for (const [key, lines] of titledEntries(block.node, following, context)) add(`${scope}:${key}`, lines);
    });
  };
  visitOutline(context.outline.blocks, '');
  for (const heading of context.outline.headings) {
    const lines = headingFigure(heading.text, heading.line, heading.column, context.vocabulary);
    if (lines) add(`heading:${heading.line}`, lines);
  }
  return [...groups.values()];
}

/** The outline of a quote's own contents ("> ## 学習時間\n> 1.5h"). */
function quoteBlocks(quote: Blockquote, context: LogContext): Block[] {
  return outlineOf({ type: 'root', children: quote.children as RootContent[] }, context.vocabulary, 1).blocks;
}

/** "### 学習時間: 8h" — a heading that is itself the figure. */
function headingFigure(text: string, line: number, column: number, vocabulary: Vocabulary): Group['lines'] | null {
  const colon = text.search(/[:：]/);
  if (colon < 0 || !labelIn(text.slice(0, colon), vocabulary.metrics.studyMinutes)) return null;
  return [{ text: text.slice(colon + 1).trim(), line, column }];
}

/** A short line without figures that names a study-time section; long lines are text, and skipping them keeps this cheap. */
function isTitle(text: string, vocabulary: Vocabulary): boolean {
  return text.length <= 40 && !/\d/.test(text) && sectionKind(text, vocabulary) === 'studyTime';
}

/**
 * A study-time title that is not a heading, with its figure: a "学習時間" list
 * item with the time nested below it or in the paragraph after the list, or a
 * "学習時間" line with the time on the lines (or the paragraph) after it.
 */
function titledEntries(node: RootContent, following: RootContent | undefined, context: LogContext): Array<[string, Group['lines']]> {
  const { vocabulary } = context;
  const entries: Array<[string, Group['lines']]> = [];
  if (node.type === 'list') {
    node.children.forEach((item, index) => {
      const [first, ...rest] = itemLines(item, context);
      if (!first || !isTitle(first.text, vocabulary)) return;
      const key = String(first.line);
      // "* 学習時間\n3h" without a blank line is one item whose second line is the figure.
      const nested = [...rest, ...item.children.slice(1).flatMap((child) => blockLines(child, context))];
      if (nested.length > 0) entries.push([key, nested]);
      else if (index === node.children.length - 1 && following) entries.push([key, blockLines(following, context)]);
    });
  } else if (node.type === 'paragraph') {
    // A title opens its paragraph: "学習時間\n今日 7h 合計 96h", or a paragraph of its own before the figure.
    const [title, ...rest] = context.linesOf(node);
    if (title && isTitle(title.text, vocabulary)) {
      const key = String(title.line);
      if (rest.length > 0) entries.push([key, rest]);
      else if (following) entries.push([key, blockLines(following, context)]);
    }
  }
  return entries;
}

/** The text lines of a block: paragraphs (in lists and quotes too), table rows and indented or fenced text. */
function blockLines(node: Nodes, context: LogContext): Group['lines'] {
  const lines: Group['lines'] = [];
  for (const inner of descendants(node)) {
    if (inner.type === 'paragraph') lines.push(...context.linesOf(inner));
    else if (inner.type === 'table') {
      const line = inner.position?.start.line ?? 1;
      lines.push(...tableLines(inner).map((text) => ({ text, line, column: 1 })));
    } else if (inner.type === 'code' && inner.position) {
      const values = inner.value.split('\n');
      const fenced = inner.position.end.line - inner.position.start.line + 1 > values.length;
      const first = inner.position.start.line + (fenced ? 1 : 0);
      values.forEach((text, i) => lines.push({ text: text.trim(), line: first + i, column: 1 }));
    }
  }
  return lines;
}

/** A table as lines; with a today/total header row ("| today | total |"), each cell is labelled by its column. */
function tableLines(table: Table): string[] {
  const rows = table.children.map((row) => row.children.map((cell) => plainText(cell as Nodes).trim()));
  const [header, ...body] = rows;
  if (!header) return [];
  const headed = header.some((cell) => /本日|今日|today|累計|合計|total/i.test(cell));
  return headed
    ? body.map((row) => row.map((cell, index) => `${header[index] ?? ''} ${cell}`).join(' / '))
    : rows.map((row) => row.join(' '));
}

/** A running total written under its own heading (## 累積学習時間). */
export function totalSectionMinutes(context: LogContext): number | null {
  for (const block of context.outline.blocks) {
    if (nearestKind(block.trail)?.kind !== 'studyTotal') continue;
    for (const node of descendants(block.node)) {
      if (node.type !== 'paragraph') continue;
      const [first] = parseDurations(context.linesOf(node).map((line) => line.text).join(' / '));
      if (first) return first.minutes;
    }
  }
  return null;
}

function frontmatterStudyTime(frontmatter: Record<string, unknown>, vocabulary: Vocabulary): { minutes: number; approximate: boolean; key: string } | null {
  for (const key of vocabulary.studyTimeKeys) {
    const value = frontmatter[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
      // A bare number is minutes only where the key says so; "study: 3" means three hours.
      return { minutes: Math.round(/minute/i.test(key) ? value : value * 60), approximate: false, key };
    }
    if (typeof value === 'string') {
      const { reading } = readValue(value, true, vocabulary);
      if (reading.kind === 'duration' && reading.value !== null) return { minutes: reading.value, approximate: reading.approximate, key };
    }
  }
  return null;
}

/**
 * The day's study time, wherever a writer puts it: frontmatter, a 学習時間
 * section or title (study-groups.ts), a 学習時間 figure, a `今日: 1.0h` line
 * anywhere, and only where none of these writes a time, clock ranges under a
 * 学習時間 title (9:00〜12:00). Today's part is told from running totals
 * (today-total.ts) and from the other kinds of time a log keeps beside it —
 * planned, difference, week, month, running total (time-kind.ts) — which are
 * never added in. A figure no day can hold is never taken, whether written as
 * one or reached by adding sections up.
 */
import type { Diagnostic } from '../../record/schema.ts';
import { descendants, type LogContext } from '../context.ts';
import { nearestKind } from '../outline.ts';
import { diagnose } from '../../record/rules.ts';
import { parseClockRanges, parseDurations, type Duration, type StudyContext } from '../quantity.ts';
import { todayAndTotal } from '../today-total.ts';
import { labelIn, type Vocabulary } from '../vocabulary.ts';
import { readValue, type PlacedFigure } from './figures.ts';
import { studyGroups, type Group } from './study-groups.ts';
import { DAY_KINDS } from './time-kind.ts';

export interface StudyTime {
  /** null when only a running total was written (or today's figure was left out as impossible). */
  minutes: number | null;
  approximate: boolean;
  total: number | null;
}

interface Reading {
  today: Duration | null;
  total: Duration | null;
  /** Today's figure was there but impossible, and already warned about. */
  implausible?: boolean;
  /** Where today's time is written, and as written, for a warning about the choice or the sum. */
  at?: Group['lines'][number];
  written?: string;
}

type Found = { group: Group; reading: Reading };

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
  const study = fromLog(context, figures, diagnostics);
  // The guard is on the result, whatever path made it: each piece may be possible and their sum not.
  if (study?.minutes != null && study.minutes > vocabulary.maxStudyMinutes) {
    const { at, written } = study.source!;
    diagnostics.push(diagnose('study-time-implausible', at.line, at.column, { written, line: at.text, hours: vocabulary.maxStudyMinutes / 60, summed: true }));
    return { minutes: null, approximate: false, total: study.total };
  }
  return study && { minutes: study.minutes, approximate: study.approximate, total: study.total };
}

type Sourced = StudyTime & { source?: { at: Group['lines'][number]; written: string } };

function fromLog(context: LogContext, figures: readonly PlacedFigure[], diagnostics: Diagnostic[]): Sourced | null {
  const { vocabulary } = context;
  const groups = studyGroups(context);
  // Sections of the day's kinds only: a 予定, 差分, 今週 or 累計 section is never today's time.
  const read: Found[] = groups.filter((group) => DAY_KINDS.includes(group.kind)).map((group) => ({ group, reading: readGroup(group, context, diagnostics) }));
  const totalOf = (): Duration | null =>
    read.find(({ reading }) => reading.total)?.reading.total ??
    groups.filter((group) => group.kind === 'total').map((group) => readGroup(group, context, [], relaxed, true).total).find(Boolean) ??
    null;
  const found = read.filter(({ reading }) => reading.today);
  if (found.length > 0) return withTotal(chooseAmong(found, diagnostics), totalOf());

  // Otherwise the first 学習時間 figure is the day's, then the first 今日: figure that is a time.
  let labelled: Reading | null = null;
  let today: Reading | null = null;
  const unread: Array<{ figure: PlacedFigure['figure']; group: Group }> = [];
  for (const { figure } of figures) {
    const studyLabel = labelIn(figure.label, vocabulary.metrics.studyMinutes);
    const todayLabel = !studyLabel && labelIn(figure.label, vocabulary.metrics.studyToday);
    if (!studyLabel && !todayLabel) continue;
    if (studyLabel && labelled) continue;
    if (todayLabel && (labelled || today)) continue;
    // The label stays with the value, so "Today: 25h" is what a warning quotes and "今日の学習時間" labels today.
    const group: Group = { lines: [{ text: `${figure.label}: ${figure.raw}`, line: figure.line, column: figure.column }], kind: 'plain' };
    const reading = readGroup(group, context, diagnostics, studyLabel ? relaxed : { clock: true });
    if (reading.today) {
      if (studyLabel) labelled = reading;
      else today = reading;
    } else if (studyLabel && !reading.total && !reading.implausible) {
      unread.push({ figure, group });
    }
  }
  const chosen = labelled ?? today;
  if (chosen) return withTotal(sum([chosen]), totalOf());

  // Clock ranges only where no time is written as one: 9:00〜12:00 under 学習時間, **学習時間**: 22:30-1:15.
  const ranged: Found[] = [...read.map(({ group }) => group), ...unread.map(({ group }) => group)]
    .map((group) => ({ group, reading: rangeReading(group, vocabulary) }))
    .filter(({ reading }) => reading.today);
  if (ranged.length > 0) return withTotal(chooseAmong(ranged, diagnostics), totalOf());
  for (const { figure } of unread) diagnostics.push(diagnose('study-time-unreadable', figure.line, figure.column, { label: figure.label, raw: figure.raw }));
  const total = totalOf();
  return total ? { minutes: null, approximate: false, total: total.minutes } : null;
}

function withTotal(study: Sourced, total: Duration | null): Sourced {
  return study.total === null && total ? { ...study, total: total.minutes } : study;
}

/**
 * Today's time among the places that give one: those of the most trusted kind
 * (実績 over 今日 over a plain 学習時間), added up — a section per subject
 * studied adds up; sections of other kinds never join them. When another kind
 * gives a different time, a warning says which was taken.
 */
function chooseAmong(found: readonly Found[], diagnostics: Diagnostic[]): Sourced {
  let chosen: Found[] = [];
  for (const kind of DAY_KINDS) {
    chosen = found.filter(({ group }) => group.kind === kind);
    if (chosen.length > 0) break;
  }
  const result = sum(chosen.map(({ reading }) => reading));
  const others = new Map<string, number>();
  for (const { group, reading } of found) {
    if (!chosen.some((entry) => entry.group === group)) others.set(group.kind, (others.get(group.kind) ?? 0) + reading.today!.minutes);
  }
  if ([...others.values()].some((minutes) => minutes !== result.minutes)) {
    const { at, written } = result.source!;
    const all = found.map(({ reading }) => `"${reading.written}"`).join(', ');
    diagnostics.push(diagnose('study-time-ambiguous', at.line, at.column, { others: all, written, kinds: true }));
  }
  return result;
}

function sum(readings: readonly Reading[]): Sourced {
  let minutes = 0;
  let approximate = false;
  let total: number | null = null;
  for (const reading of readings) {
    minutes += reading.today!.minutes;
    approximate ||= reading.today!.approximate;
    if (reading.total) total = (total ?? 0) + reading.total.minutes;
  }
  const [first] = readings;
  const source = first?.at ? { at: first.at, written: readings.map((reading) => reading.written).join(' + ') } : undefined;
  return { minutes, approximate, total, ...(source ? { source } : {}) };
}

/**
 * Today's time in a group: read strictly first (units required); only when
 * that finds no today's time are clock times and bare numbers taken as hours.
 * A line that opens with 合計 under a time heading is the day's sum. Warns
 * when it cannot tell today's from the others, and drops a time that no day
 * can hold. `quiet` reads a group only for its total.
 */
function readGroup(group: Group, context: LogContext, diagnostics: Diagnostic[], loose: StudyContext = relaxed, quiet = false): Reading {
  const { vocabulary } = context;
  const text = group.lines.map((line) => line.text).join('\n');
  const daySum = { maxMinutes: vocabulary.maxStudyMinutes };
  let durations = parseDurations(text, strict);
  let found = todayAndTotal(text, durations, vocabulary, daySum);
  if (!found.today) {
    const again = parseDurations(text, loose);
    const second = todayAndTotal(text, again, vocabulary, daySum);
    if (second.today || (!found.total && second.total)) [durations, found] = [again, { ...second, total: second.total ?? found.total }];
  }
  const { today, total, ambiguous } = found;
  if (!today || quiet) return { today: null, total: total ?? (quiet ? today : null) };
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
  return { today: { ...today, minutes }, total, at, written };
}

/** The clock ranges of a group added up (11:15 ~ 12:30、13:30 ~ 18:00), leaving out a line that says they are not today's (予定 9:00〜12:00). */
function rangeReading(group: Group, vocabulary: Vocabulary): Reading {
  let minutes = 0;
  let first: { at: Group['lines'][number]; written: string } | null = null;
  for (const line of group.lines) {
    for (const range of parseClockRanges(line.text)) {
      const before = line.text.slice(0, range.index).normalize('NFKC').toLowerCase();
      if (vocabulary.notTodayWords.some((word) => before.includes(word))) continue;
      minutes += range.minutes;
      first ??= { at: line, written: line.text.slice(range.index, range.index + range.length) };
    }
  }
  if (!first || minutes === 0) return { today: null, total: null };
  return { today: { minutes, approximate: false, index: 0, length: 0 }, total: null, at: first.at, written: first.written };
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

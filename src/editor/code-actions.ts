/**
 * The code actions' edits: mark a problem resolved, mark a plan done, fix a
 * date mismatch (rename the file, or write the file name's date in the
 * heading), take a template placeholder out. Each returns plain text edits
 * (or a rename) that leave a log `nisshi check` reads without that finding.
 * Pure: the text and record in, edits out.
 */
import type { Diagnostic, LogRecord } from '../record/schema.ts';
import { hoverTexts } from './hover-texts.ts';
import { utf16Offset, wholeLineRange, type TextChange } from './text-lines.ts';
import type { MessageLanguage } from '../record/messages.ts';

export interface LogAction {
  title: string;
  kind: 'quickfix' | 'refactor';
  /** The finding it fixes, when it fixes one. */
  fixes?: Diagnostic | undefined;
  /** Edits to this log's text. */
  edits: TextChange[];
  /** A new name for the file, in the same folder (fix a date mismatch by renaming). */
  renameTo?: string | undefined;
}

export interface ActionInput {
  record: Pick<LogRecord, 'problems' | 'plans' | 'checklist' | 'struckLines' | 'diagnostics' | 'date'>;
  lines: readonly string[];
  /** The file's name (no folder). */
  fileName: string;
  /** 1-based lines the editor asks about. */
  fromLine: number;
  toLine: number;
  language: MessageLanguage;
}

const STATUS_LINE = '**状態**: 解決済み';
/** The fields of a problem written under its heading (`**現状**: …`), up to the next blank line or heading. */
const FIELD = /^\s*(?:[-*+]\s+)?\*\*[^*]+\*\*\s*[:：]/u;

export function actionsAt(input: ActionInput): LogAction[] {
  const say = hoverTexts(input.language).actions;
  const actions: LogAction[] = [];
  const inRange = (line: number) => line >= input.fromLine && line <= input.toLine;
  for (const problem of input.record.problems) {
    if (!inRange(problem.line) || problem.status === 'resolved') continue;
    actions.push({ title: say.resolveProblem, kind: 'quickfix', edits: [resolveEdit(input.lines, problem.line)] });
  }
  for (const plan of input.record.plans) {
    if (!inRange(plan.line) || input.record.struckLines.includes(plan.line)) continue;
    const text = input.lines[plan.line - 1] ?? '';
    const box = /^(\s*(?:>\s*)*[-*+]\s+)\[ \]/u.exec(text);
    if (box) actions.push({ title: say.markPlanDone, kind: 'quickfix', edits: [{ range: { start: { line: plan.line - 1, character: box[1]!.length }, end: { line: plan.line - 1, character: box[0].length } }, newText: '[x]' }] });
    if (box) {
      const drop = dropEdit(text, plan.line, box[0].length);
      if (drop) actions.push({ title: say.dropPlan, kind: 'quickfix', edits: [drop] });
    }
  }
  for (const diagnostic of input.record.diagnostics) {
    if (!inRange(diagnostic.line)) continue;
    if (diagnostic.rule === 'date-mismatch') actions.push(...dateActions(input, diagnostic, say));
    if (diagnostic.rule === 'template-placeholder') actions.push(...placeholderActions(input, diagnostic, say));
  }
  return actions;
}

/**
 * Giving a plan up in its own line: its text struck through, a trailing aside
 * (（8/1 の計画）) left outside, as the carry-over reads a drop (struckLines).
 */
function dropEdit(text: string, line: number, after: number): TextChange | null {
  const rest = text.slice(after);
  const start = after + (rest.length - rest.trimStart().length);
  let end = text.trimEnd().length;
  const body = text.slice(start, end);
  const aside = /[（(][^（）()]*[）)]$/u.exec(body);
  if (aside && aside.index > 0) end = start + aside.index;
  const words = text.slice(start, end).trimEnd();
  if (words === '' || words.startsWith('~~')) return null;
  return { range: { start: { line: line - 1, character: start }, end: { line: line - 1, character: start + words.length } }, newText: `~~${words}~~` };
}

/** The status line goes after the problem's last field line under its heading (or right under it). */
function resolveEdit(lines: readonly string[], headingLine: number): TextChange {
  let after = headingLine;
  while (after < lines.length && FIELD.test(lines[after] ?? '')) after++;
  const last = lines[after - 1] ?? '';
  // Lines ending in two spaces or a backslash break; a plain run of `**x**:` lines is one paragraph, read field by field.
  return { range: { start: { line: after - 1, character: last.length }, end: { line: after - 1, character: last.length } }, newText: `\n${STATUS_LINE}` };
}

/** A date as the line writes it: 2025-08-03, 2025/08/03, 2025年8月3日 (with or without zeros). */
const DATE_ON_LINE = /(\d{4})([-/年])(\d{1,2})([-/月])(\d{1,2})(日?)/u;
const DATE_IN_NAME = /\d{4}-\d{2}-\d{2}/u;

function dateActions(input: ActionInput, diagnostic: Diagnostic, say: ReturnType<typeof hoverTexts>['actions']): LogAction[] {
  const date = input.record.date;
  const pathDate = DATE_IN_NAME.exec(input.fileName)?.[0];
  const actions: LogAction[] = [];
  if (date && pathDate) {
    const renamed = input.fileName.replace(DATE_IN_NAME, date);
    if (renamed !== input.fileName) actions.push({ title: say.renameFile(renamed), kind: 'quickfix', fixes: diagnostic, edits: [], renameTo: renamed });
  }
  const line = input.lines[diagnostic.line - 1] ?? '';
  const found = DATE_ON_LINE.exec(line);
  if (pathDate && found) {
    const [year, month, day] = pathDate.split('-');
    const pad = found[3]!.length === 2 || found[5]!.length === 2;
    const written = `${year}${found[2]}${pad ? month : Number(month)}${found[4]}${pad ? day : Number(day)}${found[6]}`;
    actions.push({
      title: say.fixDate(written),
      kind: 'quickfix',
      fixes: diagnostic,
      edits: [{ range: { start: { line: diagnostic.line - 1, character: found.index }, end: { line: diagnostic.line - 1, character: found.index + found[0].length } }, newText: written }],
    });
  }
  return actions;
}

function placeholderActions(input: ActionInput, diagnostic: Diagnostic, say: ReturnType<typeof hoverTexts>['actions']): LogAction[] {
  const line = input.lines[diagnostic.line - 1] ?? '';
  const actions: LogAction[] = [{ title: say.deletePlaceholderLine, kind: 'quickfix', fixes: diagnostic, edits: [{ range: wholeLineRange(input.lines, diagnostic.line), newText: '' }] }];
  const match = /（[^（）]*）/u.exec(line.slice(utf16Offset(line, diagnostic.column)));
  // A placeholder beside the writer's own words: take out only the placeholder.
  const start = utf16Offset(line, diagnostic.column);
  const rest = (line.slice(0, start) + line.slice(start + (match?.[0].length ?? 0))).replace(/^\s*(?:[-*+]\s+)?(?:\[[ xX]\]\s*)?(?:#+\s*)?(?:[✅❌]\s*)?(?:\*\*)?/u, '').replace(/\*\*$/u, '');
  if (match && match.index === 0 && rest.trim() !== '' && !/[:：]\s*$/u.test(rest)) {
    actions.push({ title: say.removePlaceholder(match[0]), kind: 'quickfix', fixes: diagnostic, edits: [{ range: { start: { line: diagnostic.line - 1, character: start }, end: { line: diagnostic.line - 1, character: start + match[0].length } }, newText: '' }] });
  }
  return actions;
}

/** The text with edits made (all ranges in the original text, none overlapping): what a client does with a WorkspaceEdit. */
export function applyChanges(text: string, edits: readonly TextChange[]): string {
  const lines = text.split('\n');
  const offsetOf = (position: { line: number; character: number }) => {
    let offset = 0;
    for (let index = 0; index < position.line && index < lines.length; index++) offset += lines[index]!.length + 1;
    return offset + position.character;
  };
  const sorted = [...edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offsetOf(edit.range.start)) + edit.newText + result.slice(offsetOf(edit.range.end));
  return result;
}

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
import { dropEdit } from '../edit/drop-edit.ts';
import { withoutCarriedAside } from '../parse/extract/carried.ts';
import type { ReadSettings } from '../parse/read-settings.ts';

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
  record: Pick<LogRecord, 'problems' | 'plans' | 'checklist' | 'drops' | 'diagnostics' | 'date'>;
  /** The log's text, and its lines (text-lines.ts linesOf). */
  text: string;
  lines: readonly string[];
  /** The log's path as its record names it (src/edit/drop-edit.ts reads the text as that file). */
  path: string;
  settings?: ReadSettings | undefined;
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
    if (!inRange(plan.line) || input.record.drops.some((drop) => drop.line === plan.line)) continue;
    const text = input.lines[plan.line - 1] ?? '';
    const box = /^(\s*(?:>\s*)*[-*+]\s+)\[ \]/u.exec(text);
    if (box) actions.push({ title: say.markPlanDone, kind: 'quickfix', edits: [{ range: { start: { line: plan.line - 1, character: box[1]!.length }, end: { line: plan.line - 1, character: box[0].length } }, newText: '[x]' }] });
    const drop = dropAction(input, plan.text, say.dropPlan);
    if (drop) actions.push(drop);
  }
  // A carried task (（8/1 の計画）, 未完了（12/6）) left open can be given up too.
  for (const item of input.record.checklist) {
    if (!inRange(item.line) || item.done || !item.carried || input.record.plans.some((plan) => plan.line === item.line) || input.record.drops.some((drop) => drop.line === item.line)) continue;
    const drop = dropAction(input, withoutCarriedAside(item.text), say.dropPlan);
    if (drop) actions.push(drop);
  }
  for (const diagnostic of input.record.diagnostics) {
    if (!inRange(diagnostic.line)) continue;
    if (diagnostic.rule === 'date-mismatch') actions.push(...dateActions(input, diagnostic, say));
    if (diagnostic.rule === 'template-placeholder') actions.push(...placeholderActions(input, diagnostic, say));
  }
  return actions;
}

/** Giving a plan or task up: the one drop edit `nisshi drop` makes (src/edit/drop-edit.ts), its line struck through. */
function dropAction(input: ActionInput, text: string, title: string): LogAction | null {
  const result = dropEdit(input.text, { text }, { path: input.path, settings: input.settings, date: input.record.date ?? undefined });
  return result.kind === 'edit' ? { title, kind: 'quickfix', edits: [result.edit] } : null;
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

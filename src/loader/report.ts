/**
 * What the loader tells the writer, in the `path:line:column: severity message
 * [rule]` lines of `nisshi check`, so an editor can jump from either.
 */
import path from 'node:path';
import { AstroError } from 'astro/errors';
import { messages, type MessageLanguage } from '../record/messages.ts';
import { byPosition, formatDiagnosticLine, locate, type LocatedDiagnostic } from '../record/diagnostic-lines.ts';
import type { LogOutcome } from './sync-log.ts';

export interface LoadReport {
  errors: LocatedDiagnostic[];
  warnings: LocatedDiagnostic[];
}

/** Every file's findings, files in path order and top to bottom within a file. */
export function collectFindings(outcomes: readonly LogOutcome[]): LoadReport {
  const sorted = [...outcomes].sort((a, b) => compare(a.location.relativePath, b.location.relativePath));
  const errors: LocatedDiagnostic[] = [];
  const warnings: LocatedDiagnostic[] = [];
  for (const outcome of sorted) {
    const located = outcome.diagnostics.map((diagnostic) => locate(outcome.location.relativePath, diagnostic));
    for (const diagnostic of located.sort(byPosition)) {
      (diagnostic.severity === 'error' ? errors : warnings).push(diagnostic);
    }
  }
  return { errors, warnings };
}

/**
 * One error that lists every error of every log: the build stops on it, and
 * `astro dev` shows it, so the writer sees all there is to fix at once. Its
 * location is the first error's line, so Astro shows that part of the log; it
 * has no stack, because the writer's file, not nisshi's code, is what to fix.
 */
export function logErrorsError(errors: readonly LocatedDiagnostic[], rootDir: string, language: MessageLanguage = 'en'): AstroError {
  const files = new Set(errors.map((error) => error.path)).size;
  const say = messages(language);
  const heading = language === 'en' ? `${count(errors.length, 'error')} in ${count(files, 'log')}:` : say.logErrorsHeading(errors.length, files);
  const error = new AstroError(
    [heading, ...errors.map(formatDiagnosticLine)].join('\n'),
    language === 'en' ? 'Fix the lines above (`nisshi check` lists the same problems). Warnings do not stop the build; errors do.' : say.logErrorsHint,
  );
  error.name = 'NisshiLogError';
  error.stack = '';
  const first = errors[0];
  if (first) Object.assign(error, { loc: { file: path.resolve(rootDir, first.path), line: first.line, column: first.column } });
  return error;
}

export function formatFinding(diagnostic: LocatedDiagnostic): string {
  return formatDiagnosticLine(diagnostic);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

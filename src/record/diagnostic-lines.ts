/**
 * Pure formatting of findings, as `nisshi check` and `npm run build` print them:
 * no I/O, so every line nisshi prints about
 * a log is pinned down by unit tests.
 */
import type { Diagnostic, Severity } from './schema.ts';

/** A diagnostic together with the file it belongs to; key order is the JSON output's. */
export interface LocatedDiagnostic {
  path: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
  rule: string;
}

export function locate(path: string, diagnostic: Diagnostic): LocatedDiagnostic {
  const { line, column, severity, message, rule } = diagnostic;
  return { path, line, column, severity, message, rule };
}

/** `path:line:column: severity message [rule]`, the shape editors and CI annotators jump from. */
export function formatDiagnosticLine(diagnostic: LocatedDiagnostic): string {
  const { path, line, column, severity, message, rule } = diagnostic;
  return `${path}:${line}:${column}: ${severity} ${message} [${rule}]`;
}

/** Orders one file's diagnostics top to bottom; stable, so equal positions keep the parser's order. */
export function byPosition(a: LocatedDiagnostic, b: LocatedDiagnostic): number {
  return a.line - b.line || a.column - b.column;
}

export interface CheckCounts {
  files: number;
  errors: number;
  warnings: number;
}

export function countFindings(files: number, diagnostics: readonly LocatedDiagnostic[]): CheckCounts {
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') errors++;
    else warnings++;
  }
  return { files, errors, warnings };
}

/** e.g. `3 files checked: 1 error, 2 warnings`. */
export function formatSummary(counts: CheckCounts): string {
  return (
    `${plural(counts.files, 'file')} checked: ` +
    `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * Every check nisshi makes of a log, by its stable rule id, with its severity
 * and the text of its message. Diagnostics are made only through here
 * (`diagnose`), so a rule id cannot be misspelt in one file, and the words a
 * writer reads live in one table (the base of a translated catalogue later).
 * Messages say what is wrong and what to do about it.
 */
import type { Diagnostic, Severity } from './schema.ts';

interface RuleDefinition<P> {
  severity: Severity;
  /** What the rule checks, for documentation and `nisshi check --help`-like listings. */
  summary: string;
  message(params: P): string;
}

function rule<P = Record<string, never>>(definition: RuleDefinition<P>): RuleDefinition<P> {
  return definition;
}

export const rules = {
  'encoding': rule<{ byte: string; offset: number }>({
    severity: 'error',
    summary: 'the file is not UTF-8',
    message: ({ byte, offset }) => `not valid UTF-8 (byte 0x${byte} at offset ${offset}); save the log as UTF-8`,
  }),
  'frontmatter-unclosed': rule({
    severity: 'error',
    summary: 'frontmatter opened with "---" and never closed',
    message: () => 'frontmatter starts with "---" but has no closing "---" line; add one after the last key',
  }),
  'frontmatter-yaml': rule<{ reason: string | null }>({
    severity: 'error',
    summary: 'frontmatter that is not a YAML mapping',
    message: ({ reason }) =>
      reason === null
        ? 'frontmatter must be "key: value" lines (a YAML mapping)'
        : `frontmatter is not valid YAML: ${reason}; fix the line or quote the value`,
  }),
  'frontmatter-toml': rule({
    severity: 'error',
    summary: 'TOML frontmatter ("+++"), which nisshi does not read',
    message: () =>
      'this log starts with TOML frontmatter ("+++"), which nisshi does not read (a draft setting in it would be lost); ' +
      'write it as YAML between "---" lines on the first line (draft: true, tags: [a, b])',
  }),
  'frontmatter-not-first': rule<{ why: string; from: number; to: number }>({
    severity: 'warning',
    summary: 'frontmatter that does not start on the first line',
    message: ({ why, from, to }) => `frontmatter ${why}: nisshi read lines ${from}–${to} as frontmatter; put "---" alone on the very first line`,
  }),
  'frontmatter-alias': rule<{ anchor: string }>({
    severity: 'error',
    summary: 'YAML anchors and aliases in the frontmatter',
    message: ({ anchor }) =>
      `frontmatter uses the YAML anchor "&${anchor}"; nisshi does not read anchors and aliases (*${anchor}), ` +
      'which can make a few lines stand for gigabytes: write each value out',
  }),
  'frontmatter-tags': rule({
    severity: 'warning',
    summary: 'tags that are neither a list nor a string',
    message: () => 'tags should be a list (tags: [aws, lambda]) or a comma-separated string',
  }),
  'frontmatter-draft': rule<{ key: string; value: string; draft: boolean }>({
    severity: 'warning',
    summary: 'a draft flag that is not true or false, or a draft-like key other than "draft"',
    message: ({ key, value, draft }) =>
      key === 'draft'
        ? `draft should be true or false, not "${value}"; nisshi treats this log as ${draft ? 'a draft' : 'published'}`
        : `"${key}: ${value}" reads as a draft, so this log is not published; write "draft: true" (or remove the key and write "draft: false" to publish it)`,
  }),
  'tag-not-a-page': rule<{ tag: string; problem: string }>({
    severity: 'error',
    summary: 'a tag that cannot be a page name under /tags/',
    message: ({ tag, problem }) =>
      `tag ${JSON.stringify(tag)} cannot be a page under /tags/ (${problem}); ` +
      'rename it without "/", "\\", "%", "?", "#" or control characters, and not "." or ".."',
  }),
  'log-too-large': rule<{ size: string; limit: string; settingsFile: string }>({
    severity: 'error',
    summary: 'a log over the size limit (maxLogBytes)',
    message: ({ size, limit, settingsFile }) =>
      `this log is ${size}, over the limit of ${limit}: nisshi did not read it; split it into smaller logs, or raise maxLogBytes in ${settingsFile}`,
  }),
  'nesting-too-deep': rule<{ depth: string; limit: number; settingsFile: string }>({
    severity: 'error',
    summary: 'quotes, lists or inline marks nested deeper than maxNesting',
    message: ({ depth, limit, settingsFile }) =>
      `quotes, lists or inline marks here are nested ${depth} levels deep, over the limit of ${limit}: ` +
      `nisshi did not read this log; flatten the nesting, or raise maxNesting in ${settingsFile}`,
  }),
  'invalid-date': rule<{ value: string }>({
    severity: 'error',
    summary: 'a frontmatter date that is not a date',
    message: ({ value }) => `frontmatter date "${value}" is not a date; write it as YYYY-MM-DD`,
  }),
  'no-date': rule({
    severity: 'error',
    summary: 'no date in the frontmatter, the first heading or the file name',
    message: () =>
      'no date found: add "date: YYYY-MM-DD" to the frontmatter, a date to the first heading (# 2025年8月3日), or name the file YYYY-MM-DD.md',
  }),
  'date-mismatch': rule<{ source: string; date: string; pathDate: string }>({
    severity: 'warning',
    summary: 'the log says another day than its file name',
    message: ({ source, date, pathDate }) =>
      `the ${source} says ${date} but the file name says ${pathDate}; nisshi uses ${date} — rename the file or fix the date if that is wrong`,
  }),
  'heading-missing-space': rule<{ text: string }>({
    severity: 'warning',
    summary: '"##見出し" without the space Markdown needs',
    message: ({ text }) => `"${text}" is not a heading in Markdown; put a space after the #`,
  }),
  'count-mismatch': rule<{ label: string; raw: string; count: number }>({
    severity: 'warning',
    summary: 'a declared problem count that differs from the problems written',
    message: ({ label, raw, count }) =>
      `${label} says ${raw} but the log has ${count} problem(s) written as "問題N: …"; correct the count or the problem headings`,
  }),
  'study-time-unreadable': rule<{ label: string; raw: string }>({
    severity: 'warning',
    summary: 'a study time nisshi cannot read',
    message: ({ label, raw }) => `${label} "${raw}" is not a time nisshi can read; write it like 2時間30分, 1.5h or 90分`,
  }),
  'duplicate-slug': rule<{ slug: string; others: string }>({
    severity: 'error',
    summary: 'two published logs that would share one page',
    message: ({ slug, others }) =>
      `slug "${slug}" is also used by ${others}; two logs would share one page: merge them, or rename one so its slug differs`,
  }),
  'link-outside-logs': rule<{ target: string }>({
    severity: 'error',
    summary: 'a symbolic link to a file outside the logs folder',
    message: ({ target }) =>
      `this is a link to ${target}, outside the logs folder; nisshi did not read it: move or copy the log into the logs folder, or remove the link`,
  }),
  'internal-error': rule<{ reason: string }>({
    severity: 'error',
    summary: 'nisshi failed on this log (a bug of ours)',
    message: ({ reason }) => `nisshi could not read this log (${reason}); please report this with the file`,
  }),
  'render-error': rule<{ reason: string }>({
    severity: 'error',
    summary: 'the site could not render this log as HTML (a bug of ours)',
    message: ({ reason }) => `nisshi could not render this log as HTML (${reason}); please report this with the file`,
  }),
} as const;

export type RuleId = keyof typeof rules;
type ParamsOf<R extends RuleId> = Parameters<(typeof rules)[R]['message']>[0];

export function ruleMessage<R extends RuleId>(id: R, params: ParamsOf<R>): string {
  return (rules[id].message as (params: ParamsOf<R>) => string)(params);
}

/** A diagnostic of rule `id` at a place in the file, with the rule's severity and message. */
export function diagnose<R extends RuleId>(id: R, line: number, column: number, ...params: ParamsOf<R> extends Record<string, never> ? [] : [ParamsOf<R>]): Diagnostic {
  const message = ruleMessage(id, (params[0] ?? {}) as ParamsOf<R>);
  return { severity: rules[id].severity, rule: id, line, column, message };
}

/**
 * The draft rule: which logs are drafts, and what a draft gets — no page.
 *
 * A writer who wrote `Draft: true`, `drafts: yes` or `下書き: true` meant a
 * draft just as much as one who wrote `draft: true`; so did one who wrote
 * `published: false`. Any of them keeps the log off the site, with a warning
 * when the key is not nisshi's own spelling. Anything but a clear "not a
 * draft" counts as a draft: a draft must never leak. A `draft: true` line
 * that ended up in the body (a frontmatter block after the title, say) still
 * makes a draft, with a warning (strayDraftLine).
 *
 * `nisshi check` and the site's loader share pageSlug: a draft gets no page,
 * so it never takes part in slug collisions. A draft may share its slug with
 * a published log (say, tomorrow's rewrite of today's log); only two logs
 * that would both be published under one slug clash.
 */
import type { Diagnostic, LogRecord } from '../record/schema.ts';
import { diagnose } from '../record/rules.ts';
import { DRAFT_KEYS, FALSE_WORDS, PUBLISH_KEYS, TRUE_WORDS } from './draft-words.ts';
import { keyLine, type Frontmatter } from './frontmatter.ts';

/** A frontmatter key as the draft rule compares it. */
export function foldDraftKey(key: string): string {
  return key.normalize('NFKC').toLowerCase().replace(/[\s_-]/g, '');
}

export function readDraft(frontmatter: Frontmatter): { draft: boolean; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let draft = false;
  for (const [key, value] of Object.entries(frontmatter.data)) {
    const folded = foldDraftKey(key);
    const meansDraft = DRAFT_KEYS.has(folded);
    if (!meansDraft && !PUBLISH_KEYS.has(folded)) continue;
    if (value === undefined || value === null) continue;
    const yes = typeof value === 'boolean' ? value : !FALSE_WORDS.test(String(value).trim());
    const isDraft = meansDraft ? yes : typeof value === 'boolean' ? !value : !TRUE_WORDS.test(String(value).trim());
    draft ||= isDraft;
    if (key === 'draft' && typeof value === 'boolean') continue;
    const line = keyLine(frontmatter, key);
    if (key === 'draft' || isDraft) diagnostics.push(diagnose('frontmatter-draft', line, 1, { key, value: String(value), draft: isDraft }));
  }
  return { draft, diagnostics };
}

/** A `key: value` line split at its first colon (either width), quotes around the value taken off; null when it is none. */
function settingLine(line: string): { key: string; value: string } | null {
  const at = line.search(/[:：]/);
  if (at <= 0) return null;
  const key = line.slice(0, at).trim();
  let value = line.slice(at + 1).trim();
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) value = value.slice(1, -1).trim();
  // A key starts with a letter: not a list item, a quote, a comment or a heading mark.
  return /^\p{L}/u.test(key) ? { key, value } : null;
}

/**
 * Whether a line of the body reads as a frontmatter line that makes a draft
 * (`draft: true`, `下書き: yes`, `published: false`): one that the writer meant
 * for the frontmatter but that did not end up in it.
 */
export function strayDraftLine(line: string): boolean {
  const setting = settingLine(line);
  if (!setting) return false;
  const key = foldDraftKey(setting.key);
  return (DRAFT_KEYS.has(key) && TRUE_WORDS.test(setting.value)) || (PUBLISH_KEYS.has(key) && FALSE_WORDS.test(setting.value));
}

/** The slug a record's page is published under, or null when it gets no page (a draft). */
export function pageSlug(record: Pick<LogRecord, 'slug' | 'draft'>): string | null {
  return record.draft ? null : record.slug;
}

/**
 * Whether a log is a draft. A writer who wrote `Draft: true`, `drafts: yes` or
 * `下書き: true` meant a draft just as much as one who wrote `draft: true`; so
 * did one who wrote `published: false`. Any of them keeps the log off the
 * site, with a warning when the key is not nisshi's own spelling. Anything but
 * a clear "not a draft" counts as a draft: a draft must never leak.
 */
import type { Diagnostic } from '../record/schema.ts';
import { diagnostic, keyLine, type Frontmatter } from './frontmatter.ts';

/** Keys meaning "this is a draft", compared after NFKC, lower case, without spaces, `-` and `_`. */
const DRAFT_KEYS = new Set(['draft', 'drafts', 'isdraft', '下書き', 'したがき', 'ドラフト', '草稿', '非公開', 'private', 'unpublished']);
/** Keys meaning "publish this": false there means a draft. */
const PUBLISH_KEYS = new Set(['published', 'publish', 'public', '公開']);

const FALSE_WORDS = /^(?:false|no|off|0)$/i;
const TRUE_WORDS = /^(?:true|yes|on|1)$/i;

export function readDraft(frontmatter: Frontmatter): { draft: boolean; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let draft = false;
  for (const [key, value] of Object.entries(frontmatter.data)) {
    const folded = key.normalize('NFKC').toLowerCase().replace(/[\s_-]/g, '');
    const meansDraft = DRAFT_KEYS.has(folded);
    if (!meansDraft && !PUBLISH_KEYS.has(folded)) continue;
    if (value === undefined || value === null) continue;
    const yes = typeof value === 'boolean' ? value : !FALSE_WORDS.test(String(value).trim());
    const isDraft = meansDraft ? yes : typeof value === 'boolean' ? !value : !TRUE_WORDS.test(String(value).trim());
    draft ||= isDraft;
    if (key === 'draft' && typeof value === 'boolean') continue;
    const line = keyLine(frontmatter, key);
    if (key === 'draft') {
      diagnostics.push(diagnostic('warning', 'frontmatter-draft', line, 1,
        `draft should be true or false, not "${String(value)}"; nisshi treats this log as ${isDraft ? 'a draft' : 'published'}`));
    } else if (isDraft) {
      diagnostics.push(diagnostic('warning', 'frontmatter-draft', line, 1,
        `"${key}: ${String(value)}" reads as a draft, so this log is not published; write "draft: true" (or remove the key and write "draft: false" to publish it)`));
    }
  }
  return { draft, diagnostics };
}

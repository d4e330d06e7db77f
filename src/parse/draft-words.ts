/**
 * The words of the draft rule (draft.ts): the frontmatter keys that mean "a
 * draft" or "publish", and the values that are a clear yes or no. Data only,
 * so the leak audit's own reading of drafts (src/deploy/private-text.ts) can
 * share the words without sharing the code that reads the frontmatter.
 */

/** Keys meaning "this is a draft", compared after NFKC, lower case, without spaces, `-` and `_`. */
export const DRAFT_KEYS: ReadonlySet<string> = new Set(['draft', 'drafts', 'isdraft', '下書き', 'したがき', 'ドラフト', '草稿', '非公開', 'private', 'unpublished']);
/** Keys meaning "publish this": false there means a draft. */
export const PUBLISH_KEYS: ReadonlySet<string> = new Set(['published', 'publish', 'public', '公開']);

export const FALSE_WORDS = /^(?:false|no|off|0)$/i;
export const TRUE_WORDS = /^(?:true|yes|on|1)$/i;

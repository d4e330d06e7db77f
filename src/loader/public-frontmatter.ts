/**
 * What of a log's frontmatter reaches the site. Writers keep notes to
 * themselves in frontmatter (a mood, a private link, an employer's ticket
 * number); only the keys nisshi reads, and those the settings name as public,
 * go into the content store — and so into /data/logs/<year>.json and the pages. The
 * rest stay in the repository. `nisshi parse` still shows every key: it runs
 * on the writer's own machine.
 */
import { resolveVocabulary, type VocabularyOverrides } from '../parse/vocabulary.ts';

/** The keys nisshi itself reads from frontmatter (study-time keys come from the vocabulary). */
export const KNOWN_FRONTMATTER_KEYS: readonly string[] = ['date', 'title', 'tags', 'draft'];

export function publicFrontmatter(
  frontmatter: Readonly<Record<string, unknown>>,
  publicKeys: readonly string[],
  vocabulary?: VocabularyOverrides,
): Record<string, unknown> {
  const allowed = new Set([...KNOWN_FRONTMATTER_KEYS, ...resolveVocabulary(vocabulary).studyTimeKeys, ...publicKeys]);
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(frontmatter)) if (allowed.has(key)) kept[key] = value;
  return kept;
}

/**
 * What of a log's frontmatter reaches the site: only the keys nisshi reads,
 * and those the settings name as public, go into the content store — and so
 * into /data/logs/<year>.json and the pages — and of them only the shapes the
 * schema knows (src/parse/frontmatter-shape.ts, which also warns about what
 * it leaves out). The rest stay in the repository.
 */
import { publishedFrontmatter, publishedKeys } from '../parse/frontmatter-shape.ts';
import type { VocabularyOverrides } from '../parse/vocabulary.ts';

export function publicFrontmatter(
  frontmatter: Readonly<Record<string, unknown>>,
  publicKeys: readonly string[],
  vocabulary?: VocabularyOverrides,
): Record<string, unknown> {
  return publishedFrontmatter(frontmatter, publishedKeys(publicKeys, vocabulary)).kept;
}

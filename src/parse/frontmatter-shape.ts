/**
 * What of a log's frontmatter may reach the site: the keys nisshi reads (and
 * the study-time keys of the vocabulary), those the settings name as public
 * (`publicFrontmatter`), and of their values only the shapes the record's
 * schema knows — text, numbers, true/false and lists of those (dates stay
 * text: the YAML core schema). A mapping, or a list inside a list, is dropped
 * with a warning (rule frontmatter-nested): a writer who tucked
 * `tags: [ok, {secret: …}]` or a mapping under a study-time key into the
 * frontmatter did not mean to publish what is inside. `nisshi parse` still
 * shows the frontmatter whole: it runs on the writer's own machine.
 */
import { resolveVocabulary, type VocabularyOverrides } from './vocabulary.ts';

/** The keys nisshi itself reads from frontmatter (study-time keys come from the vocabulary). */
export const KNOWN_FRONTMATTER_KEYS: readonly string[] = ['date', 'title', 'tags', 'draft'];

export type PlainValue = string | number | boolean | null;

function isPlain(value: unknown): value is PlainValue {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** The keys whose values are published. */
export function publishedKeys(publicKeys: readonly string[] = [], vocabulary?: VocabularyOverrides): Set<string> {
  return new Set([...KNOWN_FRONTMATTER_KEYS, ...resolveVocabulary(vocabulary).studyTimeKeys, ...publicKeys]);
}

export interface PublishedFrontmatter {
  /** The published keys with their plain values (lists keep their plain items). */
  kept: Record<string, PlainValue | PlainValue[]>;
  /** Published keys whose value held something nested, which was left out. */
  nested: string[];
}

export function publishedFrontmatter(data: Readonly<Record<string, unknown>>, keys: ReadonlySet<string>): PublishedFrontmatter {
  const kept: PublishedFrontmatter['kept'] = {};
  const nested: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (!keys.has(key)) continue;
    if (isPlain(value)) {
      kept[key] = value;
    } else if (Array.isArray(value)) {
      const plain = value.filter(isPlain);
      if (plain.length !== value.length) nested.push(key);
      kept[key] = plain;
    } else {
      nested.push(key);
    }
  }
  return { kept, nested };
}

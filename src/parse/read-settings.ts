/**
 * The settings that change what a log means, apart from the reading itself so
 * that what keys a stored record (the record index, the loader's entries) can
 * be known without loading the parser.
 */
import { messageLanguage, type MessageLanguage } from '../record/messages.ts';
import type { VocabularyOverrides } from './vocabulary.ts';

/** The settings that change what a log means (a subset of the site's settings: any superset may be passed). */
export interface ReadSettings {
  /** Heading names and labels, where the writer's differ from nisshi's defaults. */
  vocabulary?: VocabularyOverrides | undefined;
  /** Headings that make a section private (besides one ending with 🔒); default 非公開, private. */
  privateHeadings?: readonly string[] | undefined;
  /** The site's language tag: diagnostics' messages follow it (record/messages.ts). */
  locale?: string | undefined;
  /** The language of messages, resolved at the edge (NISSHI_LANG over locale); wins over locale. */
  messages?: MessageLanguage | undefined;
  /** Largest log read, in bytes (default 1 MiB): a larger one is refused before parsing. */
  maxLogBytes?: number | undefined;
  /** Deepest nesting of quotes, lists and inline marks (default 100): a deeper log is refused. */
  maxNesting?: number | undefined;
  /** Frontmatter keys published besides nisshi's own: a nested value under one is left out with a warning. */
  publicFrontmatter?: readonly string[] | undefined;
}

/** The part of the site's settings that readLog uses: only these make a stored entry stale when they change. */
export function readSettingsOf(settings: ReadSettings): ReadSettings {
  return {
    vocabulary: settings.vocabulary,
    maxLogBytes: settings.maxLogBytes,
    maxNesting: settings.maxNesting,
    privateHeadings: settings.privateHeadings,
    publicFrontmatter: settings.publicFrontmatter,
    messages: settings.messages ?? messageLanguage(settings.locale),
  };
}


/**
 * readLog: the one way a log's text becomes its record, for `nisshi parse`,
 * `nisshi check` and the site alike. BOM, frontmatter, blanking, the VFile,
 * the vocabulary and positions are handled here once; the only thing a caller
 * chooses is the function that builds the Markdown tree (remark for the CLI,
 * Sätteri in the site's loader). extractLog normalises the tree first
 * (tree-parity.ts), so both builders give the same record.
 *
 * It never throws: a bug of ours becomes an `internal-error` diagnostic on the
 * file rather than a lost log.
 */
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import type { Diagnostic, LogRecord } from '../record/schema.ts';
import { messageLanguage, type MessageLanguage } from '../record/messages.ts';
import type { ReadSettings } from './read-settings.ts';
import { diagnose, localizeDiagnostic } from '../record/rules.ts';
import { extractLog } from './extract-log.ts';
import { blankFrontmatter, readFrontmatter, type Frontmatter } from './frontmatter.ts';
import { inputLimitDiagnostic, resolveLimits, treeNestingDiagnostic, type InputLimits } from './limits.ts';
import { placeholderDiagnostics } from './placeholders.ts';
import { DEFAULT_PRIVATE_HEADINGS, dropPrivateNotes, type PrivatePassage } from './private-notes.ts';
import { isRefused, refusedRecord } from './refused-record.ts';
import { normalizeText, normalizeTree } from './tree-parity.ts';
import { resolveVocabulary, type Vocabulary, type VocabularyOverrides } from './vocabulary.ts';

export { readSettingsOf, type ReadSettings } from './read-settings.ts';

export interface ReadLogOptions {
  /** The log's path, as given (relative, with `/`): it names the record (source, slug) and may carry its date. */
  path: string;
  settings?: ReadSettings | undefined;
  /** Keep private notes in (`nisshi parse --include-private`, the leak audit): never for the site. */
  includePrivate?: boolean | undefined;
}

/** Builds the mdast tree of a log's Markdown (frontmatter already blanked); may throw. */
export type TreeBuilder = (markdown: string) => Root;

export interface ReadLog {
  record: LogRecord;
  /** The tree the record was read from, for rendering; null when reading failed. */
  tree: Root | null;
  /** The Markdown after the frontmatter: the content entry's `body`. */
  body: string;
  /** The private passages blanked out of the text (lines of the whole file); empty with includePrivate. */
  privatePassages: PrivatePassage[];
}

export function readLog(text: string, options: ReadLogOptions, buildTree: TreeBuilder): ReadLog {
  const path = options.path;
  try {
    const prepared = prepareLog(text, options);
    // Too large, or visibly nested too deep: refused before any parser sees it.
    if ('refusal' in prepared) return { record: refusedRecord(path, [prepared.refusal]), tree: null, body: '', privatePassages: [] };
    const { frontmatter, visible, passages, limits } = prepared;
    const file = new VFile({ value: visible, path: path || undefined });
    file.data.nisshiFrontmatter = frontmatter;
    const tree = buildTree(blankFrontmatter(visible, frontmatter));
    const record = extractLog(tree, file, vocabularyFor(options.settings?.vocabulary), limits);
    record.source = path;
    const language = options.settings?.messages ?? messageLanguage(options.settings?.locale);
    // A tree nested too deep is not walked by the renderer either.
    if (isRefused(record)) return { record: localized(record, language), tree: null, body: '', privatePassages: passages };
    for (const passage of passages) {
      if (passage.unclosed) record.diagnostics.push(diagnose('private-unclosed', passage.startLine, 1));
    }
    record.diagnostics.push(...placeholderDiagnostics(visible, frontmatter.lineCount));
    return { record: localized(record, language), tree, body: bodyAfter(visible, frontmatter.lineCount), privatePassages: passages };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { record: refusedRecord(path, [diagnose('internal-error', 1, 1, { reason })]), tree: null, body: '', privatePassages: [] };
  }
}

/**
 * The tree readLog would give for a log whose record is already known (the
 * record index holds it): built from the same text, private notes blanked,
 * and normalised as extractLog normalises it, for rendering. Null where
 * readLog gives no tree. May throw, as the tree builder may.
 */
export function readLogTree(text: string, options: ReadLogOptions, buildTree: TreeBuilder): Root | null {
  const prepared = prepareLog(text, options);
  if ('refusal' in prepared) return null;
  const tree = buildTree(blankFrontmatter(prepared.visible, prepared.frontmatter));
  if (treeNestingDiagnostic(tree, prepared.limits)) return null;
  return normalizeTree(tree);
}

type PreparedLog =
  | { refusal: Diagnostic }
  | { frontmatter: Frontmatter; visible: string; passages: PrivatePassage[]; limits: InputLimits };

/** What readLog and readLogTree read before any tree is built: the limits, the frontmatter, the text without private notes. */
function prepareLog(text: string, options: ReadLogOptions): PreparedLog {
  const clean = normalizeText(String(text ?? '')).replace(/^\ufeff/, '');
  const limits = resolveLimits({ maxLogBytes: options.settings?.maxLogBytes, maxNesting: options.settings?.maxNesting });
  const refusal = inputLimitDiagnostic(clean, limits);
  if (refusal) return { refusal };
  const frontmatter = readFrontmatter(clean);
  // Private notes go before anything reads the text (private-notes.ts): only the body can hold them.
  const { text: visible, passages } = options.includePrivate
    ? { text: clean, passages: [] }
    : withoutPrivateNotes(clean, frontmatter.lineCount, options.settings?.privateHeadings);
  return { frontmatter, visible, passages, limits };
}

/** Resolved vocabularies by their JSON: worker threads receive a fresh copy of the settings with every log. */
const vocabularies = new Map<string, Vocabulary>();

function vocabularyFor(partial: VocabularyOverrides | undefined): Vocabulary {
  const key = JSON.stringify(partial ?? {});
  let vocabulary = vocabularies.get(key);
  if (!vocabulary) {
    vocabulary = resolveVocabulary(partial);
    vocabularies.set(key, vocabulary);
  }
  return vocabulary;
}

/** The record with its diagnostics' messages in the writer's language. */
function localized(record: LogRecord, language: MessageLanguage): LogRecord {
  record.diagnostics = record.diagnostics.map((diagnostic) => localizeDiagnostic(diagnostic, language));
  return record;
}

/** The text with the body's private passages blanked; passages carry lines of the whole file. */
export function withoutPrivateNotes(text: string, frontmatterLines: number, words: readonly string[] | undefined): { text: string; passages: PrivatePassage[] } {
  const body = bodyAfter(text, frontmatterLines);
  const head = text.slice(0, text.length - body.length);
  const notes = dropPrivateNotes(body, words ?? DEFAULT_PRIVATE_HEADINGS);
  if (notes.passages.length === 0) return { text, passages: [] };
  const shift = head === '' ? 0 : frontmatterLines;
  const passages = notes.passages.map((passage) => ({ ...passage, startLine: passage.startLine + shift, endLine: passage.endLine + shift }));
  return { text: head + notes.text, passages };
}

/** The text after the frontmatter's lines, as Astro's glob() loader stores an entry's `body`. */
export function bodyAfter(text: string, lineCount: number): string {
  let offset = 0;
  for (let line = 0; line < lineCount && offset !== -1; line++) {
    const next = text.indexOf('\n', offset);
    offset = next === -1 ? -1 : next + 1;
  }
  return offset === -1 ? '' : text.slice(offset);
}

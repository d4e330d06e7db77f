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
import { checkImages, imageDiagnostics, logImages, type CheckedImage, type ImageCheck } from './images.ts';
import { blankFrontmatter, frontmatterRange, keyLine, readFrontmatter, type Frontmatter } from './frontmatter.ts';
import { publishedFrontmatter, publishedKeys } from './frontmatter-shape.ts';
import { inputLimitDiagnostic, resolveLimits, treeNestingDiagnostic, type InputLimits } from './limits.ts';
import { placeholderDiagnostics } from './placeholders.ts';
import { DEFAULT_PRIVATE_HEADINGS, dropPrivateNotes, type PrivatePassage } from './private-notes.ts';
import { TreeRefusal, type TreeBuilder } from './log-tree.ts';
import { isRefused, refusedRecord } from './refused-record.ts';
import { logSourceText, normalizeTree } from './tree-parity.ts';
import { resolveVocabulary, type Vocabulary, type VocabularyOverrides } from './vocabulary.ts';

export { readSettingsOf, type ReadSettings } from './read-settings.ts';

export interface ReadLogOptions {
  /** The log's path, as given (relative, with `/`): it names the record (source, slug) and may carry its date. */
  path: string;
  settings?: ReadSettings | undefined;
  /** Keep private notes in (`nisshi parse --include-private`, the leak audit): never for the site. */
  includePrivate?: boolean | undefined;
  /** Check the images beside the log (a `missing-image` warning each that is not there); left out, they are not checked. */
  images?: ImageCheck | undefined;
}

export type { TreeBuilder } from './log-tree.ts';

export interface ReadLog {
  record: LogRecord;
  /** The tree the record was read from, for rendering; null when reading failed. */
  tree: Root | null;
  /** The Markdown after the frontmatter: the content entry's `body`. */
  body: string;
  /** The private passages blanked out of the text (lines of the whole file); empty with includePrivate. */
  privatePassages: PrivatePassage[];
  /** The images beside the log the (public) text names, checked; empty when `images` was not given. */
  images: CheckedImage[];
}

export function readLog(text: string, options: ReadLogOptions, buildTree: TreeBuilder): ReadLog {
  const path = options.path;
  try {
    const read = readTree(text, options, buildTree);
    // Too large, or visibly nested too deep: refused before any parser sees it.
    if ('refusal' in read) return { record: refusedRecord(path, [read.refusal]), tree: null, body: '', privatePassages: [], images: [] };
    const { frontmatter, reported, visible, tree, passages, limits } = read;
    const file = new VFile({ value: visible, path: path || undefined });
    file.data.nisshiFrontmatter = frontmatter;
    const record = extractLog(tree, file, vocabularyFor(options.settings?.vocabulary), limits);
    record.source = path;
    const language = options.settings?.messages ?? messageLanguage(options.settings?.locale);
    // A tree nested too deep is not walked by the renderer either.
    if (isRefused(record)) return { record: localized(record, language), tree: null, body: '', privatePassages: passages, images: [] };
    for (const passage of passages) {
      if (passage.unclosed) record.diagnostics.push(diagnose('private-unclosed', passage.startLine, 1));
    }
    record.diagnostics.push(...reported.values(), ...placeholderDiagnostics(visible, frontmatter.lineCount));
    const { nested } = publishedFrontmatter(frontmatter.data, publishedKeys(options.settings?.publicFrontmatter, options.settings?.vocabulary));
    for (const key of nested) record.diagnostics.push(diagnose('frontmatter-nested', keyLine(frontmatter, key), 1, { key }));
    const images = options.images ? checkImages(logImages(tree), options.images.logFile ?? path, options.images) : [];
    if (options.images) record.diagnostics.push(...imageDiagnostics(images, options.images.logsDir));
    return { record: localized(record, language), tree, body: bodyAfter(visible, frontmatter.lineCount), privatePassages: passages, images };
  } catch (error) {
    const language = options.settings?.messages ?? messageLanguage(options.settings?.locale);
    if (error instanceof TreeRefusal) return { record: localized(refusedRecord(path, [error.diagnostic]), language), tree: null, body: '', privatePassages: [], images: [] };
    const reason = error instanceof Error ? error.message : String(error);
    return { record: refusedRecord(path, [diagnose('internal-error', 1, 1, { reason })]), tree: null, body: '', privatePassages: [], images: [] };
  }
}

/**
 * The tree readLog renders, for a log whose record is already known (the
 * record index holds it): the same reading of the same text, private notes
 * blanked, normalised as extractLog normalises it — without extracting a
 * record again. Null where readLog gives no tree. May throw, as the tree
 * builder may.
 */
export function readLogTree(text: string, options: ReadLogOptions, buildTree: TreeBuilder): Root | null {
  const read = readTree(text, options, buildTree);
  if ('refusal' in read || treeNestingDiagnostic(read.tree, read.limits)) return null;
  return normalizeTree(read.tree);
}

type TreeRead =
  | { refusal: Diagnostic }
  | (VisibleLog & { frontmatter: Frontmatter; reported: Map<string, Diagnostic>; limits: InputLimits });

/** What readLog and readLogTree read before a record is extracted: the limits, the frontmatter, the visible text and its tree. */
function readTree(text: string, options: ReadLogOptions, buildTree: TreeBuilder): TreeRead {
  const clean = logSourceText(text);
  const limits = resolveLimits({ maxLogBytes: options.settings?.maxLogBytes, maxNesting: options.settings?.maxNesting });
  const refusal = inputLimitDiagnostic(clean, limits);
  if (refusal) return { refusal };
  const frontmatter = readFrontmatter(clean);
  // What the tree builder says about how it read the log (a warning at most), once per rule and line.
  const reported = new Map<string, Diagnostic>();
  const build: TreeBuilder = (markdown) => buildTree(markdown, (diagnostic) => void reported.set(`${diagnostic.rule}:${diagnostic.line}`, diagnostic));
  // Private notes go before anything reads the text (private-notes.ts): only the body can hold them.
  const visible = readVisible(clean, frontmatter, build, options.includePrivate ? null : (options.settings?.privateHeadings ?? DEFAULT_PRIVATE_HEADINGS));
  return { ...visible, frontmatter, reported, limits };
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

export interface VisibleLog {
  /** The log's text with its private passages blanked (frontmatter as written). */
  visible: string;
  /** The tree of the visible text, frontmatter blanked: what every extractor and the renderer read. */
  tree: Root;
  /** What was blanked, with lines of the whole file. */
  passages: PrivatePassage[];
}

/**
 * The log as it may be published: its tree is built, its private passages are
 * found on that tree (private-notes.ts) and blanked, and the tree is built
 * again from what is left — only when something was private, so a log without
 * private notes is parsed once.
 * @param words the private heading words, or null to keep private notes (`nisshi parse --include-private`).
 */
export function readVisible(clean: string, frontmatter: Frontmatter, buildTree: TreeBuilder, words: readonly string[] | null): VisibleLog {
  const markdown = blankFrontmatter(clean, frontmatter);
  const tree = buildTree(markdown);
  if (words === null) return { visible: clean, tree, passages: [] };
  const notes = dropPrivateNotes(markdown, tree, words);
  if (notes.passages.length === 0) return { visible: clean, tree, passages: [] };
  // The frontmatter as written (it has been read already), the rest as blanked.
  const { from, to } = frontmatterRange(clean, frontmatter);
  const visible = notes.text.slice(0, from) + clean.slice(from, to) + notes.text.slice(to);
  return { visible, tree: buildTree(notes.text), passages: notes.passages };
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

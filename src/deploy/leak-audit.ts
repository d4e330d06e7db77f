/**
 * The leak audit: reads every file of a build (Pagefind's compressed chunks
 * unpacked, site-files.ts) and looks for the text of what must never be
 * published — the private notes of the logs and whole draft logs. It is the
 * check after the fact for what the parser already drops: if a future page,
 * feed or index ever let such text through, `nisshi audit dist` and every
 * `nisshi deploy` stop before anything is written.
 *
 * What is looked for: passages of the private text, at least MIN_PASSAGE
 * characters long once Markdown marks are taken out (short words would match
 * by chance) with a few letters among them, and not also written in a
 * published part of some log, its frontmatter included (those are rightly on
 * the site). A build file matches when the passage is in its text
 * as it is, or in its text with HTML tags taken out and entities decoded.
 */
import { listFiles } from '../files/list-files.ts';
import { readSiteTexts } from './site-files.ts';
import { isDraftLog } from '../parse/extract-log.ts';
import { readFrontmatter } from '../parse/frontmatter.ts';
import { bodyAfter, withoutPrivateNotes } from '../parse/read-log.ts';
import { normalizeText } from '../parse/tree-parity.ts';

/** Characters (code points) a passage needs to be looked for: shorter ones match by chance. */
export const MIN_PASSAGE = 10;

export interface AuditLog {
  /** As shown to the writer, e.g. logs/2025-08-03.md. */
  path: string;
  text: string;
}

export interface Secret {
  kind: 'private' | 'draft';
  log: string;
  line: number;
  /** As written in the log, for the report. */
  passage: string;
  /** What is looked for: the passage without white space. */
  needle: string;
}

export interface LeakFinding extends Secret {
  /** The build file holding it, relative to the build folder. */
  file: string;
}

/** Markdown and HTML marks that split a line into the runs of text a page shows. */
const MARKS = /<!--\s?\/?private\s?-->|<[^<>\n]*>|[*_`~|#>[\]()!]|\s-\s\[[ xX]\]|^\s*(?:[-+]|\d+[.)])\s(?:\[[ xX]\]\s)?/g;
const SPACES = /\s+/g;

/**
 * Text compared with every white space taken out: a page may break a line or
 * put a tag (then nothing) where the log had a space, or none where it had one.
 */
function squeeze(text: string): string {
  return text.replace(SPACES, '');
}

/** Letters a passage needs: a run of digits and signs (a date, 2021-01-09) is on many pages by right, as a calendar day or a link. */
const MIN_LETTERS = 3;
const LETTER = /\p{L}/gu;

/** The runs of a line long enough, and wordy enough, to look for. */
function passagesOf(line: string): string[] {
  return line
    .split(MARKS)
    .map((part) => (part ?? '').trim())
    .filter((part) => [...squeeze(part)].length >= MIN_PASSAGE && (part.match(LETTER)?.length ?? 0) >= MIN_LETTERS);
}

/**
 * What must not be published, from the logs' text: each private passage and
 * each line of a draft, cut into runs; runs also found in a published part of
 * any log are left out.
 */
export function secretsOf(logs: readonly AuditLog[], privateHeadings?: readonly string[]): Secret[] {
  const candidates: Secret[] = [];
  const published: string[] = [];
  for (const log of logs) {
    const clean = normalizeText(log.text).replace(/^\ufeff/, '');
    const frontmatter = readFrontmatter(clean);
    const { text: visible, passages } = withoutPrivateNotes(clean, frontmatter.lineCount, privateHeadings);
    const lines = clean.split('\n');
    if (isDraftLog(frontmatter)) {
      const start = frontmatter.lineCount;
      bodyAfter(clean, start).split('\n').forEach((line, index) => {
        for (const passage of passagesOf(line)) candidates.push({ kind: 'draft', log: log.path, line: start + index + 1, passage, needle: squeeze(passage) });
      });
      continue;
    }
    // The frontmatter too: a published log's title and tags are on its page, and a draft may share them.
    published.push(squeeze(frontmatter.yaml), squeeze(bodyAfter(visible, frontmatter.lineCount)));
    for (const privatePassage of passages) {
      for (let line = privatePassage.startLine; line <= privatePassage.endLine; line++) {
        for (const passage of passagesOf(lines[line - 1] ?? '')) candidates.push({ kind: 'private', log: log.path, line, passage, needle: squeeze(passage) });
      }
    }
  }
  if (candidates.length === 0) return [];
  const publicText = published.join('\n');
  const seen = new Set<string>();
  return candidates.filter((secret) => {
    if (publicText.includes(secret.needle) || seen.has(secret.needle)) return false;
    seen.add(secret.needle);
    return true;
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A page's text as a reader sees it: tags out, entities decoded, JSON's escaped quotes and slashes plain. */
export function visibleText(text: string): string {
  return text
    .replace(/<[^<>]*>/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\\(["/])/g, '$1');
}

/** A passage as a regular expression that matches only its own characters. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Every place a secret's passage is in a build file. One regular expression
 * of all the passages says whether a text holds any of them (the engine's
 * native search: 3,650 logs' build, 200 MB of text in two forms, in about
 * 2 s where a walk in JavaScript took 18 s); only a text that does is then
 * asked passage by passage.
 */
export function findLeaks(secrets: readonly Secret[], files: Iterable<{ path: string; text: string }>): LeakFinding[] {
  if (secrets.length === 0) return [];
  const any = new RegExp(secrets.map((secret) => literal(secret.needle)).join('|'));
  const findings: LeakFinding[] = [];
  for (const file of files) {
    const found = new Set<Secret>();
    for (const form of [squeeze(file.text), squeeze(visibleText(file.text))]) {
      if (!any.test(form)) continue;
      for (const secret of secrets) if (!found.has(secret) && form.includes(secret.needle)) found.add(secret);
    }
    for (const secret of found) findings.push({ ...secret, file: file.path });
  }
  return findings;
}

/** The audit of a build folder against the logs. */
export function auditBuild(distDir: string, logs: readonly AuditLog[], privateHeadings?: readonly string[]): { files: number; secrets: number; findings: LeakFinding[] } {
  const secrets = secretsOf(logs, privateHeadings);
  if (secrets.length === 0) return { files: listFiles(distDir).length, secrets: 0, findings: [] };
  let files = 0;
  const texts = (function* counted() {
    for (const file of readSiteTexts(distDir)) {
      files++;
      yield file;
    }
  })();
  const findings = findLeaks(secrets, texts);
  return { files, secrets: secrets.length, findings };
}

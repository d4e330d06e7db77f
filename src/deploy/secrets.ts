/**
 * A last look for credentials in the built files before they are made public:
 * a study log about AWS or GitHub is exactly where a real key gets pasted.
 * The patterns match the shape of real secrets, not words about them, so a log
 * that explains `aws_secret_access_key` or quotes AWS's documented example key
 * (…EXAMPLE) still deploys.
 *
 * Each text (readable-text.ts has already unpacked and decoded the bytes) is
 * scanned as it is and as a reader gets it:
 * - decoded: HTML character references (`&shy;`, `&#8203`, `&ZeroWidthSpace;`,
 *   as a browser decodes them, by the `entities` package), JSON and JavaScript
 *   escapes (`\u0041KIA…`), percent-encoding (`%41KIA…`), and NFKC (a
 *   full-width `ＡＫＩＡ…` typed by a Japanese IME is the same key), repeated
 *   while something changes (a few rounds), with tags left in place (a key in
 *   an attribute);
 * - and the same, as a page shows it: inline tags removed so the text around
 *   them joins (`AKIA<strong>…</strong>`), other tags turned into a space.
 * Soft hyphens, zero-width and other default-ignorable characters, comments
 * and inline tags take no room in what a reader sees: they are removed, and
 * where one stood counts as the edge of a word, so a key split by one is
 * joined, and a key followed directly by one (`AKIA…<b>x</b>`) still ends there.
 * Decoded line breaks become spaces, so every version keeps the file's line
 * numbers.
 *
 * A key must not run on into letters or digits, else `AKIA` + 16 characters
 * would match inside any longer word; the edges are checked in code rather
 * than with `\b` (which treats `_` as a letter, missing `KEY_AKIA…_OLD`).
 * Every pattern is linear-time, and bounded in length: a match rejected for
 * its edges is tried again one character on, which stays linear only so.
 */
import { decodeHTML } from 'entities';

/** Read by the scan's version check (scan-build.ts): a change here rescans every file. */
export const SECRETS_SOURCE = import.meta.url;

export interface SecretFinding {
  path: string;
  /** 1-based. */
  line: number;
  kind: string;
  /** How the text was read when not plain UTF-8, e.g. `gzip, utf-16le`. */
  how?: string;
}

interface SecretPattern {
  kind: string;
  pattern: RegExp;
  /** A character that would continue the token on its left or right: the match must not touch one. */
  before?: RegExp;
  after?: RegExp;
  /** A further test on the match, for shapes a regular expression alone would make slow or loose. */
  accept?: (match: RegExpExecArray) => boolean;
}

const ALNUM = /[A-Za-z0-9]/;

const SECRET_PATTERNS: readonly SecretPattern[] = [
  { kind: 'AWS access key id', pattern: /(?:AKIA|ASIA)[0-9A-Z]{16}/g, before: ALNUM, after: ALNUM },
  {
    // `aws_secret_access_key = …` (credentials file), `AWS_SECRET_ACCESS_KEY=…` (.env),
    // `"SecretAccessKey": "…"` (aws sts / aws iam create-access-key JSON).
    kind: 'AWS secret access key',
    pattern: /secret_?access_?key["']?[ \t]*[=:][ \t]*["']?[A-Za-z0-9/+]{40}/gi,
    after: /[A-Za-z0-9/+]/,
  },
  { kind: 'private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g },
  { kind: 'GitHub token', pattern: /gh[pousr]_[A-Za-z0-9]{36,255}/g, before: ALNUM, after: ALNUM },
  { kind: 'GitHub token', pattern: /github_pat_[A-Za-z0-9_]{22,255}/g, before: ALNUM, after: /[A-Za-z0-9_]/ },
  { kind: 'Slack token', pattern: /xox[abposre]-[A-Za-z0-9-]{10,255}/g, before: ALNUM },
  { kind: 'Slack webhook', pattern: /hooks\.slack\.com\/services\/T[A-Z0-9]{6,64}\/B[A-Z0-9]{6,64}\/[A-Za-z0-9]{16,128}/g },
  { kind: 'Google API key', pattern: /AIza[0-9A-Za-z_-]{35}/g, before: ALNUM, after: /[A-Za-z0-9_-]/ },
  // Stripe's live secret and restricted keys; publishable keys (pk_) are public by design, test keys reach no money.
  { kind: 'Stripe key', pattern: /(?:sk|rk)_live_[0-9A-Za-z]{20,247}/g, before: ALNUM, after: ALNUM },
  { kind: 'Stripe webhook secret', pattern: /whsec_[0-9A-Za-z]{32,255}/g, before: ALNUM },
  // npm's access tokens (classic and granular): npm_ and 36 letters and digits.
  { kind: 'npm token', pattern: /npm_[A-Za-z0-9]{36}/g, before: ALNUM, after: ALNUM },
  {
    // A `.env` line whose name says it is a secret: `DB_PASSWORD=…`, `export API_TOKEN="…"`.
    kind: '.env secret',
    pattern: /^[ \t]*(?:export[ \t]+)?([A-Z][A-Z0-9_]*)[ \t]*=[ \t]*["']?([^\s"'#<>]{8,})/gm,
    accept: (match) => SECRET_NAME.test(match[1] ?? '') && !isPlaceholder(match[2] ?? ''),
  },
];

/**
 * What every pattern's match holds, in one pass: a view without any of these
 * cannot match (most pages), so the patterns themselves run only on the rest.
 * The `.env` names are SECRET_NAME's words.
 */
const TRIGGER = /akia|asia|secret|private key|gh[pousr]_|github_pat_|xox[abposre]-|hooks\.slack\.com|aiza|[sr]k_live_|whsec_|npm_|token|passw|api_?key|access_?key|credential/i;

/** For the scan's version: the patterns' text is part of what a file passed. */
export const SECRET_PATTERN_SOURCES = [...SECRET_PATTERNS.map(({ kind, pattern }) => `${kind}:${pattern.source}/${pattern.flags}`), TRIGGER.source].join('\n');

const SECRET_NAME = /SECRET|TOKEN|PASSWORD|PASSWD|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL/;

/** Values written to show the shape, not to work: `changeme`, `your-token-here`, `${TOKEN}`, `xxxxxxxx`. */
function isPlaceholder(value: string): boolean {
  return (
    /^\$\{?[A-Za-z_]/.test(value) ||
    /example|your|changeme|dummy|placeholder|replace|redacted|\.\.\./i.test(value) ||
    /^(.)\1+$/.test(value)
  );
}

/** AWS's own documentation examples, quoted in tutorials and harmless. */
function isDocumentedExample(match: string): boolean {
  return /EXAMPLE(?:KEY)?$/.test(match);
}

/** A text with the places where something invisible stood: the edges of words. */
interface View {
  text: string;
  edges: ReadonlySet<number>;
}

export function scanForSecrets(path: string, text: string, how?: string): SecretFinding[] {
  const seen = new Set<string>();
  const findings: SecretFinding[] = [];
  for (const view of views(text)) {
    if (!TRIGGER.test(view.text)) continue;
    for (const secret of SECRET_PATTERNS) {
      for (const index of matches(view, secret)) {
        const line = lineAt(view.text, index);
        if (seen.has(`${line} ${secret.kind}`)) continue;
        seen.add(`${line} ${secret.kind}`);
        findings.push({ path, line, kind: secret.kind, ...(how && how !== 'utf-8' ? { how } : {}) });
      }
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}

function* matches(view: View, { pattern, before, after, accept }: SecretPattern): Generator<number> {
  const { text, edges } = view;
  const re = new RegExp(pattern.source, pattern.flags);
  for (let match = re.exec(text); match !== null; match = re.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    const clearBefore = !before || start === 0 || edges.has(start) || !before.test(text[start - 1] as string);
    const clearAfter = !after || end === text.length || edges.has(end) || !after.test(text[end] as string);
    if (clearBefore && clearAfter && !isDocumentedExample(match[0]) && (!accept || accept(match))) {
      yield start;
    } else {
      // Rejected: a key may still start inside this match (matches do not overlap otherwise).
      re.lastIndex = start + 1;
    }
    if (match[0].length === 0) re.lastIndex++;
  }
}

/** Stands where something invisible was, until views() turns it into an edge. A noncharacter: no text holds one. */
const EDGE = '\ufdd0';

/** The text as it is, decoded with its tags, and decoded as a page shows it. */
export function views(text: string): View[] {
  const result: View[] = [{ text, edges: new Set() }];
  if (!/[&\\%<\u0080-\uffff]/.test(text)) return result;
  const decoded = decodeAll(text);
  if (decoded !== text) result.push(withEdges(decoded));
  if (text.includes('<')) result.push(withEdges(decodeAll(visible(text))));
  return result;
}

/** Inline elements a browser runs together with the text around them. */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's',
  'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'font', 'big', 'tt', 'ruby', 'rt', 'rp',
]);

/** The line breaks a removed piece held, so later lines keep their numbers. */
const breaksOf = (piece: string) => (piece.includes('\n') ? '\n'.repeat(piece.split('\n').length - 1) : '');

/** Comments and inline tags taken out (an edge where each was), other tags a space. One pass: pages hold thousands of tags. */
function visible(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)|<[^<>]*>/g, (piece: string) => {
    const breaks = breaksOf(piece);
    if (piece.startsWith('<!--') || INLINE_TAGS.has(tagName(piece))) return `${breaks}${EDGE}`;
    return breaks || ' ';
  });
}

/** `b` of `<b class="x">` or `</B>`, lower-cased; '' for anything else. */
function tagName(tag: string): string {
  const start = tag.charCodeAt(1) === 0x2f ? 2 : 1;
  let end = start;
  while (end < tag.length && isAsciiAlnum(tag.charCodeAt(end), end === start)) end++;
  return tag.slice(start, end).toLowerCase();
}

function isAsciiAlnum(code: number, first: boolean): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (!first && code >= 0x30 && code <= 0x39);
}

/** A decoded piece as it takes its place: line breaks as spaces (line numbers stay), nothing visible as an edge. */
function placed(decoded: string): string {
  return decoded.replace(/[\r\n\u2028\u2029]/g, ' ').replace(INVISIBLE, EDGE);
}

/** Soft hyphen, zero-width space and joiners, word joiner, bidi controls, variation selectors, tag characters… */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

function decodeReferences(text: string): string {
  return text.includes('&') ? text.replace(/&(?:#[xX][0-9a-fA-F]+|#\d+|[A-Za-z][A-Za-z0-9]{0,31});?/g, (reference) => placed(decodeHTML(reference))) : text;
}

const ESCAPES: Readonly<Record<string, string>> = { b: ' ', f: ' ', n: ' ', r: ' ', t: ' ', v: ' ', '0': ' ' };

function unescapeScript(text: string): string {
  if (!text.includes('\\')) return text;
  return text.replace(/\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|([\\/"'bfnrtv0]))/g, (escape, braced?: string, four?: string, two?: string, single?: string) => {
    const hex = braced ?? four ?? two;
    if (hex !== undefined) {
      const code = Number.parseInt(hex, 16);
      return code <= 0x10ffff ? placed(String.fromCodePoint(code)) : escape;
    }
    return ESCAPES[single as string] ?? (single as string);
  });
}

function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return placed(decodeURIComponent(run));
    } catch {
      // Not UTF-8 as a whole: decode the ASCII bytes, keep the rest as written.
      return run.replace(/%([0-7][0-9A-Fa-f])/g, (_, hex: string) => placed(String.fromCharCode(Number.parseInt(hex, 16))));
    }
  });
}

/**
 * Every decoding, again while it changes something (double encoding), a few
 * rounds at most; NFKC and the invisible characters after each round that
 * decoded something (a round that decoded nothing leaves the text as the
 * last one normalised it).
 */
function decodeAll(text: string): string {
  let current = text;
  for (let round = 0; round < 4; round++) {
    const decoded = percentDecode(unescapeScript(decodeReferences(current)));
    if (round > 0 && decoded === current) break;
    const next = /[^\u0000-\u007f]/.test(decoded) ? decoded.normalize('NFKC').replace(INVISIBLE, EDGE) : decoded;
    if (next === current) break;
    current = next;
  }
  return current;
}

function withEdges(marked: string): View {
  if (!marked.includes(EDGE)) return { text: marked, edges: new Set() };
  const parts = marked.split(EDGE);
  const edges = new Set<number>();
  let length = 0;
  for (const part of parts.slice(0, -1)) {
    length += part.length;
    edges.add(length);
  }
  return { text: parts.join(''), edges };
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

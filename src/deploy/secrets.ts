/**
 * A last look for credentials in the built files before they are made public:
 * a study log about AWS or GitHub is exactly where a real key gets pasted.
 * The patterns match the shape of real secrets, not words about them, so a log
 * that explains `aws_secret_access_key` or quotes AWS's documented example key
 * (…EXAMPLE) still deploys.
 *
 * Each text is scanned twice: as it is, and as a reader sees it, with markup
 * removed. `AKIA**QWERTYUIOPASDFGH**` renders as `AKIA<strong>…</strong>`:
 * no pattern matches the HTML, but the page shows the joined key. Boundaries
 * are non-alphanumeric lookarounds rather than `\b`, which treats `_` as a
 * word character and so misses `KEY_AKIA…_OLD`. Every pattern is linear-time
 * (no adjacent quantifiers that can match the same characters).
 */

export interface SecretFinding {
  path: string;
  /** 1-based. */
  line: number;
  kind: string;
}

interface SecretPattern {
  kind: string;
  pattern: RegExp;
  /** A further test on the match, for shapes a regular expression alone would make slow or loose. */
  accept?: (match: RegExpMatchArray) => boolean;
}

const SECRET_PATTERNS: readonly SecretPattern[] = [
  { kind: 'AWS access key id', pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Za-z0-9])/g },
  {
    // `aws_secret_access_key = …` (credentials file), `AWS_SECRET_ACCESS_KEY=…` (.env),
    // `"SecretAccessKey": "…"` (aws sts / aws iam create-access-key JSON).
    kind: 'AWS secret access key',
    pattern: /secret_?access_?key["']?[ \t]*[=:][ \t]*["']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/gi,
  },
  { kind: 'private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g },
  { kind: 'GitHub token', pattern: /(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{36,255}(?![A-Za-z0-9])/g },
  { kind: 'GitHub token', pattern: /(?<![A-Za-z0-9])github_pat_[A-Za-z0-9_]{22,255}(?![A-Za-z0-9_])/g },
  { kind: 'Slack token', pattern: /(?<![A-Za-z0-9])xox[abposre]-[A-Za-z0-9-]{10,}/g },
  { kind: 'Slack webhook', pattern: /hooks\.slack\.com\/services\/T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{16,}/g },
  { kind: 'Google API key', pattern: /(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g },
  {
    // A `.env` line whose name says it is a secret: `DB_PASSWORD=…`, `export API_TOKEN="…"`.
    kind: '.env secret',
    pattern: /^[ \t]*(?:export[ \t]+)?([A-Z][A-Z0-9_]*)[ \t]*=[ \t]*["']?([^\s"'#<>]{8,})/gm,
    accept: (match) => SECRET_NAME.test(match[1] ?? '') && !isPlaceholder(match[2] ?? ''),
  },
];

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

export function scanForSecrets(path: string, text: string): SecretFinding[] {
  const seen = new Set<string>();
  const findings: SecretFinding[] = [];
  for (const version of [text, visibleText(text)]) {
    for (const { kind, pattern, accept } of SECRET_PATTERNS) {
      pattern.lastIndex = 0;
      for (const match of version.matchAll(pattern)) {
        if (isDocumentedExample(match[0]) || (accept && !accept(match))) continue;
        const line = lineAt(version, match.index);
        if (seen.has(`${line} ${kind}`)) continue;
        seen.add(`${line} ${kind}`);
        findings.push({ path, line, kind });
      }
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}

/** Inline elements a browser runs together with the text around them. */
const INLINE_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's',
  'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]);

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The text as a reader sees it: inline tags removed (so `AKIA<strong>…</strong>`
 * joins), other tags replaced by a space, common entities decoded. Newlines
 * inside a tag are kept, so line numbers still point into the file.
 */
export function visibleText(text: string): string {
  return text
    .replace(/<[^<>]*>/g, (tag) => {
      const name = /^<\/?([A-Za-z][A-Za-z0-9]*)/.exec(tag)?.[1]?.toLowerCase();
      const newlines = '\n'.repeat(tag.split('\n').length - 1);
      return name !== undefined && INLINE_TAGS.has(name) ? newlines : newlines || ' ';
    })
    .replace(/&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|([a-z]{2,6}));/g, (entity, decimal?: string, hex?: string, name?: string) => {
      if (decimal !== undefined || hex !== undefined) {
        const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex as string, 16);
        return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name as string] ?? entity;
    });
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

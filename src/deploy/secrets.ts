/**
 * A last look for credentials in the built files before they are made public:
 * a study log about AWS or GitHub is exactly where a real key gets pasted.
 * The patterns match the shape of real secrets, not words about them, so a log
 * that explains `aws_secret_access_key` or quotes AWS's documented example key
 * (…EXAMPLE) still deploys.
 */

export interface SecretFinding {
  path: string;
  /** 1-based. */
  line: number;
  kind: string;
}

const SECRET_PATTERNS: readonly { kind: string; pattern: RegExp }[] = [
  { kind: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  {
    kind: 'AWS secret access key',
    pattern: /aws_secret_access_key\s*(?:["']\s*)?[=:]\s*["']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/gi,
  },
  { kind: 'private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/g },
  { kind: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36}\b/g },
  { kind: 'GitHub token', pattern: /\bgithub_pat_[A-Za-z0-9_]{22,}/g },
  { kind: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
];

/** AWS's own documentation examples, quoted in tutorials and harmless. */
function isDocumentedExample(match: string): boolean {
  return /EXAMPLE(?:KEY)?$/.test(match);
}

export function scanForSecrets(path: string, text: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const { kind, pattern } of SECRET_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      if (isDocumentedExample(match[0])) continue;
      findings.push({ path, line: lineAt(text, match.index), kind });
    }
  }
  return findings.sort((a, b) => a.line - b.line);
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/**
 * Reads the built site (dist/) for a deploy: every file's site path, size, MD5
 * and headers, after the checks that refuse to publish it at all: no build, a
 * build holding a draft, or a built file holding what looks like a secret.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CliError, EXIT_FINDINGS } from '../user-error.ts';
import { headerRules, isTextContentType, type HeaderSettings } from './headers.ts';
import { MANIFEST_PATH } from './manifest.ts';
import type { LocalFile } from './plan.ts';
import { scanForSecrets, type SecretFinding } from './secrets.ts';

export async function readBuild(distDir: string, settings: HeaderSettings = {}): Promise<LocalFile[]> {
  await refuseMissingBuild(distDir);
  const headersFor = headerRules(settings);
  const paths = await listFiles(distDir);
  const files: LocalFile[] = [];
  const findings: SecretFinding[] = [];
  for (const sitePath of paths) {
    // The manifest's name is nisshi's own; a built file by that name would be overwritten by it.
    if (sitePath === MANIFEST_PATH) continue;
    // Synchronous on purpose: nothing else runs yet, and one await per file made
    // reading 7,000 small files 25× slower (0.8 s against 0.03 s).
    const bytes = readFileSync(path.join(distDir, sitePath));
    const headers = headersFor(sitePath);
    if (isTextContentType(headers.contentType)) findings.push(...scanForSecrets(sitePath, bytes.toString('utf8')));
    files.push({ path: sitePath, size: bytes.length, md5: createHash('md5').update(bytes).digest('hex'), ...headers });
  }
  if (findings.length > 0) {
    const lines = findings.map((finding) => `  ${path.join(distDir, finding.path)}:${finding.line}: ${finding.kind}`);
    throw new CliError(
      `refusing to deploy: ${findings.length} built file line(s) look like a secret; ` +
        `remove it from the log and rebuild (or rotate it if it was ever published)\n${lines.join('\n')}`,
      EXIT_FINDINGS,
    );
  }
  await refuseDrafts(distDir);
  return files;
}

async function refuseMissingBuild(distDir: string): Promise<void> {
  const info = await stat(distDir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new CliError(`refusing to deploy: ${distDir} does not exist; run npm run build first`, EXIT_FINDINGS);
  }
  const index = await stat(path.join(distDir, 'index.html')).catch(() => undefined);
  if (!index?.isFile()) {
    throw new CliError(`refusing to deploy: ${distDir} has no index.html; run npm run build first`, EXIT_FINDINGS);
  }
}

/** The build's record list says which logs went in; a draft among them must not go public. */
async function refuseDrafts(distDir: string): Promise<void> {
  const recordsPath = path.join(distDir, 'data', 'logs.json');
  const text = await readFile(recordsPath, 'utf8').catch(() => undefined);
  if (text === undefined) return;
  let records: unknown;
  try {
    records = JSON.parse(text);
  } catch {
    throw new CliError(`refusing to deploy: ${recordsPath} is not valid JSON; rebuild the site`, EXIT_FINDINGS);
  }
  if (!Array.isArray(records)) return;
  const drafts = records.filter((record) => (record as { draft?: unknown })?.draft === true);
  if (drafts.length > 0) {
    const names = drafts.map((record) => (record as { source?: string; slug?: string }).source ?? record.slug);
    throw new CliError(
      `refusing to deploy: the build holds ${drafts.length} draft log(s) (${names.slice(0, 5).join(', ')}); ` +
        'build without drafts and deploy again',
      EXIT_FINDINGS,
    );
  }
}

/** Site paths of every file under the folder, `/`-separated and sorted. */
async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Reads the built site (dist/) for a deploy: every file's site path, size, MD5
 * and headers, after the checks that refuse to publish it at all: no build, a
 * build holding a draft, or a built file holding what looks like a secret.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DeployError } from './errors.ts';
import { headerRules, type HeaderSettings } from './headers.ts';
import { NISSHI_FOLDER } from './manifest.ts';
import type { LocalFile } from './plan.ts';
import { scanForSecrets, type SecretFinding } from './secrets.ts';
import { listFiles } from '../files/list-files.ts';
import { siteFileText } from './site-files.ts';

export async function readBuild(distDir: string, settings: HeaderSettings = {}): Promise<LocalFile[]> {
  await refuseMissingBuild(distDir);
  const headersFor = headerRules(settings);
  const paths = listFiles(distDir);
  const files: LocalFile[] = [];
  const findings: SecretFinding[] = [];
  for (const sitePath of paths) {
    // .nisshi/ is nisshi's own folder in the bucket (manifest, history, archive): never a page.
    if (sitePath.startsWith(NISSHI_FOLDER)) continue;
    // Synchronous on purpose: nothing else runs yet, and one await per file made
    // reading 7,000 small files 25× slower (0.8 s against 0.03 s).
    const bytes = readFileSync(path.join(distDir, sitePath));
    const headers = headersFor(sitePath);
    // Every file but a known binary, dotfiles and any extension included; Pagefind's chunks unpacked.
    const text = siteFileText(sitePath, bytes);
    if (text !== undefined) findings.push(...scanForSecrets(sitePath, text));
    files.push({ path: sitePath, size: bytes.length, md5: createHash('md5').update(bytes).digest('hex'), ...headers });
  }
  if (findings.length > 0) {
    const lines = findings.map((finding) => `  ${path.join(distDir, finding.path)}:${finding.line}: ${finding.kind}`);
    throw new DeployError(
      `refusing to deploy: ${findings.length} built file line(s) look like a secret; ` +
        `remove it from the log and rebuild (or rotate it if it was ever published)\n${lines.join('\n')}`);
  }
  await refuseDrafts(distDir);
  return files;
}

async function refuseMissingBuild(distDir: string): Promise<void> {
  const info = await stat(distDir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new DeployError(`refusing to deploy: ${distDir} does not exist; run npm run build first`);
  }
  const index = await stat(path.join(distDir, 'index.html')).catch(() => undefined);
  if (!index?.isFile()) {
    throw new DeployError(`refusing to deploy: ${distDir} has no index.html; run npm run build first`);
  }
}

/** The build's records (data/logs/<year>.json) say which logs went in; a draft among them must not go public. */
async function refuseDrafts(distDir: string): Promise<void> {
  const folder = path.join(distDir, 'data', 'logs');
  const names = await readdir(folder).catch(() => [] as string[]);
  const drafts: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.json') || name === 'index.json') continue;
    const recordsPath = path.join(folder, name);
    let records: unknown;
    try {
      records = JSON.parse(await readFile(recordsPath, 'utf8'));
    } catch {
      throw new DeployError(`refusing to deploy: ${recordsPath} is not valid JSON; rebuild the site`);
    }
    if (!Array.isArray(records)) continue;
    for (const record of records as Array<{ draft?: unknown; source?: string; slug?: string }>) {
      if (record?.draft === true) drafts.push(record.source ?? record.slug ?? name);
    }
  }
  if (drafts.length > 0) {
    throw new DeployError(
      `refusing to deploy: the build holds ${drafts.length} draft log(s) (${drafts.slice(0, 5).join(', ')}); ` +
        'build without drafts and deploy again');
  }
}

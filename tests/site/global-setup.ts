/**
 * Builds the site once for all site tests: the bundled sample log plus the
 * fixture logs (a draft among them), with "today" pinned so streaks and
 * overdue plans are the same on every run; then serves it on loopback.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './static-server.ts';

const run = promisify(execFile);
export const SITE_TODAY = '2025-08-10';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
  }
}

export default async function setup(project: TestProject) {
  const root = process.cwd();
  const work = `${root}/tmp/site-test`;
  await rm(work, { recursive: true, force: true });
  await mkdir(`${work}/logs`, { recursive: true });
  await cp(`${root}/logs`, `${work}/logs`, { recursive: true });
  await cp(`${root}/tests/fixtures/site/logs`, `${work}/logs`, { recursive: true });
  const dist = `${work}/dist`;
  const env = { ...process.env, NISSHI_LOGS_DIR: 'tmp/site-test/logs', NISSHI_TODAY: SITE_TODAY, NISSHI_SITE_URL: 'https://nisshi.test' };
  await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist], { env, cwd: root, maxBuffer: 64 * 1024 * 1024 });
  await run(process.execPath, ['scripts/build-search-index.ts', dist, '--cache', `${work}/search-cache`], { env, cwd: root });
  const { url, server } = await serveStatic(dist);
  project.provide('siteUrl', url);
  project.provide('siteDir', dist);
  return async () => {
    await new Promise((resolve) => server.close(resolve));
  };
}

/**
 * Builds the site once for all site tests: the bundled sample log plus the
 * fixture logs (a draft among them), with "today" pinned so streaks and
 * overdue plans are the same on every run; then serves it on loopback.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './static-server.ts';

const run = promisify(execFile);
export const SITE_TODAY = '2025-08-10';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
    /** What `astro build` printed (its check of the logs among it). */
    buildLog: string;
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
  const build = await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist], { env, cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const buildLog = `${build.stdout}\n${build.stderr}`;
  await writeFile(`${work}/build.log`, buildLog);
  await run(process.execPath, ['scripts/build-search-index.ts', dist, '--cache', `${work}/search-cache`], { env, cwd: root });
  const { url, server } = await serveStatic(dist);
  project.provide('siteUrl', url);
  project.provide('siteDir', dist);
  project.provide('buildLog', buildLog);
  return async () => {
    await new Promise((resolve) => server.close(resolve));
  };
}

/**
 * `astro dev` while a writer edits logs: saving a log updates its page, and a
 * new log reaches the dashboard, without restarting the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFile, cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.ts';

const work = 'tmp/dev-test';
let server: ChildProcess;
let origin = '';

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const page = async (path: string): Promise<string> => (await fetch(origin + path)).text();

beforeAll(async () => {
  await rm(work, { recursive: true, force: true });
  await mkdir(`${work}/logs`, { recursive: true });
  await cp('logs/2025-08-03.md', `${work}/logs/2025-08-03.md`);
  // Japanese, the writer's default: the overlay's heading is checked in it.
  const env: NodeJS.ProcessEnv = { ...process.env, NISSHI_LOGS_DIR: `${work}/logs`, NISSHI_TODAY: '2025-08-04', NISSHI_LANG: 'ja' };
  // Vitest's own mode variables would make Astro ignore its configured base and mode.
  // (and a VITEST variable makes Vite inside Astro behave as a test runner's).
  for (const name of Object.keys(env)) if (/^(VITEST|BASE_URL$|MODE$|NODE_ENV$|PROD$|DEV$|SSR$)/.test(name)) delete env[name];
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], { env, stdio: 'pipe' });
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  origin = await waitFor('the dev server', async () => /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0] ?? null, 60_000);
});

afterAll(async () => {
  server?.kill('SIGTERM');
  await rm(work, { recursive: true, force: true });
});

describe('astro dev', () => {
  it('shows a saved change to a log without a restart', async () => {
    expect(await page('/logs/2025-08-03/')).toContain('Mangum依存関係の不足');
    await appendFile(`${work}/logs/2025-08-03.md`, '\n## 追記\n- 保存するとページに出る一行\n');
    await waitFor('the saved line on the page', async () => ((await page('/logs/2025-08-03/')).includes('保存するとページに出る一行') ? true : null));
  });

  it('puts a new log on the dashboard without a restart', async () => {
    expect(await page('/')).toMatch(/記録日数<\/span>\s*<span[^>]*>1日/);
    await writeFile(`${work}/logs/2025-08-04.md`, '# 2025年8月4日 - 学習ログ\n\n- [x] 新しいログ\n\n**学習時間**: 1時間\n');
    await waitFor('the new log on the dashboard', async () => (/記録日数<\/span>\s*<span[^>]*>2日/.test(await page('/')) ? true : null));
    expect(await page('/logs/2025-08-04/')).toContain('新しいログ');
  });

  it('shows a broken log in the browser overlay with its file, line and column, and clears it when fixed', async () => {
    const browser = await launchBrowser();
    try {
      const tab = await browser.newPage();
      await tab.goto(`${origin}/`, { waitUntil: 'networkidle' });
      const broken = `${work}/logs/2025-08-05.md`;
      await writeFile(broken, '---\ndate: 2025-08-05\ntags: [a, b\n---\n# 学習ログ\n');
      const overlay = tab.locator('vite-error-overlay');
      await overlay.waitFor({ state: 'attached', timeout: 30_000 });
      await expect.poll(() => overlay.evaluate((element) => element.shadowRoot?.textContent ?? ''), { timeout: 30_000 }).toMatch(/2025-08-05\.md:\d+:\d+/);
      // Its heading is in the writer's language, not the error's class name.
      await expect(overlay.evaluate((element) => element.shadowRoot?.querySelector('#name')?.textContent)).resolves.toBe('ログのエラー');
      await writeFile(broken, '# 2025年8月5日 - 学習ログ\n\n- 直した\n');
      await overlay.waitFor({ state: 'detached', timeout: 30_000 });
    } finally {
      await browser.close();
    }
  });
});

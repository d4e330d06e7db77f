/**
 * The `dev` bench section: `npm run dev` over ten years of logs, as a writer
 * uses it every day. The server is started once on an empty cache (filling
 * it), stopped, and started again on the warm cache; then a log is edited a
 * few times and its page polled over HTTP until the edit shows.
 *
 *   npm run bench -- dev [--count 3650] [--small] [--runs 3]
 *
 * Figures: the warm start until the server prints its address and until a
 * log page is served (target ≤ 10 s), and each edit until its page shows it
 * (target ≤ 1 s; --runs edits). The project runs from tmp/bench-dev with the
 * repository's src/ and public/ and a cache of its own, so neither the
 * repository's .astro/ nor node_modules/.astro is touched.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, openSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tail } from './child.ts';
import { logFiles, writeCorpus } from './corpus.ts';
import { watchProcessTree } from './process-tree.ts';
import { decimal, integer, type BenchSection } from './section.ts';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const devDir = path.join(projectRoot, 'tmp/bench-dev');
const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
/** A start that takes longer than this is reported as stuck. */
const START_TIMEOUT_MS = 10 * 60_000;
const EDIT_TIMEOUT_MS = 60_000;
const POLL_MS = 20;
/**
 * Between two edits: a writer saves every few seconds at most. Astro writes its
 * store 500 ms after a save and has the open page reload; the page is fetched
 * once in that time, as the reloading browser would, so the store's re-read is
 * not counted against the next edit.
 */
const SETTLE_MS = 5_000;

interface DevServer {
  child: ChildProcess;
  origin: string;
  /** performance.now() at spawn. */
  startedAt: number;
  /** From spawn until the server printed its address. */
  upMs: number;
  logFile: string;
  stop(): Promise<void>;
}

export const devSection: BenchSection = {
  name: 'dev',
  async run({ count, seed, small, runs }) {
    await rm(devDir, { recursive: true, force: true });
    const logsDir = path.join(devDir, 'logs');
    const corpus = await writeCorpus(logsDir, count, seed, small);
    await writeFile(
      path.join(devDir, 'astro.config.mjs'),
      [
        `import config from '../../astro.config.mjs';`,
        '',
        '// The repository\'s site with a root of its own: its .astro/ (the dev store) and cache stay here.',
        `export default { ...config, root: ${JSON.stringify(devDir)}, srcDir: ${JSON.stringify(path.join(projectRoot, 'src'))}, ` +
          `publicDir: ${JSON.stringify(path.join(projectRoot, 'public'))}, cacheDir: ${JSON.stringify(path.join(devDir, 'cache'))} };`,
        '',
      ].join('\n'),
    );
    // The record index beside the dev cache: cold with it (the logs' paths and bytes are the same every run).
    const env = {
      ...process.env,
      NISSHI_LOGS_DIR: 'logs',
      NISSHI_TODAY: corpus.today,
      NISSHI_SITE_URL: 'https://example.com/',
      ASTRO_TELEMETRY_DISABLED: '1',
      NISSHI_CACHE_DIR: path.join(devDir, 'cache', 'nisshi'),
    };
    console.log(`== dev: ${integer.format(count)} ${corpus.label}, ${decimal.format(corpus.bytes / 1e6)} MB, ${corpus.first} … ${corpus.today}`);
    console.log(`  load average at start ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} on ${os.availableParallelism()} CPUs`);
    // The newest log that is not a draft: the one a writer edits.
    const files = logFiles(logsDir).reverse();
    const edited = files.find((file) => !/^---\r?\n[\s\S]*?^draft:\s*true\s*$/m.test(readFileSync(path.join(logsDir, file), 'utf8')));
    if (!edited) throw new Error('no published log to edit');
    const slug = path.basename(edited, '.md');
    const pagePath = `/logs/${slug}/`;

    // One port for both starts: the port is part of Astro's config, and a changed config clears the content store.
    const port = 40_000 + Math.floor(Math.random() * 20_000);
    try {
      const cold = await startDev(env, port, 'dev-cold.log');
      const coldPage = await firstPage(cold, pagePath);
      await cold.stop();
      console.log(`  cold start (empty cache): address printed ${seconds(cold.upMs)}, ${pagePath} served ${seconds(coldPage)}; ${loaderLine(cold.logFile)}`);

      const warm = await startDev(env, port, 'dev-warm.log');
      const tree = warm.child.pid === undefined ? undefined : watchProcessTree(warm.child.pid);
      try {
        const warmPage = await firstPage(warm, pagePath);
        console.log(`  warm start: address printed ${seconds(warm.upMs)}, ${pagePath} served ${seconds(warmPage)}   (target ≤ 10 s); ${loaderLine(warm.logFile)}`);
        const times: number[] = [];
        for (let edit = 1; edit <= runs; edit++) {
          await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
          await fetchText(warm.origin + pagePath);
          const marker = `BENCH-EDIT-${edit}-${Date.now().toString(36)}`;
          const start = performance.now();
          appendFileSync(path.join(logsDir, edited), `\n## 追記 ${edit}\n- ${marker}\n`);
          await poll(`the edit on ${pagePath}`, EDIT_TIMEOUT_MS, async () => (await fetchText(warm.origin + pagePath)).includes(marker));
          times.push(performance.now() - start);
        }
        console.log(
          `  edit to page (${edited}, polled every ${POLL_MS} ms, ${SETTLE_MS / 1000} s between edits): ${times.map(seconds).join(', ')}; ` +
            `median ${seconds(median(times))}   (target ≤ 1 s)`,
        );
      } finally {
        const peaks = tree?.stop();
        await warm.stop();
        const peak = peaks && peaks.size > 0 ? Math.max(...peaks.values()) : undefined;
        if (peak !== undefined) console.log(`  peak RSS of the warm dev server ${decimal.format(peak / 1024)} MB`);
      }
    } finally {
      await rm(devDir, { recursive: true, force: true });
    }
  },
};

function startDev(env: NodeJS.ProcessEnv, port: number, logName: string): Promise<DevServer> {
  const logFile = path.join(projectRoot, 'tmp', logName);
  const log = openSync(logFile, 'w');
  const start = performance.now();
  const child = spawn(process.execPath, [astroBin, 'dev', '--config', path.relative(projectRoot, path.join(devDir, 'astro.config.mjs')), '--host', '127.0.0.1', '--port', String(port)], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // The server leads its own process group (detached): on Ctrl-C or a kill of the bench, end it too.
  const onSignal = (): void => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
    process.exit(130);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, onSignal);
  const stop = async (): Promise<void> => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.off(signal, onSignal);
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
    }
    closeSync(log);
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      void stop().then(() => reject(new Error(`astro dev did not print its address within ${START_TIMEOUT_MS / 60_000} min\n${tail(logFile)}`)));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      appendFileSync(logFile, chunk);
      output += chunk.toString();
      const origin = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0];
      if (origin) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.on('data', (more: Buffer) => appendFileSync(logFile, more));
        resolve({ child, origin, startedAt: start, upMs: performance.now() - start, logFile, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => appendFileSync(logFile, chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`astro dev exited (${code}) before it was ready\n${tail(logFile)}`));
    });
  });
}

/** From the server's spawn until the page answers 200 with a log body on it. */
async function firstPage(server: DevServer, pagePath: string): Promise<number> {
  await poll(`${pagePath} from astro dev`, START_TIMEOUT_MS, async () => {
    const response = await fetch(server.origin + pagePath);
    return response.status === 200 && (await response.text()).includes('class="log-body"');
  });
  return performance.now() - server.startedAt;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  return response.text();
}

async function poll(what: string, timeoutMs: number, probe: () => Promise<boolean>): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The loader's summary line from a server's log: how many logs it parsed and found unchanged. */
function loaderLine(logFile: string): string {
  const text = readFileSync(logFile, 'utf8');
  const summary = /(?<!\d)\d+ logs \(\d+ parsed, \d+ from the record index, \d+ unchanged\)/.exec(text)?.[0] ?? 'loader summary not found';
  return text.includes('Clearing content store') ? `${summary} (Astro cleared its content store)` : summary;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

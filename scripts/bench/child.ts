/**
 * Runs one Node child (a build) the way the site bench measures it: wall time
 * from here, peak RSS from /usr/bin/time -v when the machine has it (the
 * kernel's figure for the child and whatever it waits on), else from a
 * preload that makes the child report its own, and in both cases sampled for
 * every process below it, which catches the ones nobody waits on. Output goes
 * to a log file, so a failure can be shown without flooding the report.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { watchProcessTree, type TreeWatch } from './process-tree.ts';

export type RssMethod = 'time -v' | 'preload';

export interface ChildResult {
  ms: number;
  /** Peak RSS in kilobytes of the largest single process of the child's tree, if any method produced one. */
  peakRssKb: number | undefined;
  /** Sampled peak RSS in kilobytes of each process name in the tree, the child included (see process-tree.ts). */
  processes: Map<string, number>;
  /**
   * CPU time (user + system) of the child and the processes it waited for, in ms, when /usr/bin/time
   * reports it: far less sensitive than wall time to other work on a shared machine.
   */
  cpuMs?: number | undefined;
}

export interface ChildOptions {
  /** Arguments to node (script first). */
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where the child's stdout and stderr go. */
  logFile: string;
  timeoutMs: number;
}

const TIME = '/usr/bin/time';
const preload = fileURLToPath(new URL('./peak-rss-preload.ts', import.meta.url));

let method: RssMethod | undefined;

/** `time -v` only if it is GNU time and works here (BusyBox's has no -v); NISSHI_BENCH_RSS=preload tries the other way. */
export function rssMethod(): RssMethod {
  const usable = process.env.NISSHI_BENCH_RSS !== 'preload' && existsSync(TIME);
  method ??= usable && spawnSync(TIME, ['-v', 'true'], { stdio: 'ignore' }).status === 0 ? 'time -v' : 'preload';
  return method;
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess): void {
  // Each child leads its own process group (detached), so this ends the build and anything it started, and nothing else.
  if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

// A detached child does not get the terminal's Ctrl-C: pass it on while one runs, or builds would outlive the bench.
function onSignal(): void {
  for (const child of running) killGroup(child);
  process.exit(130);
}

function track(child: ChildProcess): void {
  if (running.size === 0) for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, onSignal);
  running.add(child);
}

function untrack(child: ChildProcess): void {
  running.delete(child);
  if (running.size === 0) for (const signal of ['SIGINT', 'SIGTERM']) process.off(signal, onSignal);
}

export async function runMeasured(options: ChildOptions): Promise<ChildResult> {
  const rssFile = `${options.logFile}.rss`;
  rmSync(rssFile, { force: true });
  const how = rssMethod();
  const [command, args, env] =
    how === 'time -v'
      ? [TIME, ['-v', '-o', rssFile, process.execPath, ...options.args], options.env]
      : [process.execPath, ['--import', preload, ...options.args], { ...options.env, NISSHI_BENCH_RSS_FILE: rssFile }];
  const log = openSync(options.logFile, 'w');
  const start = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', log, log], detached: true });
  track(child);
  const tree: TreeWatch | undefined = child.pid === undefined ? undefined : watchProcessTree(child.pid);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child);
  }, options.timeoutMs);
  try {
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
    });
    const ms = performance.now() - start;
    if (timedOut) throw new Error(`timed out after ${options.timeoutMs / 60_000} min: ${options.args.join(' ')}\n${tail(options.logFile)}`);
    if (code !== 0) {
      throw new Error(`exit ${code ?? signal}: ${options.args.join(' ')} (log: ${options.logFile})\n${tail(options.logFile)}`);
    }
    const processes = tree?.stop() ?? new Map<string, number>();
    // The wrapper itself is not part of what is measured.
    if (how === 'time -v') processes.delete('time');
    const reported = readPeakRss(rssFile);
    const peaks = [...processes.values(), ...(reported === undefined ? [] : [reported])];
    return { ms, peakRssKb: peaks.length > 0 ? Math.max(...peaks) : undefined, processes, cpuMs: readCpuMs(rssFile) };
  } finally {
    tree?.stop();
    clearTimeout(timer);
    untrack(child);
    closeSync(log);
    rmSync(rssFile, { force: true });
  }
}

/**
 * User + system CPU time of the child and its children, from time -v: on a
 * shared machine it moves far less with the load than the wall time does.
 */
function readCpuMs(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const user = /User time \(seconds\): ([\d.]+)/.exec(text);
  const system = /System time \(seconds\): ([\d.]+)/.exec(text);
  return user && system ? (Number(user[1]) + Number(system[1])) * 1000 : undefined;
}

function readPeakRss(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(file, 'utf8'));
  return match ? Number(match[1]) : undefined;
}

/** The last lines of a log, for an error message. */
export function tail(file: string, lines = 40): string {
  const text = existsSync(file) ? readFileSync(file, 'utf8').trimEnd() : '';
  if (text === '') return '    (no output)';
  return text.split('\n').slice(-lines).map((line) => `    ${line}`).join('\n');
}

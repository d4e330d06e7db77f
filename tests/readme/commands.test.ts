/**
 * Every command the README shows runs as written on a fresh clone (issue 28).
 * The commands are read from the README itself — its shell code blocks, and
 * the commands written inline in its prose (`npm run …`, `node …`) — so a
 * section added later is covered without touching this file. Each is
 * classified by the table below: a command that matches no narrower class is
 * run, in a copy of the project (tests/helpers/project-copy.ts), and must exit
 * 0. What is not run says why.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProject, projectRoot } from '../helpers/project-copy.ts';

type Kind = 'external' | 'placeholder' | 'system' | 'self' | 'install' | 'slow' | 'server' | 'corpus' | 'run';

/** First match wins. Everything else is `run`: the default is to run a command, not to skip it. */
const classes: ReadonlyArray<{ kind: Kind; test: RegExp; why: string }> = [
  { kind: 'external', test: /^(?:aws|gh)\s|\$\(out\b|^out\(\)/u, why: 'uses the reader’s AWS or GitHub account' },
  { kind: 'external', test: /^npm run deploy(?::plan)?(?:\s|$)/u, why: 'publishes to, or reads, the reader’s S3 bucket and CloudFront distribution' },
  { kind: 'placeholder', test: /…|<[^>]+>|\bOWNER\b|\bACCOUNT\b|\[--/u, why: 'a synopsis with parts for the reader to fill in' },
  { kind: 'system', test: /^(?:sudo\s+)?apt(?:-get)?\s/u, why: 'installs Debian packages as root (.ci/run does it on CI)' },
  { kind: 'self', test: /^npm test$/u, why: 'is the test suite this test belongs to' },
  { kind: 'install', test: /^npm ci$/u, why: '.ci/run runs it on a clean machine; here the installed packages are linked into the copy' },
  { kind: 'slow', test: /^npm run (?:bench|ci:time)(?:\s|$)/u, why: 'a benchmark of minutes, run by hand on a quiet machine' },
  { kind: 'server', test: /^npm run (?:dev|preview)(?:\s|$)/u, why: 'a server: started in the copy, must print its address, then stopped' },
  { kind: 'corpus', test: /(?:^|\s)\.\.\/shared\//u, why: 'reads ../shared beside the project: run in the project itself, when it is there' },
  { kind: 'run', test: /^/u, why: 'run in a fresh copy of the project; must exit 0' },
];

export interface ShownCommand {
  command: string;
  line: number;
  kind: Kind;
  why: string;
}

const shellInfo = /^```(?:sh|bash|shell|zsh|console)\s*$/u;
/**
 * An inline code span that is a command to run: an npm script or an install.
 * Prose also names commands it does not ask the reader to type there — `nisshi
 * check` (the command's name), `git push` (the daily flow), `node scripts/…`
 * (shown as what fails), `npm warn …` (output) — and those are not taken.
 */
const typedCommand = /^(?:npm\s+(?:run|exec|ci|test|install)(?:\s|$)|npx\s|(?:sudo\s+)?apt(?:-get)?\s+install\s)/u;

/** The commands a README shows, in order, each once, split at `&&`, with comments and line continuations resolved. */
export function readmeCommands(markdown: string): ShownCommand[] {
  const found: Array<{ command: string; line: number }> = [];
  const lines = markdown.split('\n');
  let fence: 'shell' | 'other' | null = null;
  let pending = '';
  let pendingLine = 0;
  lines.forEach((text, index) => {
    const line = index + 1;
    if (/^```/u.test(text)) {
      fence = fence ? null : shellInfo.test(text) ? 'shell' : 'other';
      return;
    }
    if (fence === 'shell') {
      let command = text.replace(/^\$\s+/u, '');
      if (command.trimStart().startsWith('#')) return;
      command = command.replace(/\s+#\s.*$/u, '');
      if (!pending) pendingLine = line;
      if (command.endsWith('\\')) {
        pending += `${command.slice(0, -1).trim()} `;
        return;
      }
      const whole = (pending + command.trim()).trim();
      pending = '';
      if (whole) found.push({ command: whole, line: pendingLine });
      return;
    }
    if (fence === 'other') return;
    for (const span of text.matchAll(/`([^`\n]+)`/gu)) {
      if (typedCommand.test(span[1]!.trim())) found.push({ command: span[1]!.trim(), line });
    }
  });
  const seen = new Set<string>();
  const commands: ShownCommand[] = [];
  for (const { command, line } of found) {
    // `a && b`: each part is classified on its own (npm ci && npm run build installs, then builds).
    for (const part of command.split(/\s&&\s/u).map((piece) => piece.trim())) {
      if (!part || seen.has(part)) continue;
      seen.add(part);
      const { kind, why } = classes.find((entry) => entry.test.test(part))!;
      commands.push({ command: part, line, kind, why });
    }
  }
  return commands;
}

/**
 * The environment of a command a reader types in a fresh shell: not vitest's
 * (its mode variables change how Astro and Vite behave), not npm's (npm test
 * put node_modules/.bin, and so Node 24, first on PATH: a reader's `node` is the
 * machine's, and a command that only works under npm must say `npm run`).
 */
function readerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of Object.keys(env)) if (/^(?:VITEST|BASE_URL$|MODE$|NODE_ENV$|PROD$|DEV$|SSR$|npm_|INIT_CWD$|NODE$)/u.test(name)) delete env[name];
  env.PATH = (process.env.PATH ?? '').split(path.delimiter).filter((folder) => !folder.includes('node_modules')).join(path.delimiter);
  return env;
}

function runShell(command: string, cwd: string): { status: number | null; output: string } {
  const result = spawnSync('bash', ['-c', command], { cwd, env: readerEnv(), encoding: 'utf8', timeout: 10 * 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`.slice(-4000) };
}

/** Starts a server command, waits for the address it prints, and stops it (and what it started). */
async function startAndStop(command: string, cwd: string): Promise<string> {
  const child = spawn('bash', ['-c', command], { cwd, env: readerEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const address = /https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\]):\d+\/?/u.exec(output)?.[0];
      if (address) return address;
      if (child.exitCode !== null) throw new Error(`${command} stopped (exit ${child.exitCode}) before printing an address:\n${output.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`${command} printed no address within 2 minutes:\n${output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  }
}

const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const shown = readmeCommands(readme);

describe('reading the commands out of a README', () => {
  it('takes shell blocks and inline commands, resolves continuations and comments, splits &&, and runs anything it does not know', () => {
    const sample = [
      '```sh',
      'npm ci && npm run build   # install, then build',
      'aws cloudformation deploy --stack-name x \\',
      '  --capabilities CAPABILITY_IAM',
      '# a comment line',
      '```',
      '',
      'Then `npm run nisshi -- status`, or `nisshi check` by its name, `git push`, or `npm run cache -- --clear`.',
      '```ts',
      'npm run not-a-command-in-a-ts-block',
      '```',
    ].join('\n');
    expect(readmeCommands(sample).map(({ command, kind }) => [command, kind])).toEqual([
      ['npm ci', 'install'],
      ['npm run build', 'run'],
      ['aws cloudformation deploy --stack-name x --capabilities CAPABILITY_IAM', 'external'],
      ['npm run nisshi -- status', 'run'],
      ['npm run cache -- --clear', 'run'],
    ]);
  });

  it('finds the README’s set-up commands, and says for each command it does not run why', () => {
    const byCommand = new Map(shown.map((entry) => [entry.command, entry.kind]));
    expect(byCommand.get('npm ci')).toBe('install');
    expect(byCommand.get('npm run build')).toBe('run');
    expect(byCommand.get('npm test')).toBe('self');
    for (const entry of shown) expect(entry.why, entry.command).not.toBe('');
  });
});

describe('the README’s commands, as written, on a copy of the project', () => {
  const copy = copyProject();
  afterAll(() => copy.remove());

  for (const entry of shown.filter(({ kind }) => kind === 'run')) {
    it(`README line ${entry.line}: ${entry.command}`, () => {
      const { status, output } = runShell(entry.command, copy.root);
      expect(status, output).toBe(0);
    }, 11 * 60_000);
  }

  for (const entry of shown.filter(({ kind }) => kind === 'server')) {
    it(`README line ${entry.line}: ${entry.command} (started, then stopped)`, async () => {
      expect(await startAndStop(entry.command, copy.root)).toMatch(/^http/u);
    }, 3 * 60_000);
  }

  const shared = existsSync(path.join(projectRoot, '..', 'shared'));
  for (const entry of shown.filter(({ kind }) => kind === 'corpus')) {
    it.runIf(shared)(`README line ${entry.line}: ${entry.command} (in the project${shared ? '' : ': skipped, no ../shared'})`, () => {
      const { status, output } = runShell(entry.command, projectRoot);
      expect(status, output).toBe(0);
    }, 5 * 60_000);
  }
});

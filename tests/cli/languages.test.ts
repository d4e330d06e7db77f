/**
 * Every command speaks the writer's language (issue 28): Japanese by default,
 * English with NISSHI_LANG=en or the settings' locale 'en'. For every command
 * of the CLI's own table (src/cli/main.ts — a command added later is covered
 * without touching this file) in both languages: its --help, a wrong option
 * and a bad settings file; and for parse, check, new and status the errors and
 * output a writer meets. "Untranslated" is defined in tests/helpers/untranslated.ts.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { commands, main } from '../../src/cli/main.ts';
import { siteSettings } from '../../src/site.config.ts';
import { copyProject } from '../helpers/project-copy.ts';
import { untranslated } from '../helpers/untranslated.ts';
import { copyFixtures } from './run-cli.ts';

const languages = ['ja', 'en'] as const;

/**
 * Help texts another change is translating, named with that change. Their
 * tests are expected to fail until it is merged: then they pass, `it.fails`
 * reports that, and the entry is removed. Nothing else may be listed.
 */
const awaitingTranslation: ReadonlyMap<string, { languages: ReadonlyArray<'ja' | 'en'>; by: string }> = new Map([
]);

afterEach(() => {
  vi.unstubAllEnvs();
});

/** Runs nisshi in this process, as bin/nisshi.js does, and keeps what it printed. */
async function run(argv: readonly string[], language: 'ja' | 'en', cwd = process.cwd()) {
  vi.stubEnv('NISSHI_LANG', language);
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), now: () => new Date('2025-08-05T09:00:00+09:00') };
  const status = await main(argv, io, siteSettings);
  return { status, stdout, stderr };
}

const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The text of every log under a folder's logs/: the writer's own words, which output may quote in any language. */
function logsIn(folder: string): string {
  const logs = path.join(folder, 'logs');
  return readdirSync(logs, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => readFileSync(path.join(logs, name), 'utf8'))
    .join('\n');
}

/** The copy's own bin/nisshi.js, so the copy's src/site.config.ts is the one read. */
function runCopy(root: string, args: readonly string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [path.join(root, 'bin', 'nisshi.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the untranslated-text check itself', () => {
  it('finds an English sentence in Japanese output, and Japanese outside quotes in English output', () => {
    expect(untranslated('nisshi check: give the log files or folders', 'ja')).not.toEqual([]);
    expect(untranslated('nisshi check: --format は text か json です（指定は "xml"）。nisshi check --help を見てください', 'ja')).toEqual([]);
    expect(untranslated('logs/a.md:3:1: warning 学習時間が読めません [study-time-unreadable]', 'ja')).toEqual([]);
    expect(untranslated('carried over 3 item(s) into 持ち越し', 'en')).not.toEqual([]);
    expect(untranslated('writes "## 持ち越し" and 「継続中の問題」', 'en')).toEqual([]);
    expect(untranslated('  - イメージサイズの計測 (2025-08-01)', 'en', '- [ ] イメージサイズの計測\n')).toEqual([]);
  });
});

describe.each(languages)('in %s', (language) => {
  it('the usage names every command of the table', async () => {
    const { status, stdout } = await run(['--help'], language);
    expect(status).toBe(0);
    for (const { name } of commands) expect(stdout).toContain(`  ${name} `);
    expect(untranslated(stdout, language)).toEqual([]);
    if (language === 'ja') expect(stdout).toMatch(japanese);
  });

  it('an unknown command', async () => {
    const { status, stderr } = await run(['bulid'], language);
    expect(status).toBe(2);
    expect(stderr).toContain('bulid');
    expect(untranslated(stderr, language)).toEqual([]);
  });

  for (const { name } of commands) {
    const pending = awaitingTranslation.get(name);
    const helpTest = pending?.languages.includes(language) ? it.fails : it;
    helpTest(`${name} --help${pending?.languages.includes(language) ? ` (awaiting ${pending.by})` : ''}`, async () => {
      const { status, stdout } = await run([name, '--help'], language);
      expect(status).toBe(0);
      expect(stdout).toContain(`nisshi ${name}`);
      expect(untranslated(stdout, language)).toEqual([]);
      if (language === 'ja') expect(stdout).toMatch(japanese);
      expect((await run(['help', name], language)).stdout).toBe(stdout);
    });

    it(`${name} with a wrong option`, async () => {
      const { status, stderr } = await run([name, '--no-such-option'], language);
      expect(status).toBe(2);
      expect(stderr).toContain('--no-such-option');
      expect(stderr).toContain(`nisshi ${name} --help`);
      expect(untranslated(stderr, language)).toEqual([]);
      if (language === 'ja') expect(stderr).toMatch(japanese);
    });
  }
});

describe('a command’s own errors and output', () => {
  const cases: Array<{ argv: string[]; status: number; where: 'stdout' | 'stderr'; fixtures?: boolean }> = [
    { argv: ['parse'], status: 2, where: 'stderr' },
    { argv: ['parse', 'logs', '--out', ''], status: 2, where: 'stderr', fixtures: true },
    { argv: ['parse', 'no-such-folder'], status: 2, where: 'stderr' },
    { argv: ['parse', 'logs', '--pretty=yes'], status: 2, where: 'stderr', fixtures: true },
    { argv: ['parse', 'logs', '--out'], status: 2, where: 'stderr', fixtures: true },
    { argv: ['check', '--format', 'xml'], status: 2, where: 'stderr' },
    { argv: ['check', 'no-such-folder'], status: 2, where: 'stderr' },
    { argv: ['check', 'logs'], status: 1, where: 'stderr', fixtures: true },
    { argv: ['new', '--date', '2025-02-30'], status: 2, where: 'stderr' },
    { argv: ['new', '--dir', ''], status: 2, where: 'stderr' },
    { argv: ['new', 'extra'], status: 2, where: 'stderr' },
    { argv: ['status'], status: 0, where: 'stdout', fixtures: true },
  ];
  for (const language of languages) {
    it.each(cases)(`in ${language}: nisshi $argv`, async ({ argv, status, where, fixtures }) => {
      const cwd = fixtures ? await copyFixtures() : process.cwd();
      const result = await run(argv, language, cwd);
      expect(result.status, result.stderr).toBe(status);
      expect(result[where]).not.toBe('');
      expect(untranslated(result.stdout + result.stderr, language, fixtures ? logsIn(cwd) : '')).toEqual([]);
      if (language === 'ja') expect(result[where]).toMatch(japanese);
    });
  }

  it('follows the settings’ locale when NISSHI_LANG is not set', async () => {
    vi.stubEnv('NISSHI_LANG', '');
    let stderr = '';
    const io: CliIo = { cwd: process.cwd(), stdout: () => {}, stderr: (text) => void (stderr += text), now: () => new Date() };
    expect(await main(['check', '--bogus'], io, { ...siteSettings, locale: 'en' })).toBe(2);
    expect(stderr).toBe('nisshi check: unknown option --bogus; see nisshi check --help\n');
    stderr = '';
    expect(await main(['check', '--bogus'], io, { ...siteSettings, locale: 'ja' })).toBe(2);
    expect(stderr).toBe('nisshi check: --bogus というオプションはありません。nisshi check --help を見てください\n');
  });
});

/** A copy of the project whose src/site.config.ts holds bad values: what a writer sees after a slip in the one file they edit. */
describe('a bad settings file', () => {
  const copy = copyProject();
  const config = path.join(copy.root, 'src', 'site.config.ts');
  const badSettings = (locale: string) =>
    `import { parseSettings } from './settings/settings.ts';\n` +
    `export const settingsInput = { title: 't', description: '', site: 'example.com', timezone: 'Asia/Tokio', weekStart: 'friday', locale: '${locale}', ` +
    `logsDir: '', allowRawHtml: false, targets: { weeklyMinutes: 'ten' }, colour: 'blue' };\n` +
    `export const siteSettings = parseSettings(settingsInput);\n`;
  afterAll(() => copy.remove());

  for (const language of languages) {
    it.each(commands.map(({ name }) => name))(`in ${language}: nisshi %s names each bad field and stops with exit 2`, (name) => {
      writeFileSync(config, badSettings('ja'));
      const result = runCopy(copy.root, [name], { NISSHI_LANG: language });
      expect(result.status).toBe(2);
      for (const field of ['site', 'timezone', 'weekStart', 'logsDir', 'targets.weeklyMinutes', 'colour']) expect(result.stderr).toContain(`  ${field}`);
      expect(untranslated(result.stderr, language)).toEqual([]);
      if (language === 'ja') expect(result.stderr).toMatch(japanese);
    });
  }

  it('speaks the locale the bad file names when NISSHI_LANG is not set, and still gives help', () => {
    writeFileSync(config, badSettings('en'));
    const english = runCopy(copy.root, ['check'], { NISSHI_LANG: '' });
    expect(english.stderr).toMatch(/^nisshi check: src\/site\.config\.ts has 6 bad settings; fix them there:\n/);
    writeFileSync(config, badSettings('ja'));
    const japaneseRun = runCopy(copy.root, ['check'], { NISSHI_LANG: '' });
    expect(japaneseRun.stderr).toMatch(/^nisshi check: src\/site\.config\.ts の設定に誤りが 6 件あります/);
    const help = runCopy(copy.root, ['check', '--help'], { NISSHI_LANG: '' });
    expect(help).toMatchObject({ status: 0, stderr: '' });
    expect(help.stdout).toMatch(/^使い方: nisshi check/);
  });
});

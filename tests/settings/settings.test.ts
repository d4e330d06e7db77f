/**
 * One settings module: validated when anything starts, and read alike by
 * `nisshi check`, `nisshi parse` and the site's loader.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { nisshiLoader } from '../../src/loader/index.ts';
import { readSettingsOf } from '../../src/parse/read-log.ts';
import type { LogRecord } from '../../src/record/schema.ts';
import { parseSettings, SettingsError, type Settings } from '../../src/settings/settings.ts';
import { settingsInput, siteSettings } from '../../src/site.config.ts';
import { fakeContext, wholeRecord } from '../loader/fake-context.ts';

function io(cwd: string, now = new Date('2025-08-03T00:00:00Z')) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { cwd, stdout: (text) => void out.push(text), stderr: (text) => void err.push(text), now: () => now };
  return { io: value, out, err };
}

describe('parseSettings', () => {
  it('accepts the site.config.ts values', () => {
    expect(parseSettings(settingsInput)).toEqual(siteSettings);
    expect(siteSettings.timezone).toBe('Asia/Tokyo');
  });

  it('refuses bad values, naming each field, its value and what to write', () => {
    const attempt = () =>
      parseSettings({ ...settingsInput, timezone: 'Asia/Tokio', site: 'example.com', weekStart: 'friday', logsDir: '', vocabulary: { sections: { goals: 'やること' } } });
    expect(attempt).toThrow(SettingsError);
    expect(attempt).toThrow(/^src\/site\.config\.ts has 5 bad settings; fix them there:\n/);
    const message = (() => {
      try {
        attempt();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('  timezone (is "Asia/Tokio"): must be an IANA time zone name, e.g. Asia/Tokyo');
    expect(message).toContain('  site (is "example.com"): must be an absolute http(s) URL');
    expect(message).toContain('  weekStart (is "friday"):');
    expect(message).toContain('  logsDir (is ""): must name a folder, e.g. logs');
    expect(message).toContain('  vocabulary.sections.goals (is "やること"):');
  });

  it('refuses a misspelt setting rather than ignoring it', () => {
    expect(() => parseSettings({ ...settingsInput, timeZone: 'UTC' })).toThrow(/timeZone|Unrecognized key/);
  });
});

describe('the CLI reads the settings', () => {
  let folder = '';
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'nisshi-settings-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('new: today in the settings\' time zone, in the settings\' logs folder', async () => {
    const settings = parseSettings({ ...settingsInput, timezone: 'America/Los_Angeles', logsDir: 'diary' });
    // 2025-08-03 05:00 UTC is still 2025-08-02 in Los Angeles (and already the 3rd in Tokyo).
    const run = io(folder, new Date('2025-08-03T05:00:00Z'));
    expect(await main(['new'], run.io, settings)).toBe(0);
    expect(run.out.join('')).toBe(`${path.join('diary', '2025-08-02.md')}\n`);
  });

  it('check: the settings\' logs folder when no path is given', async () => {
    const settings = parseSettings({ ...settingsInput, logsDir: 'diary' });
    await mkdir(path.join(folder, 'diary'));
    await writeFile(path.join(folder, 'diary', '2025-08-03.md'), '# 2025-08-03\n\n##見出し\n');
    const run = io(folder);
    expect(await main(['check'], run.io, settings)).toBe(0);
    expect(run.out.join('')).toMatch(/^diary\/2025-08-03\.md:3:1: warning .+ \[heading-missing-space\]\n$/);
  });
});

describe('a custom vocabulary word in the settings', () => {
  const log = [
    '# 2025年8月3日',
    '',
    '## やりたいこと',
    '- 本を読む',
    '- 走る',
    '',
    '## メモ',
    '**見つけた問題**: 2件',
    '',
  ].join('\n');
  const settings: Settings = parseSettings({
    ...settingsInput,
    logsDir: 'logs',
    vocabulary: { sections: { goals: ['やりたいこと'] }, metrics: { problemsFound: ['見つけた問題'] } },
  });
  let folder = '';
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'nisshi-vocabulary-'));
    await mkdir(path.join(folder, 'logs'));
    await writeFile(path.join(folder, 'logs', '2025-08-03.md'), log);
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('is read the same by nisshi parse, nisshi check and the site', async () => {
    const parse = io(folder);
    expect(await main(['parse', 'logs'], parse.io, settings)).toBe(0);
    const [fromParse] = JSON.parse(parse.out.join('')) as LogRecord[];
    expect(fromParse?.goals.map((goal) => goal.text)).toEqual(['本を読む', '走る']);
    expect(fromParse?.metrics.problemsFound).toBe(2);
    // The log writes no 問題N, so the declared count is a warning, which only the custom label makes visible.
    expect(fromParse?.diagnostics.map((diagnostic) => diagnostic.rule)).toEqual(['count-mismatch']);

    const check = io(folder);
    expect(await main(['check'], check.io, settings)).toBe(0);
    const [diagnostic] = fromParse!.diagnostics;
    expect(check.out.join('')).toBe(`logs/2025-08-03.md:${diagnostic!.line}:${diagnostic!.column}: warning ${diagnostic!.message} [count-mismatch]\n`);

    const fake = fakeContext(folder);
    await nisshiLoader({ base: settings.logsDir, settings: readSettingsOf(settings), allowRawHtml: settings.allowRawHtml }).load(fake.context);
    // The site's record: the stored one with the parts kept with its body (src/record/stored-record.ts).
    expect(wholeRecord(fake, '2025-08-03')).toEqual(fromParse);
    expect(fake.logged.filter((line) => line.level === 'warn').map((line) => line.message)).toEqual([
      `logs/2025-08-03.md:${diagnostic!.line}:${diagnostic!.column}: warning ${diagnostic!.message} [count-mismatch]`,
    ]);
  });

  it('is not read without the settings (the default words do not know it)', async () => {
    const parse = io(folder);
    expect(await main(['parse', 'logs'], parse.io, siteSettings)).toBe(0);
    const [record] = JSON.parse(parse.out.join('')) as LogRecord[];
    expect(record?.goals).toEqual([]);
    expect(record?.metrics.problemsFound).toBeNull();
  });
});

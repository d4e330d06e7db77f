/**
 * The site's settings remembered once validated (src/site/validated-settings.ts):
 * the same result as parseSettings, a morning command then starts without
 * loading zod, and nothing is remembered for bad settings, with --no-cache,
 * NISSHI_NO_CACHE=1, or where the cache folder cannot be made.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSettings } from '../../src/settings/settings.ts';
import { settingsInput, siteSettings } from '../../src/site.config.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const validated = path.join(repo, 'src/site/validated-settings.ts');

let folder = '';
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = '';
});

async function project(): Promise<string> {
  folder = await mkdtemp(path.join(tmpdir(), 'nisshi-settings-'));
  await writeFile(path.join(folder, 'package.json'), '{ "private": true }\n');
  await mkdir(path.join(folder, 'logs'));
  return folder;
}

/**
 * validatedSettings(input) in a process of its own started in `cwd`: its
 * result, and whether zod was loaded to get it (a resolve hook lists what loads).
 */
function validateIn(cwd: string, input: unknown, env: Record<string, string> = {}): { settings?: unknown; error?: string; zod: boolean } {
  const script = `
    import module from 'node:module';
    let zod = false;
    module.registerHooks({ resolve(specifier, context, next) { const found = next(specifier, context); if (/node_modules\\/zod\\//.test(found.url)) zod = true; return found; } });
    const { validatedSettings } = await import(${JSON.stringify(validated)});
    try {
      const settings = await validatedSettings(${JSON.stringify(input)});
      console.log(JSON.stringify({ settings, zod }));
    } catch (error) {
      console.log(JSON.stringify({ error: error.message, zod }));
    }`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8', env: { ...process.env, NISSHI_CACHE_DIR: '', NISSHI_NO_CACHE: '', ...env } });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { settings?: unknown; error?: string; zod: boolean };
}

const remembered = (cwd: string) => {
  const where = path.join(cwd, 'node_modules/.cache/nisshi/settings');
  return existsSync(where) ? readdirSync(where) : [];
};

describe('settings remembered once validated', () => {
  it('give what parseSettings gives, the second time without loading zod', async () => {
    const cwd = await project();
    const first = validateIn(cwd, settingsInput);
    expect(first).toEqual({ settings: JSON.parse(JSON.stringify(parseSettings(settingsInput))), zod: true });
    expect(remembered(cwd)).toHaveLength(1);
    const second = validateIn(cwd, settingsInput);
    expect(second).toEqual({ settings: first.settings, zod: false });
    expect(second.settings).toEqual(JSON.parse(JSON.stringify(siteSettings)));
  });

  it('validate other settings again, and never remember bad ones', async () => {
    const cwd = await project();
    validateIn(cwd, settingsInput);
    const other = validateIn(cwd, { ...settingsInput, weekStart: 'sunday' });
    expect(other.zod).toBe(true);
    expect(other.settings).toMatchObject({ weekStart: 'sunday' });
    expect(remembered(cwd)).toHaveLength(2);
    for (let round = 0; round < 2; round++) {
      const bad = validateIn(cwd, { ...settingsInput, weekStart: 'friday' });
      expect(bad).toEqual({ error: expect.stringContaining('weekStart'), zod: true });
    }
    expect(remembered(cwd)).toHaveLength(2);
  });

  it('remember nothing with NISSHI_NO_CACHE=1 or --no-cache, and go on where the cache folder cannot be made', async () => {
    const cwd = await project();
    expect(validateIn(cwd, settingsInput, { NISSHI_NO_CACHE: '1' }).zod).toBe(true);
    expect(existsSync(path.join(cwd, 'node_modules'))).toBe(false);
    const check = spawnSync(process.execPath, [path.join(repo, 'bin/nisshi.js'), 'check', '--no-cache'], { cwd, encoding: 'utf8', env: { ...process.env, NISSHI_CACHE_DIR: '', NISSHI_NO_CACHE: '' } });
    expect(check.status).toBe(0);
    expect(existsSync(path.join(cwd, 'node_modules'))).toBe(false);
    await mkdir(path.join(cwd, 'node_modules'));
    await writeFile(path.join(cwd, 'node_modules/.cache'), 'a file in the way');
    for (let round = 0; round < 2; round++) expect(validateIn(cwd, settingsInput)).toMatchObject({ settings: { weekStart: 'monday' }, zod: true });
  });
});

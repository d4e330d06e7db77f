/**
 * The site's settings validated (settings/settings.ts), remembered once they
 * were: a command of the morning then starts without loading zod and the
 * schema, which were a fifth of its memory and 25 ms of its start. What is
 * remembered is the validated result for exactly this input (as JSON) and
 * this code of the settings folder, in the record index's cache folder
 * (node_modules/.cache/nisshi/settings/): any other input, a new nisshi, a
 * file that cannot be read or written, or an input or result JSON cannot
 * hold is validated as before. Bad settings are never remembered: their
 * error is the same every time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { sourceDigest } from '../files/source-digest.ts';
import { cacheFolder } from '../record-index/cache-folder.ts';
import type { Settings, SettingsInput } from '../settings/settings.ts';

let remembering = true;

/** Neither read nor write remembered settings in this process (`--no-cache`: nothing cached is used or made). */
export function forgoRememberedSettings(): void {
  remembering = false;
}

export async function validatedSettings(input: SettingsInput, source?: string): Promise<Settings> {
  const remembered = remembering ? memoFile(input) : null;
  if (remembered) {
    const kept = readMemo(remembered.file, remembered.key);
    if (kept) return kept;
  }
  const { parseSettings } = await import('../settings/settings.ts');
  const settings = parseSettings(input, source);
  if (remembered && isDeepStrictEqual(JSON.parse(JSON.stringify(settings)), settings)) writeMemo(remembered.file, remembered.key, settings);
  return settings;
}

/** Where this input's validated settings are remembered, and the key they are remembered under; null when they cannot be. */
function memoFile(input: SettingsInput): { file: string; key: string } | null {
  try {
    const folder = cacheFolder(process.cwd());
    if (!folder) return null;
    const json = JSON.stringify(input);
    if (!isDeepStrictEqual(JSON.parse(json), input)) return null;
    // The code that validates (and the ICU data time zones and locales are checked against).
    const code = sourceDigest([new URL('../settings/', import.meta.url)]);
    const key = createHash('sha256').update(JSON.stringify({ json, code, icu: process.versions.icu, tz: process.versions.tz })).digest('hex');
    return { file: path.join(folder, 'settings', `${key.slice(0, 16)}.json`), key };
  } catch {
    // No settings folder beside this module (a bundle), no cache folder: validated every time.
    return null;
  }
}

function readMemo(file: string, key: string): Settings | null {
  try {
    const memo = JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown; settings?: unknown };
    return memo.key === key && memo.settings !== null && typeof memo.settings === 'object' ? (memo.settings as Settings) : null;
  } catch {
    return null;
  }
}

/** Written whole under another name, then renamed: another command reads the old file or the new one, never half. */
function writeMemo(file: string, key: string, settings: Settings): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify({ key, settings }));
    renameSync(temporary, file);
  } catch {
    // A cache folder that cannot be written: the settings are validated again next time.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was made (a file where the folder should be).
    }
  }
}

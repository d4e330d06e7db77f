/**
 * Every file below a folder, by its path relative to the folder: what the
 * deploy uploads and scans of dist/, and what a rebuild prunes from it.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Paths of every file under the folder (dotfiles included), `/`-separated and sorted. */
export function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

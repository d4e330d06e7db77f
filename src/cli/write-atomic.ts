/**
 * Writes a file so that readers see either the old content or the new, never a
 * half-written one: the text goes to a temporary file beside the target, which
 * is then renamed over it (rename is atomic within one file system).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeFileAtomically(target: string, text: string): Promise<void> {
  const folder = path.dirname(target);
  await mkdir(folder, { recursive: true });
  // Same folder, so the rename never crosses file systems; a dot name keeps it out of `check`.
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

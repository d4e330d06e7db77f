/**
 * Writes a file so that readers see either the old content or the new, never a
 * half-written one: the text goes to a temporary file beside the target, which
 * is then renamed over it (rename is atomic within one file system).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Writes `text`, or the pieces of it in order as they come, then puts the file in place in one step. */
export async function writeFileAtomically(target: string, text: string | Iterable<string> | AsyncIterable<string>): Promise<void> {
  const folder = path.dirname(target);
  await mkdir(folder, { recursive: true });
  // Same folder, so the rename never crosses file systems; a dot name keeps it out of `check`.
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      if (typeof text === 'string') await handle.writeFile(text);
      else for await (const piece of text) await handle.writeFile(piece);
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

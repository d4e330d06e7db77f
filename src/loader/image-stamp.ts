/**
 * What the images beside a log are on disk, as part of the log's digest: a
 * log whose text did not change is still read again when an image it names
 * appears, disappears or changes (its `missing-image` warning, the page's
 * sized image and the page itself must follow). Candidates are found in the
 * text without parsing it (a parse is what the digest saves): anything after
 * `](`, `]:` or `src=` that ends in an image extension. Finding too many only
 * costs a stat; the parse decides which are images (src/parse/images.ts).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { imagePath, isLogRelativeImage } from '../parse/images.ts';

const CANDIDATE = /(?:\]\(\s*<?|\]:\s*<?|src=["'])([^\s"'<>()]+\.(?:png|jpe?g|gif|webp|avif|tiff?|svg))/gi;

/** The images a log's text may name by a relative path, as written. */
export function imageCandidates(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(CANDIDATE)) if (isLogRelativeImage(match[1]!)) found.add(match[1]!);
  return [...found].sort();
}

/** '' for a log without image candidates; else each candidate with its size and modification time, or `-` when absent. */
export function imageStamp(text: string, logPath: string, rootDir: string): string {
  const candidates = imageCandidates(text);
  if (candidates.length === 0) return '';
  return candidates
    .map((url) => {
      const info = statSync(path.resolve(rootDir, imagePath(logPath, url)), { throwIfNoEntry: false });
      return `\0${url}:${info?.isFile() ? `${info.size}:${info.mtimeMs}` : '-'}`;
    })
    .join('');
}

/**
 * Images beside a log: `![図](./diagram.png)`, `![](images/x.png)`,
 * `![](../assets/x.png)` — a path relative to the log's own file, which the
 * site takes into its build (Astro's image pipeline). Which image references
 * are such paths, where each one points, and the `missing-image` warning for
 * one that is not there or points out of the logs folder, are decided here,
 * once, for `nisshi check`, the build's loader and the language server.
 *
 * Pure: whether a file exists is asked of the caller (`exists`), so the
 * parser stays free of I/O. Private notes are blanked before the tree is
 * built, so an image inside one is never listed, checked or copied.
 */
import path from 'node:path';
import type { Definition, Image, ImageReference, Root } from 'mdast';
import { diagnose } from '../record/rules.ts';
import type { Diagnostic } from '../record/schema.ts';

/** An image the log names by a relative path, where it is written. */
export interface LogImage {
  /** The path as written (decoded as Markdown decodes it), e.g. `./diagram.png`. */
  url: string;
  line: number;
  column: number;
}

/** How the caller's file system answers: paths are the log's own path joined with the image's. */
export interface ImageCheck {
  /** The logs folder, in the same terms as `logFile` (absolute, or relative to the same folder). */
  logsDir: string;
  /** The log's path in those terms; the log's own path (the record's source) when left out. */
  logFile?: string | undefined;
  exists(filePath: string): boolean;
}

export interface CheckedImage extends LogImage {
  /** The image's path in the same terms as the log's path (joined, normalised, `/` separators). */
  path: string;
  /** Inside the logs folder and there: the site takes it into the build. */
  ok: boolean;
}

/** Image types Astro's image pipeline reads (astro/assets VALID_INPUT_FORMATS, less svg which it passes through unsized). */
const IMAGE_EXTENSIONS = /\.(?:png|jpe?g|gif|webp|avif|tiff?|svg)$/i;

/**
 * A path relative to the log: not a URL with a scheme (https:, data:), not
 * protocol-relative, not site-absolute (`/x.png` is public/'s, as before),
 * not a fragment, and naming an image file.
 */
export function isLogRelativeImage(url: string): boolean {
  if (url === '' || url.startsWith('/') || url.startsWith('#') || url.startsWith('\\')) return false;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return false;
  return IMAGE_EXTENSIONS.test(url.split(/[?#]/, 1)[0]!);
}

/** Every image of the tree given by a log-relative path, in document order (reference images through their definitions). */
export function logImages(tree: Root): LogImage[] {
  const definitions = new Map<string, string>();
  const found: Array<Image | ImageReference> = [];
  const walk = (node: { type: string; children?: unknown[] }): void => {
    if (node.type === 'definition') {
      const definition = node as unknown as Definition;
      if (!definitions.has(definition.identifier)) definitions.set(definition.identifier, definition.url);
    } else if (node.type === 'image' || node.type === 'imageReference') {
      found.push(node as unknown as Image | ImageReference);
    }
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  walk(tree);
  const images: LogImage[] = [];
  for (const node of found) {
    const url = node.type === 'image' ? node.url : definitions.get(node.identifier);
    if (url === undefined || !isLogRelativeImage(url)) continue;
    images.push({ url, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  }
  return images;
}

/** `url` (as written in the log at `logPath`) as a path in the log path's terms, query and fragment dropped. */
export function imagePath(logPath: string, url: string): string {
  let clean = url.split(/[?#]/, 1)[0]!;
  try {
    clean = decodeURI(clean);
  } catch {
    // A stray % is taken as written.
  }
  return path.posix.normalize(path.posix.join(path.posix.dirname(logPath.split('\\').join('/')), clean));
}

/** Whether `filePath` lies inside `folder` (both in the same terms, '/' separators). */
export function isInside(filePath: string, folder: string): boolean {
  const base = path.posix.normalize(folder.split('\\').join('/')).replace(/\/$/, '');
  if (base === '.' || base === '') return !filePath.startsWith('../') && filePath !== '..' && !path.posix.isAbsolute(filePath);
  return filePath.startsWith(`${base}/`);
}

/** Each image checked: inside the logs folder and present, or not. */
export function checkImages(images: readonly LogImage[], logPath: string, check: ImageCheck): CheckedImage[] {
  return images.map((image) => {
    const resolved = imagePath(logPath, image.url);
    const ok = isInside(resolved, check.logsDir) && check.exists(resolved);
    return { ...image, path: resolved, ok };
  });
}

/** A `missing-image` warning for each image that is not there or lies outside the logs folder. */
export function imageDiagnostics(checked: readonly CheckedImage[], logsDir: string): Diagnostic[] {
  return checked
    .filter((image) => !image.ok)
    .map((image) => diagnose('missing-image', image.line, image.column, { url: image.url, why: isInside(image.path, logsDir) ? 'missing' : 'outside' }));
}

import path from 'node:path';

/**
 * A path with `/` between its parts on every OS: records, messages, the
 * content store and the site name files this way, so nothing depends on
 * where nisshi ran.
 */
export function toPosix(filePath: string): string {
  return path.sep === '/' ? filePath : filePath.split(path.sep).join('/');
}

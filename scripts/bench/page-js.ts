/**
 * The JavaScript a built page ships, as a browser would fetch it: every
 * <script src> file, the inline scripts, and the modules those import
 * (statically, and separately the ones imported on demand), each file counted
 * once and gzipped at level 9 on its own, as it would be served.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageJs {
  /** gzip -9 bytes of the <script src> files and their static imports. */
  files: number;
  /** gzip -9 bytes of the inline scripts' text. */
  inline: number;
  /** gzip -9 bytes of modules only reached through import(): fetched when the page asks for them. */
  lazy: number;
  /** Every file counted, relative to dist. */
  fileNames: string[];
  /** Script URLs that point at nothing in dist. */
  missing: string[];
}

const scriptTag = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
// `from "x.js"` covers import and export … from; a bare `import "x.js"` is a side-effect import.
const staticImport = /(?:\bfrom\s*|\bimport\s*)(["'])([^"']+?\.m?js)\1/g;
const dynamicImport = /\bimport\s*\(\s*(["'])([^"']+?\.m?js)\1\s*\)/g;

export function gzipSize(bytes: Buffer | string): number {
  return gzipSync(bytes, { level: 9 }).length;
}

/** `pagePath` is the HTML file relative to dist, e.g. `logs/2025-12-31/index.html`; the site is served from `/`. */
export function measurePageJs(dist: string, pagePath: string): PageJs {
  const html = readFileSync(path.join(dist, pagePath), 'utf8');
  const pageUrl = new URL(`/${pagePath.replace(/index\.html$/, '')}`, 'http://site.invalid');
  const result: PageJs = { files: 0, inline: 0, lazy: 0, fileNames: [], missing: [] };
  const seen = new Set<string>();
  const lazyQueue: string[] = [];

  const visit = (url: URL, lazy: boolean): void => {
    const file = decodeURIComponent(url.pathname).replace(/^\//, '');
    if (seen.has(file)) return;
    seen.add(file);
    const full = path.join(dist, file);
    if (!existsSync(full)) {
      result.missing.push(url.pathname);
      return;
    }
    const text = readFileSync(full);
    if (lazy) result.lazy += gzipSize(text);
    else result.files += gzipSize(text);
    result.fileNames.push(lazy ? `${file} (on demand)` : file);
    followImports(text.toString('utf8'), url, lazy);
  };
  const followImports = (code: string, base: URL, lazy: boolean): void => {
    for (const [, , specifier] of code.matchAll(staticImport)) if (specifier) visit(new URL(specifier, base), lazy);
    for (const [, , specifier] of code.matchAll(dynamicImport)) if (specifier) lazyQueue.push(new URL(specifier, base).href);
  };

  for (const [, attributes = '', body = ''] of html.matchAll(scriptTag)) {
    if (!isJavaScript(attributes)) continue;
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1];
    if (src) {
      visit(new URL(src, pageUrl), false);
    } else if (body.trim() !== '') {
      result.inline += gzipSize(body);
      followImports(body, pageUrl, false);
    }
  }
  // On-demand modules last, so one that is also imported statically counts as shipped up front.
  for (let next = lazyQueue.shift(); next !== undefined; next = lazyQueue.shift()) visit(new URL(next), true);
  return result;
}

function isJavaScript(attributes: string): boolean {
  const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
  return type === undefined || type === 'module' || type === 'text/javascript' || type === 'application/javascript';
}

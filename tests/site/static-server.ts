/**
 * A small static file server on loopback for the built site, with the 404 page
 * the CDN would serve. Given a rewrite (CloudFront's viewer-request function)
 * and headers (its response headers policy), it serves the site as CloudFront would.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createGzip } from 'node:zlib';
import { extname, join, normalize } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServeOptions {
  /** Maps a request path to the object key, as a CloudFront Function does; without it, folders serve their index.html. */
  rewrite?: (pathname: string) => string;
  /** Added to every response. */
  headers?: Record<string, string>;
  /** Gzip text responses when the browser accepts it, as CloudFront does (for Lighthouse's view of the network). */
  compress?: boolean;
}

async function fileFor(root: string, pathname: string, rewrite: ServeOptions['rewrite']): Promise<string | null> {
  const path = normalize(join(root, decodeURIComponent(rewrite ? rewrite(pathname) : pathname)));
  if (!path.startsWith(root)) return null;
  for (const candidate of rewrite ? [path] : [path, join(path, 'index.html')]) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) return candidate;
  }
  return null;
}

export async function serveStatic(root: string, options: ServeOptions = {}): Promise<{ url: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const file = await fileFor(root, pathname, options.rewrite);
    const status = file ? 200 : 404;
    const body = file ?? join(root, '404.html');
    const type = types[extname(body)] ?? 'application/octet-stream';
    const gzip = options.compress === true && /charset|svg|wasm/.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(status, { 'Content-Type': type, ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}), ...options.headers });
    const stream = createReadStream(body).on('error', () => response.end());
    (gzip ? stream.pipe(createGzip()) : stream).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

/**
 * S3's conditional writes, in front of s3rver. s3rver 3.7 honours If-None-Match
 * only on GET (a 304) and stores a PUT or DELETE whatever its If-None-Match or
 * If-Match says, so a lock made with `PutObject IfNoneMatch: '*'` would never
 * be refused. No other S3-compatible server installs here from npm or Debian
 * (MinIO, moto, Garage, SeaweedFS: none packaged), so this proxy on loopback
 * answers conditional requests as S3 documents them and forwards the rest, the
 * signed request untouched:
 *
 * - PUT with `If-None-Match: *`: 412 PreconditionFailed when the key exists;
 * - PUT or DELETE with `If-Match: <etag>`: 404 NoSuchKey when the key does not
 *   exist, 412 PreconditionFailed when its ETag differs;
 * - every write to one key (PUT, copy, DELETE) is serialised, so the check and
 *   the write are one step for other writers through the proxy, as S3 makes
 *   them one step on the object.
 *
 * The check is a HEAD to s3rver (which takes unsigned requests). Besides, the
 * proxy can slow PUTs down and reports each one the server stored, so a test
 * can kill a deploy process while its uploads are under way.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConditionalLayer {
  endpoint: string;
  /** Called with each key (bucket left out) the server stored from a PUT or a copy, in order. */
  onStored: (key: string) => void;
  /** Milliseconds to hold each unconditional PUT before forwarding it. */
  putDelayMs: number;
  /** Conditional requests refused (412 or 404), for the tests' own checks. */
  refused: number;
  close(): Promise<void>;
}

interface Current {
  exists: boolean;
  etag: string | undefined;
}

export async function startConditionalLayer(upstream: string): Promise<ConditionalLayer> {
  const target = new URL(upstream);
  const queues = new Map<string, Promise<void>>();
  const layer: ConditionalLayer = { endpoint: '', onStored: () => {}, putDelayMs: 0, refused: 0, close: async () => {} };

  /** Runs one write of a key after the writes of that key before it. */
  const serialised = (key: string, step: () => Promise<void>): Promise<void> => {
    const previous = queues.get(key) ?? Promise.resolve();
    const next = previous.then(step, step);
    const settled = next.catch(() => {});
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return next;
  };

  const head = (path: string) =>
    new Promise<Current>((resolve, reject) => {
      const probe = httpRequest({ host: target.hostname, port: target.port, method: 'HEAD', path }, (response) => {
        response.resume();
        const etag = response.headers.etag?.replace(/"/g, '');
        resolve({ exists: response.statusCode === 200, etag });
      });
      probe.on('error', reject);
      probe.end();
    });

  const forward = (request: IncomingMessage, body: Buffer, response: ServerResponse, key: string | undefined) =>
    new Promise<void>((resolve) => {
      const upstreamRequest = httpRequest(
        { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers },
        (upstreamResponse) => {
          const chunks: Buffer[] = [];
          upstreamResponse.on('data', (chunk: Buffer) => chunks.push(chunk));
          upstreamResponse.on('end', () => {
            const status = upstreamResponse.statusCode ?? 502;
            if (key !== undefined && request.method === 'PUT' && status === 200) layer.onStored(key);
            response.writeHead(status, upstreamResponse.headers);
            response.end(Buffer.concat(chunks));
            resolve();
          });
        },
      );
      upstreamRequest.on('error', () => {
        request.socket.destroy();
        resolve();
      });
      upstreamRequest.end(body);
    });

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(request.url ?? '/', 'http://layer');
      const [, bucket, ...rest] = url.pathname.split('/');
      const key = rest.length > 0 && rest.join('') !== '' ? decodeURIComponent(rest.join('/')) : undefined;
      if (key === undefined || !isObjectWrite(request, url)) {
        void forward(request, body, response, undefined);
        return;
      }
      const ifNoneMatch = header(request, 'if-none-match');
      const ifMatch = header(request, 'if-match');
      void serialised(`${bucket}/${key}`, async () => {
        if (ifNoneMatch !== undefined || ifMatch !== undefined) {
          if (ifNoneMatch !== undefined && (request.method !== 'PUT' || ifNoneMatch !== '*')) {
            return refuse(response, 501, 'NotImplemented', 'If-None-Match is only supported as * on PutObject');
          }
          const current = await head(`/${bucket}/${rest.join('/')}`);
          if (ifNoneMatch === '*' && current.exists) {
            layer.refused++;
            return refuse(response, 412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 'If-None-Match');
          }
          if (ifMatch !== undefined) {
            if (!current.exists) {
              layer.refused++;
              return refuse(response, 404, 'NoSuchKey', 'The specified key does not exist.');
            }
            if (ifMatch !== '*' && ifMatch.replace(/"/g, '') !== current.etag) {
              layer.refused++;
              return refuse(response, 412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 'If-Match');
            }
          }
        } else if (request.method === 'PUT' && layer.putDelayMs > 0) {
          await new Promise((resolve) => setTimeout(resolve, layer.putDelayMs));
        }
        await forward(request, body, response, key);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  layer.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  layer.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return layer;
}

/** PutObject, CopyObject and DeleteObject: a PUT or DELETE of a key with no sub-resource (the SDK adds only `x-id`). */
function isObjectWrite(request: IncomingMessage, url: URL): boolean {
  return (request.method === 'PUT' || request.method === 'DELETE') && [...url.searchParams.keys()].every((name) => name === 'x-id');
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function refuse(response: ServerResponse, status: number, code: string, message: string, condition?: string): void {
  response.writeHead(status, { 'Content-Type': 'application/xml' });
  response.end(
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message>` +
      `${condition ? `<Condition>${condition}</Condition>` : ''}<RequestId>conditional-layer</RequestId></Error>`,
  );
}

/**
 * An HTTP proxy on loopback in front of s3rver that misbehaves like a busy S3:
 * it answers a share of requests with 503 SlowDown, resets connections (before
 * the request reaches the server, or after, losing the answer), and slows some
 * down. Faults are drawn from a seeded generator and never hit one request more
 * than twice in a row, so a client that retries (as the SDK's standard mode
 * does, up to 5 tries) always gets through and the tests do not flake.
 * It logs each PUT the server completed, in order, for the ordering checks.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultRates {
  slowDown: number;
  resetBefore: number;
  resetAfter: number;
  slow: number;
}

export interface CompletedPut {
  key: string;
  /** Order in which the server finished storing it. */
  order: number;
}

export interface FaultProxy {
  endpoint: string;
  rates: FaultRates;
  completedPuts: CompletedPut[];
  faults: Record<keyof FaultRates, number>;
  requests: number;
  close(): Promise<void>;
}

const NO_FAULTS: FaultRates = { slowDown: 0, resetBefore: 0, resetAfter: 0, slow: 0 };

export async function startFaultProxy(upstream: string, seed = 1): Promise<FaultProxy> {
  const target = new URL(upstream);
  let state = seed >>> 0;
  // mulberry32: small, seeded, good enough to spread faults.
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const failuresInARow = new Map<string, number>();
  const proxy: FaultProxy = {
    endpoint: '',
    rates: { ...NO_FAULTS },
    completedPuts: [],
    faults: { slowDown: 0, resetBefore: 0, resetAfter: 0, slow: 0 },
    requests: 0,
    close: async () => {},
  };

  const pickFault = (id: string): keyof FaultRates | undefined => {
    const roll = random();
    let edge = 0;
    for (const fault of ['slowDown', 'resetBefore', 'resetAfter', 'slow'] as const) {
      edge += proxy.rates[fault];
      if (roll < edge) {
        if (fault === 'slow') return fault;
        const inARow = failuresInARow.get(id) ?? 0;
        if (inARow >= 2) break;
        failuresInARow.set(id, inARow + 1);
        return fault;
      }
    }
    failuresInARow.delete(id);
    return undefined;
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    proxy.requests++;
    const id = `${request.method} ${request.url}`;
    const fault = pickFault(id);
    if (fault) proxy.faults[fault]++;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (fault === 'slowDown') {
        response.writeHead(503, { 'Content-Type': 'application/xml' });
        response.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>');
        return;
      }
      if (fault === 'resetBefore') {
        request.socket.destroy();
        return;
      }
      const forward = () => {
        const upstreamRequest = httpRequest(
          { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers },
          (upstreamResponse) => {
            const body: Buffer[] = [];
            upstreamResponse.on('data', (chunk: Buffer) => body.push(chunk));
            upstreamResponse.on('end', () => {
              const status = upstreamResponse.statusCode ?? 502;
              if (request.method === 'PUT' && status === 200) {
                const key = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).split('/').slice(2).join('/');
                proxy.completedPuts.push({ key, order: proxy.completedPuts.length });
              }
              if (fault === 'resetAfter') {
                request.socket.destroy();
                return;
              }
              response.writeHead(status, upstreamResponse.headers);
              response.end(Buffer.concat(body));
            });
          },
        );
        upstreamRequest.on('error', () => request.socket.destroy());
        upstreamRequest.end(Buffer.concat(chunks));
      };
      if (fault === 'slow') setTimeout(forward, 150);
      else forward();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

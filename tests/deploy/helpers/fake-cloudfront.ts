/**
 * A stand-in for CloudFront's REST XML API (2020-05-31) on loopback: enough of
 * GetDistribution, CreateInvalidation and GetInvalidation for the real SDK
 * client to talk to, recording every batch it was sent.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const NAMESPACE = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';

export interface FakeCloudFront {
  endpoint: string;
  /** Paths of each CreateInvalidation that succeeded, in order. */
  invalidations: string[][];
  /** GetInvalidation calls received. */
  polls: number;
  /** Answer this many more CreateInvalidation calls with TooManyInvalidationsInProgress. */
  busyFor: number;
  /** GetInvalidation says InProgress this many times before Completed. */
  pollsUntilDone: number;
  /** What GetDistribution reports. */
  domainName: string;
  originDomain: string;
  close(): Promise<void>;
  /** Stops answering at once, dropping open connections, as a network failure would. */
  kill(): void;
}

export const FAKE_DOMAIN_NAME = 'd111111abcdef8.cloudfront.net';

export async function startFakeCloudFront(distributionId: string, bucket = 'nisshi-site'): Promise<FakeCloudFront> {
  const fake: FakeCloudFront = {
    endpoint: '',
    invalidations: [],
    polls: 0,
    busyFor: 0,
    pollsUntilDone: 0,
    domainName: FAKE_DOMAIN_NAME,
    originDomain: `${bucket}.s3.us-east-1.amazonaws.com`,
    close: async () => {},
    kill: () => {},
  };
  const batches = new Map<string, string[]>();
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: Error) => send(response, 500, errorXml('InternalError', error.message)));
  });
  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const create = url.pathname === `/2020-05-31/distribution/${distributionId}/invalidation`;
    const get = /^\/2020-05-31\/distribution\/([^/]+)\/invalidation\/([^/]+)$/.exec(url.pathname);
    if (request.method === 'POST' && create) {
      if (fake.busyFor > 0) {
        fake.busyFor--;
        return send(response, 400, errorXml('TooManyInvalidationsInProgress', 'Too many invalidations in progress'));
      }
      const paths = [...body.matchAll(/<Path>(.*?)<\/Path>/g)].map((match) => unescapeXml(match[1] ?? ''));
      const quantity = Number(/<Quantity>(\d+)<\/Quantity>/.exec(body)?.[1]);
      if (quantity !== paths.length) return send(response, 400, errorXml('InconsistentQuantities', 'Quantity mismatch'));
      fake.invalidations.push(paths);
      const id = `I${fake.invalidations.length}FAKE`;
      batches.set(id, paths);
      response.setHeader('Location', `${fake.endpoint}/2020-05-31/distribution/${distributionId}/invalidation/${id}`);
      return send(response, 201, invalidationXml(id, 'InProgress', paths));
    }
    if (request.method === 'GET' && url.pathname === `/2020-05-31/distribution/${distributionId}`) {
      return send(response, 200, distributionXml(distributionId, fake.domainName, fake.originDomain));
    }
    if (request.method === 'GET' && get) {
      if (get[1] !== distributionId) return send(response, 404, errorXml('NoSuchDistribution', 'no such distribution'));
      const paths = batches.get(get[2] ?? '');
      if (!paths) return send(response, 404, errorXml('NoSuchInvalidation', 'no such invalidation'));
      fake.polls++;
      const done = fake.polls > fake.pollsUntilDone;
      return send(response, 200, invalidationXml(get[2] ?? '', done ? 'Completed' : 'InProgress', paths));
    }
    if (url.pathname.includes('/distribution/')) {
      return send(response, 404, errorXml('NoSuchDistribution', 'The specified distribution does not exist.'));
    }
    send(response, 400, errorXml('InvalidArgument', `unexpected ${request.method} ${url.pathname}`));
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  fake.kill = () => {
    server.close();
    server.closeAllConnections();
  };
  return fake;
}

function distributionXml(id: string, domainName: string, originDomain: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><Distribution xmlns="${NAMESPACE}"><Id>${id}</Id>` +
    `<ARN>arn:aws:cloudfront::123456789012:distribution/${id}</ARN><Status>Deployed</Status>` +
    `<LastModifiedTime>2025-08-04T00:00:00.000Z</LastModifiedTime><InProgressInvalidationBatches>0</InProgressInvalidationBatches>` +
    `<DomainName>${domainName}</DomainName><DistributionConfig><CallerReference>ref</CallerReference>` +
    `<Aliases><Quantity>0</Quantity></Aliases><Origins><Quantity>1</Quantity><Items><Origin><Id>site</Id>` +
    `<DomainName>${escapeXml(originDomain)}</DomainName><OriginPath></OriginPath></Origin></Items></Origins>` +
    `<Comment></Comment><Enabled>true</Enabled></DistributionConfig></Distribution>`
  );
}

function invalidationXml(id: string, status: string, paths: readonly string[]): string {
  const items = paths.map((path) => `<Path>${escapeXml(path)}</Path>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><Invalidation xmlns="${NAMESPACE}"><Id>${id}</Id><Status>${status}</Status>` +
    `<CreateTime>2025-08-04T00:00:00.000Z</CreateTime><InvalidationBatch><Paths><Quantity>${paths.length}</Quantity>` +
    `<Items>${items}</Items></Paths><CallerReference>ref</CallerReference></InvalidationBatch></Invalidation>`
  );
}

function errorXml(code: string, message: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><ErrorResponse xmlns="${NAMESPACE}"><Error><Type>Sender</Type>` +
    `<Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>fake</RequestId></ErrorResponse>`
  );
}

function send(response: ServerResponse, status: number, xml: string): void {
  response.writeHead(status, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': 'fake' });
  response.end(xml);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * A real S3-compatible server for the deploy tests: s3rver on loopback, storing
 * objects in a temp folder (its ETag is the MD5 of the bytes, as on S3), behind
 * the conditional layer that gives it S3's conditional writes (If-None-Match,
 * If-Match: conditional-layer.ts says why), plus the checks that read every
 * object back.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { headerRules, type HeaderSettings } from '../../../src/deploy/headers.ts';
import { startConditionalLayer, type ConditionalLayer } from './conditional-layer.ts';

export const TEST_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface TestS3 {
  /** The conditional layer's address: what every client in the tests talks to. */
  endpoint: string;
  /** s3rver itself, without conditional writes. */
  serverEndpoint: string;
  layer: ConditionalLayer;
  bucket: string;
  /** A client of the test's own, for seeding and reading back. */
  client: S3Client;
  close(): Promise<void>;
}

/**
 * s3rver 3.7 keeps the destination's old MD5 file when a CopyObject replaces
 * the metadata, so the copy lists with the ETag of the bytes it replaced;
 * S3 gives it the ETag of the bytes copied (a rollback's restores are such
 * copies). Removing the stale MD5 first makes s3rver compute it from the bytes.
 */
export function copyKeepsTheSourceEtag(server: S3rver): void {
  const store = (server as unknown as { store: S3rverStore }).store;
  const copy = store.copyObject.bind(store);
  store.copyObject = async (srcBucket, srcKey, destBucket, destKey, replacement) => {
    if (replacement) await rm(store.getResourcePath(destBucket, destKey, 'object.md5'), { force: true });
    return copy(srcBucket, srcKey, destBucket, destKey, replacement);
  };
}

interface S3rverStore {
  getResourcePath(bucket: string, key: string, resource: string): string;
  copyObject(srcBucket: string, srcKey: string, destBucket: string, destKey: string, replacement: unknown): Promise<unknown>;
}

export async function startS3(bucket = 'nisshi-site'): Promise<TestS3> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'nisshi-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  copyKeepsTheSourceEtag(server);
  const { port } = await server.run();
  const serverEndpoint = `http://127.0.0.1:${port}`;
  const layer = await startConditionalLayer(serverEndpoint);
  const endpoint = layer.endpoint;
  const client = new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: TEST_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    endpoint,
    serverEndpoint,
    layer,
    bucket,
    client,
    async close() {
      client.destroy();
      await layer.close();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

export interface StoredObject {
  key: string;
  body: Buffer;
  contentType: string | undefined;
  cacheControl: string | undefined;
  etag: string;
}

/** Every object in the bucket (all pages of the listing), read back whole. */
export async function readBucket(s3: TestS3, prefix = ''): Promise<Map<string, StoredObject>> {
  const objects = new Map<string, StoredObject>();
  let token: string | undefined;
  do {
    const page = await s3.client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix, ContinuationToken: token }));
    for (const entry of page.Contents ?? []) {
      const key = entry.Key as string;
      const object = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
      objects.set(key, {
        key,
        body: Buffer.from(await object.Body!.transformToByteArray()),
        contentType: object.ContentType,
        cacheControl: object.CacheControl,
        etag: (object.ETag ?? '').replace(/"/g, ''),
      });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return objects;
}

export async function putObject(s3: TestS3, key: string, body: string): Promise<void> {
  await s3.client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: Buffer.from(body), ContentType: 'text/plain' }));
}

/**
 * What the bucket should hold under the prefix after deploying `files` (site
 * path → bytes): exactly those objects, with the bytes and headers the rules give.
 * Returns the differences, empty when the bucket equals the build.
 */
export async function bucketDifferences(
  s3: TestS3,
  prefix: string,
  distDir: string,
  sitePaths: readonly string[],
  settings: HeaderSettings = {},
): Promise<string[]> {
  const headersFor = headerRules(settings);
  const stored = await readBucket(s3, prefix);
  // nisshi's own folder (manifest, deploy records, archive) is not part of the site.
  for (const key of stored.keys()) if (key.startsWith(`${prefix}.nisshi/`)) stored.delete(key);
  for (const key of stored.keys()) if (key.endsWith('/')) stored.delete(key);
  const differences: string[] = [];
  for (const sitePath of sitePaths) {
    const object = stored.get(`${prefix}${sitePath}`);
    stored.delete(`${prefix}${sitePath}`);
    if (!object) {
      differences.push(`missing ${sitePath}`);
      continue;
    }
    const bytes = await readFile(path.join(distDir, sitePath));
    const expected = headersFor(sitePath);
    if (!object.body.equals(bytes)) differences.push(`bytes differ: ${sitePath}`);
    if (object.contentType !== expected.contentType) differences.push(`Content-Type ${object.contentType}: ${sitePath}`);
    if (object.cacheControl !== expected.cacheControl) differences.push(`Cache-Control ${object.cacheControl}: ${sitePath}`);
  }
  for (const key of stored.keys()) differences.push(`extra ${key}`);
  return differences;
}

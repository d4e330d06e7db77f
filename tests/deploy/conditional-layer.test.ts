/**
 * Why the deploy tests put a layer in front of s3rver, and that the layer
 * answers conditional writes as S3 documents them (the real SDK client).
 */
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestCredentials } from './helpers/deploy-env.ts';
import { TEST_CREDENTIALS, startS3, type TestS3 } from './helpers/s3-server.ts';

let s3: TestS3;
let direct: S3Client;

beforeAll(async () => {
  useTestCredentials();
  s3 = await startS3();
  direct = new S3Client({ region: 'us-east-1', endpoint: s3.serverEndpoint, forcePathStyle: true, credentials: TEST_CREDENTIALS });
});

afterAll(async () => {
  direct.destroy();
  await s3.close();
});

const put = (client: S3Client, key: string, body: string, condition: { IfNoneMatch?: string; IfMatch?: string } = {}) =>
  client.send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: body, ...condition }));
const status = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
const text = async (key: string) => (await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }))).Body?.transformToString();

describe('conditional writes', () => {
  it('s3rver alone stores a create-only PUT over an existing object (so it cannot hold a lock)', async () => {
    await put(direct, 'plain/lock', 'first', { IfNoneMatch: '*' });
    await put(direct, 'plain/lock', 'second', { IfNoneMatch: '*' });
    expect(await text('plain/lock')).toBe('second');
  });

  it('through the layer, If-None-Match: * creates once and then is refused with 412', async () => {
    await put(s3.client, 'layer/lock', 'first', { IfNoneMatch: '*' });
    await expect(put(s3.client, 'layer/lock', 'second', { IfNoneMatch: '*' })).rejects.toSatisfy((error) => status(error) === 412);
    expect(await text('layer/lock')).toBe('first');
  });

  it('If-Match replaces only the version with that ETag; a missing key is 404', async () => {
    const { ETag } = await put(s3.client, 'layer/manifest', 'v1');
    await expect(put(s3.client, 'layer/manifest', 'v2', { IfMatch: '"0123456789abcdef0123456789abcdef"' })).rejects.toSatisfy((error) => status(error) === 412);
    const replaced = await put(s3.client, 'layer/manifest', 'v2', { IfMatch: ETag });
    expect(await text('layer/manifest')).toBe('v2');
    await expect(put(s3.client, 'layer/manifest', 'v3', { IfMatch: ETag })).rejects.toSatisfy((error) => status(error) === 412);
    await expect(put(s3.client, 'layer/none', 'v1', { IfMatch: ETag })).rejects.toSatisfy((error) => status(error) === 404);
    expect(replaced.ETag).not.toBe(ETag);
  });

  it('DeleteObject with If-Match deletes only that version', async () => {
    const { ETag } = await put(s3.client, 'layer/delete', 'v1');
    await expect(s3.client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: 'layer/delete', IfMatch: '"ffffffffffffffffffffffffffffffff"' }))).rejects.toSatisfy(
      (error) => status(error) === 412,
    );
    await s3.client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: 'layer/delete', IfMatch: ETag }));
    await expect(text('layer/delete')).rejects.toSatisfy((error) => (error as { name?: string }).name === 'NoSuchKey');
  });

  it('of two creates sent at once, exactly one succeeds', async () => {
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, n) => put(s3.client, 'layer/race', `run ${n}`, { IfNoneMatch: '*' })));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  });
});

/**
 * The S3 calls a deploy makes, on one client, each with explicit inputs. Keys
 * are the prefix plus a site path; nothing here reaches outside the prefix.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { MANIFEST_PATH } from './manifest.ts';
import { knownFromHead, unquoteEtag, type KnownObject, type ListedObject, type LocalFile } from './plan.ts';

export interface S3Target {
  bucket: string;
  /** '' or a folder ending in '/'. */
  prefix: string;
  /** Undefined: the SDK takes it from the profile. */
  region: string | undefined;
  /** From AWS_ENDPOINT_URL_S3: an S3-compatible server, addressed path-style. */
  endpoint: string | undefined;
  maxAttempts: number;
}

/** Where the object's MD5 is kept, since its ETag may not be one. */
export const MD5_METADATA = 'nisshi-md5';

export function createS3Client(target: S3Target): S3Client {
  return new S3Client({
    ...(target.region ? { region: target.region } : {}),
    ...(target.endpoint ? { endpoint: target.endpoint, forcePathStyle: true } : {}),
    retryMode: 'standard',
    maxAttempts: target.maxAttempts,
    // Bodies are Buffers sent with Content-MD5; the default CRC32 would stream them
    // aws-chunked, which S3-compatible servers such as s3rver store with the framing.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Folder-like prefix: `site` becomes `site/`, so it never matches `site2/…`. */
export function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').replace(/^\/+|(?<!\/)\/+$/g, '');
  return trimmed === '' ? '' : `${trimmed}/`;
}

export interface S3Site {
  readonly target: S3Target;
  /** Requests sent, by kind, for the summary and the bench. */
  readonly requests: Record<'list' | 'head' | 'get' | 'put' | 'delete', number>;
  list(): Promise<ListedObject[]>;
  head(sitePath: string): Promise<KnownObject>;
  readManifest(): Promise<string | undefined>;
  upload(distDir: string, file: LocalFile, signal?: AbortSignal): Promise<string>;
  writeManifest(text: string): Promise<void>;
  remove(sitePath: string, signal?: AbortSignal): Promise<void>;
}

export function s3Site(client: S3Client, target: S3Target): S3Site {
  const { bucket, prefix } = target;
  const requests = { list: 0, head: 0, get: 0, put: 0, delete: 0 };
  const keyOf = (sitePath: string) => `${prefix}${sitePath}`;
  return {
    target,
    requests,
    async list() {
      const objects: ListedObject[] = [];
      let token: string | undefined;
      do {
        requests.list++;
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: 1000 }),
        );
        for (const object of page.Contents ?? []) {
          if (!object.Key?.startsWith(prefix)) continue;
          const sitePath = object.Key.slice(prefix.length);
          // Folder markers (`logs/`, made by consoles) hold no page: neither compared nor deleted.
          if (sitePath === MANIFEST_PATH || sitePath === '' || sitePath.endsWith('/')) continue;
          objects.push({ path: sitePath, etag: unquoteEtag(object.ETag ?? ''), size: object.Size ?? 0 });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return objects;
    },
    async head(sitePath) {
      requests.head++;
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(sitePath) }));
      return knownFromHead({
        etag: unquoteEtag(head.ETag ?? ''),
        contentType: head.ContentType,
        cacheControl: head.CacheControl,
        metadataMd5: head.Metadata?.[MD5_METADATA],
      });
    },
    async readManifest() {
      requests.get++;
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(MANIFEST_PATH) }));
        return await object.Body?.transformToString('utf8');
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async upload(distDir, file, signal) {
      const body = await readFile(path.join(distDir, file.path));
      requests.put++;
      const result = await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: keyOf(file.path),
          Body: body,
          ContentLength: body.length,
          ContentMD5: Buffer.from(file.md5, 'hex').toString('base64'),
          ContentType: file.contentType,
          CacheControl: file.cacheControl,
          Metadata: { [MD5_METADATA]: file.md5 },
        }),
        { abortSignal: signal },
      );
      return unquoteEtag(result.ETag ?? '');
    },
    async writeManifest(text) {
      requests.put++;
      const body = Buffer.from(text, 'utf8');
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: keyOf(MANIFEST_PATH),
          Body: body,
          ContentLength: body.length,
          ContentType: 'application/json; charset=utf-8',
          CacheControl: 'no-store',
        }),
      );
    },
    async remove(sitePath, signal) {
      const key = keyOf(sitePath);
      // The plan only holds listed keys, but a deletion is the one step that cannot be undone: check again.
      if (!key.startsWith(prefix) || sitePath === MANIFEST_PATH || sitePath === '') {
        throw new Error(`refusing to delete ${key}: outside the prefix "${prefix}"`);
      }
      requests.delete++;
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
    },
  };
}

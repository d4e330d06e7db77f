/**
 * The S3 calls a deploy makes, on one client, each with explicit inputs. Keys
 * are the prefix plus a site path; nothing here reaches outside the prefix.
 * nisshi's own objects that two runs could race for (the manifest, the lock)
 * are written with S3's conditional writes (If-None-Match: * to create,
 * If-Match: <ETag> to replace or delete), so a write based on a state that has
 * changed since is refused by S3 instead of overwriting the other run's.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { ARCHIVE_FOLDER, HISTORY_FOLDER, LOCK_PATH, MANIFEST_PATH, NISSHI_FOLDER } from './config.ts';
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

/** An object of nisshi's folder read with the ETag it had, for a conditional write after. */
export interface StoredText {
  text: string;
  etag: string;
}

/** Create only when absent, or replace only the version with this ETag. */
export type WriteCondition = { ifAbsent: true } | { ifMatch: string };

/**
 * Written (with the new ETag), or refused because the object is not in the
 * state the condition named (`changed`), or because another conditional write
 * to it was in flight (`conflict`, S3's 409).
 */
export type ConditionalWrite = { written: true; etag: string } | { written: false; reason: 'changed' | 'conflict' };

export interface S3Site {
  readonly target: S3Target;
  /** Requests sent, by kind, for the summary and the bench. */
  readonly requests: Record<'bucket' | 'list' | 'head' | 'get' | 'put' | 'copy' | 'delete', number>;
  /** HeadBucket: the credentials work and the bucket exists, before anything is written. */
  checkBucket(): Promise<void>;
  /** The site's objects, nisshi's own folder left out. */
  list(): Promise<ListedObject[]>;
  head(sitePath: string): Promise<KnownObject>;
  readManifest(): Promise<StoredText | undefined>;
  /**
   * The writes of site objects take no abort signal on purpose: a stopped run
   * stops between requests (its pool starts no new one) and waits for those in
   * flight, so nothing it sent can still land after it released its lock.
   */
  upload(distDir: string, file: LocalFile): Promise<string>;
  writeManifest(text: string, condition: WriteCondition): Promise<ConditionalWrite>;
  readLock(): Promise<StoredText | undefined>;
  writeLock(text: string, condition: WriteCondition): Promise<ConditionalWrite>;
  /** Deletes the lock if it still has this ETag: `removed`, `changed` (another run's lock now) or `gone`. */
  removeLock(etag: string): Promise<'removed' | 'changed' | 'gone'>;
  remove(sitePath: string): Promise<void>;
  /** Keeps a copy of an object nisshi just wrote under .nisshi/objects/<md5> (server-side copy). */
  archive(sitePath: string, md5: string): Promise<void>;
  /** Puts an archived version back at its key with the given headers; returns the new ETag. */
  restore(sitePath: string, entry: { md5: string; contentType: string; cacheControl: string }): Promise<string>;
  /** Names (without folder) of the deploy records, oldest first. */
  listRecords(): Promise<string[]>;
  readRecord(name: string): Promise<string | undefined>;
  writeRecord(name: string, text: string): Promise<void>;
}

export function s3Site(client: S3Client, target: S3Target): S3Site {
  const { bucket, prefix } = target;
  const requests = { bucket: 0, list: 0, head: 0, get: 0, put: 0, copy: 0, delete: 0 };
  const keyOf = (sitePath: string) => `${prefix}${sitePath}`;
  // CopySource is `bucket/key`, URL-encoded segment by segment.
  const copySource = (key: string) => `${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
  /**
   * Every key under a folder. With `skip`, the keys under that subfolder are
   * jumped over with StartAfter instead of paged through: the archive under
   * .nisshi/objects/ grows with every deploy and the site listing needs none of it.
   */
  const listKeys = async (under: string, skip?: string) => {
    const keys = new Map<string, { key: string; etag: string; size: number }>();
    let token: string | undefined;
    let startAfter: string | undefined;
    do {
      requests.list++;
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: under, ContinuationToken: token, StartAfter: startAfter, MaxKeys: 1000 }),
      );
      let skipped = false;
      for (const object of page.Contents ?? []) {
        if (!object.Key?.startsWith(under)) continue;
        if (skip !== undefined && object.Key.startsWith(skip)) {
          skipped = true;
          continue;
        }
        keys.set(object.Key, { key: object.Key, etag: unquoteEtag(object.ETag ?? ''), size: object.Size ?? 0 });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
      if (skipped && token !== undefined && startAfter === undefined) {
        // Keys sort by their UTF-8 bytes: U+FFFF is after every key nisshi writes under its folder.
        startAfter = `${skip}\uffff`;
        token = undefined;
        requests.list++;
        const rest = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: under, StartAfter: startAfter, MaxKeys: 1000 }),
        );
        for (const object of rest.Contents ?? []) {
          if (object.Key?.startsWith(under)) keys.set(object.Key, { key: object.Key, etag: unquoteEtag(object.ETag ?? ''), size: object.Size ?? 0 });
        }
        token = rest.IsTruncated ? rest.NextContinuationToken : undefined;
        startAfter = undefined;
      }
    } while (token);
    return [...keys.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  };
  const getStored = async (key: string): Promise<StoredText | undefined> => {
    requests.get++;
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const text = await object.Body?.transformToString('utf8');
      return text === undefined ? undefined : { text, etag: unquoteEtag(object.ETag ?? '') };
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  };
  const getText = async (key: string) => (await getStored(key))?.text;
  const putJson = async (key: string, text: string, condition?: WriteCondition) => {
    requests.put++;
    const body = Buffer.from(text, 'utf8');
    const result = await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentLength: body.length,
        ContentType: 'application/json; charset=utf-8',
        CacheControl: 'no-store',
        ...(condition && 'ifAbsent' in condition ? { IfNoneMatch: '*' } : {}),
        ...(condition && 'ifMatch' in condition ? { IfMatch: `"${condition.ifMatch}"` } : {}),
      }),
    );
    return unquoteEtag(result.ETag ?? '');
  };
  /**
   * A conditional write. When S3 refuses it, the object is read back: if it
   * already holds exactly this text, the refusal answered a retry of this very
   * write (the first try landed and its answer was lost), so it counts as written.
   */
  const putJsonIf = async (key: string, text: string, condition: WriteCondition): Promise<ConditionalWrite> => {
    try {
      return { written: true, etag: await putJson(key, text, condition) };
    } catch (error) {
      const refusal = conditionRefusal(error);
      if (refusal === undefined) throw error;
      if (refusal === 'conflict') return { written: false, reason: 'conflict' };
      const now = await getStored(key);
      return now?.text === text ? { written: true, etag: now.etag } : { written: false, reason: 'changed' };
    }
  };
  return {
    target,
    requests,
    async checkBucket() {
      requests.bucket++;
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    },
    async list() {
      const objects: ListedObject[] = [];
      for (const { key, etag, size } of await listKeys(prefix, keyOf(NISSHI_FOLDER))) {
        const sitePath = key.slice(prefix.length);
        // Folder markers (`logs/`, made by consoles) hold no page: neither compared nor deleted.
        if (sitePath.startsWith(NISSHI_FOLDER) || sitePath === '' || sitePath.endsWith('/')) continue;
        objects.push({ path: sitePath, etag, size });
      }
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
    readManifest() {
      return getStored(keyOf(MANIFEST_PATH));
    },
    writeManifest(text, condition) {
      return putJsonIf(keyOf(MANIFEST_PATH), text, condition);
    },
    readLock() {
      return getStored(keyOf(LOCK_PATH));
    },
    writeLock(text, condition) {
      return putJsonIf(keyOf(LOCK_PATH), text, condition);
    },
    async removeLock(etag) {
      requests.delete++;
      try {
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(LOCK_PATH), IfMatch: `"${etag}"` }));
        return 'removed';
      } catch (error) {
        const name = (error as { name?: string }).name;
        if (name === 'NoSuchKey' || name === 'NotFound') return 'gone';
        if (conditionRefusal(error) !== undefined) return 'changed';
        throw error;
      }
    },
    async upload(distDir, file) {
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
      );
      return unquoteEtag(result.ETag ?? '');
    },
    async remove(sitePath) {
      const key = keyOf(sitePath);
      // The plan only holds listed keys, but a deletion is the one step that cannot be undone: check again.
      if (!key.startsWith(prefix) || sitePath.startsWith(NISSHI_FOLDER) || sitePath === '') {
        throw new Error(`refusing to delete ${key}: outside the prefix "${prefix}"`);
      }
      requests.delete++;
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    async archive(sitePath, md5) {
      requests.copy++;
      await client.send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key: keyOf(`${ARCHIVE_FOLDER}${md5}`),
          CopySource: copySource(keyOf(sitePath)),
          MetadataDirective: 'COPY',
        }),
      );
    },
    async restore(sitePath, entry) {
      requests.copy++;
      const result = await client.send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key: keyOf(sitePath),
          CopySource: copySource(keyOf(`${ARCHIVE_FOLDER}${entry.md5}`)),
          MetadataDirective: 'REPLACE',
          ContentType: entry.contentType,
          CacheControl: entry.cacheControl,
          Metadata: { [MD5_METADATA]: entry.md5 },
        }),
      );
      return unquoteEtag(result.CopyObjectResult?.ETag ?? '');
    },
    async listRecords() {
      const folder = keyOf(HISTORY_FOLDER);
      return (await listKeys(folder)).map(({ key }) => key.slice(folder.length)).sort();
    },
    readRecord(name) {
      return getText(keyOf(`${HISTORY_FOLDER}${name}`));
    },
    async writeRecord(name, text) {
      await putJson(keyOf(`${HISTORY_FOLDER}${name}`), text);
    },
  };
}

/** S3's answers to a conditional request whose condition did not hold (412), or that raced another one (409). */
function conditionRefusal(error: unknown): 'changed' | 'conflict' | undefined {
  const shape = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  const status = shape.$metadata?.httpStatusCode;
  if (shape.name === 'PreconditionFailed' || status === 412) return 'changed';
  // If-Match on a key that is not there: S3 answers 404.
  if (shape.name === 'NoSuchKey' || (status === 404 && shape.name === 'NotFound')) return 'changed';
  if (shape.name === 'ConditionalRequestConflict' || status === 409) return 'conflict';
  return undefined;
}

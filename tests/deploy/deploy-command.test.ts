import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { startFakeCloudFront, type FakeCloudFront } from './helpers/fake-cloudfront.ts';
import { DISTRIBUTION_ID, copyFixture, sitePathsOf, useTestCredentials } from './helpers/deploy-env.ts';
import { bucketDifferences, readBucket, startS3, type TestS3 } from './helpers/s3-server.ts';

let s3: TestS3;
let cloudFront: FakeCloudFront;
let dist: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function nisshi(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd: process.cwd(),
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    now: () => new Date(),
  };
  const code = await main(['deploy', ...args], io);
  return { code, stdout, stderr };
}

beforeAll(async () => {
  useTestCredentials();
  s3 = await startS3();
  cloudFront = await startFakeCloudFront(DISTRIBUTION_ID);
});

afterAll(async () => {
  await s3.close();
  await cloudFront.close();
  await rm(dist, { recursive: true, force: true });
});

beforeEach(async () => {
  useTestCredentials();
  process.env.NISSHI_S3_BUCKET = s3.bucket;
  process.env.NISSHI_CLOUDFRONT_DISTRIBUTION_ID = DISTRIBUTION_ID;
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
  process.env.AWS_ENDPOINT_URL_CLOUDFRONT = cloudFront.endpoint;
  if (dist) await rm(dist, { recursive: true, force: true });
  dist = await copyFixture();
});

describe('nisshi deploy, from the command line', () => {
  it('deploys with settings from the environment and prints a summary; --json prints it as JSON', async () => {
    const first = await nisshi('--dist', dist, '--prefix', 'cli');
    expect(first.stderr).toContain('upload hashed');
    expect(first.stdout).toMatch(/^deployed s3:\/\/nisshi-site\/cli\/: 19 uploaded \([\d.]+ kB\), 0 deleted, 0 unchanged; \d+ path\(s\) invalidated \(I\d+FAKE\); secret scan: 19 file\(s\) read, 0 passed before; [\d.]+ s\n$/);
    expect(first.code).toBe(0);
    expect(await bucketDifferences(s3, 'cli/', dist, await sitePathsOf(dist))).toEqual([]);
    const second = await nisshi('--dist', dist, '--prefix', 'cli', '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ uploaded: 0, deleted: 0, unchanged: 19, pathsInvalidated: [] });
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const run = await nisshi('--dist', dist, '--prefix', 'dry', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('upload  hashed  _astro/app.B1c2D3e4.js (new)');
    expect(run.stdout).toContain('invalidate /logs/2025-08-03/');
    expect(run.stdout).toMatch(/dry run, would deploy s3:\/\/nisshi-site\/dry\/: 19 uploaded/);
    expect((await readBucket(s3, 'dry/')).size).toBe(0);
  });

  it('stops a plan that deletes too much, deletes nothing, and goes ahead with --force', async () => {
    expect((await nisshi('--dist', dist, '--prefix', 'guard')).code).toBe(0);
    const wrong = await mkdtemp(path.join(os.tmpdir(), 'nisshi-wrong-dist-'));
    await writeFile(path.join(wrong, 'index.html'), '<!doctype html><title>other</title>');
    const before = await readBucket(s3, 'guard/');
    const refused = await nisshi('--dist', wrong, '--prefix', 'guard');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/\nnisshi deploy: refusing to deploy: the plan would delete 18 of the bucket's 19 objects .*--force\n$/);
    expect([...(await readBucket(s3, 'guard/')).entries()]).toEqual([...before.entries()]);
    const forced = await nisshi('--dist', wrong, '--prefix', 'guard', '--force');
    expect(forced.code).toBe(0);
    expect(await bucketDifferences(s3, 'guard/', wrong, ['index.html'])).toEqual([]);
    await rm(wrong, { recursive: true });
  });
});

describe('nisshi deploy refuses', () => {
  it('without a bucket', async () => {
    delete process.env.NISSHI_S3_BUCKET;
    expect(await nisshi('--dist', dist)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'nisshi deploy: --bucket / NISSHI_S3_BUCKET: no bucket configured; pass --bucket or set NISSHI_S3_BUCKET\n',
    });
  });

  it('without a build, or a build with no index.html', async () => {
    const missing = await nisshi('--dist', path.join(dist, 'nothing'));
    expect(missing.stderr).toMatch(/does not exist; run npm run build first\n$/);
    expect(missing.code).toBe(1);
    await rm(path.join(dist, 'index.html'));
    expect((await nisshi('--dist', dist)).stderr).toMatch(/has no index.html; run npm run build first\n$/);
  });

  it('a build holding a draft', async () => {
    const records = path.join(dist, 'data/logs/2025.json');
    await writeFile(records, (await readFile(records, 'utf8')).replace('"draft": false', '"draft": true'));
    const run = await nisshi('--dist', dist);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the build holds 1 draft log(s) (logs/2025-08-03.md)');
  });

  it('a build holding a secret, naming file and line', async () => {
    const page = path.join(dist, 'logs/2025-08-04/index.html');
    await writeFile(page, `${await readFile(page, 'utf8')}\n<p>${['AKIA', 'Q3RW5TYU7IOP9LKJ'].join('')}</p>\n`);
    const run = await nisshi('--dist', dist, '--prefix', 'secret');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${page}:7: AWS access key id`);
    expect((await readBucket(s3, 'secret/')).size).toBe(0);
  });
});

describe('nisshi deploy explains AWS failures in one line', () => {
  const oneLine = (run: Run) => {
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    return run.stderr;
  };

  it('a bucket that does not exist', async () => {
    expect(oneLine(await nisshi('--dist', dist, '--bucket', 'no-such-bucket'))).toMatch(
      /bucket s3:\/\/no-such-bucket\/ does not exist; check --bucket or NISSHI_S3_BUCKET/,
    );
  });

  it('no credentials', async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    expect(oneLine(await nisshi('--dist', dist))).toMatch(/no AWS credentials found; set AWS_PROFILE/);
  });

  it('no region', async () => {
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    expect(oneLine(await nisshi('--dist', dist))).toMatch(/no AWS region configured; set AWS_REGION/);
  });

  it('credentials S3 does not accept', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDNOTKNOWN';
    expect(oneLine(await nisshi('--dist', dist, '--prefix', 'denied'))).toMatch(/S3 denied access to s3:\/\/nisshi-site\/denied\/ .*s3:PutObject/);
  });

  it('a bucket in another region', async () => {
    const redirect = await startRedirectingServer();
    process.env.AWS_ENDPOINT_URL_S3 = redirect.endpoint;
    expect(oneLine(await nisshi('--dist', dist))).toMatch(/is not in region us-east-1 but in ap-northeast-1; set AWS_REGION=ap-northeast-1/);
    redirect.server.close();
  });

  it('the network down', async () => {
    process.env.AWS_ENDPOINT_URL_S3 = await closedPort();
    expect(oneLine(await nisshi('--dist', dist, '--max-attempts', '2'))).toMatch(
      /could not reach S3 at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\); check the network connection and AWS_ENDPOINT_URL_S3/,
    );
  });

  it('a CloudFront distribution that does not exist', async () => {
    expect(oneLine(await nisshi('--dist', dist, '--prefix', 'cf', '--distribution-id', 'ENOSUCH', '--json'))).toMatch(
      /CloudFront distribution ENOSUCH does not exist/,
    );
  });
});

/** Answers everything as S3 does for a bucket in another region. */
async function startRedirectingServer(): Promise<{ server: Server; endpoint: string }> {
  const server = createServer((_request, response) => {
    response.writeHead(301, { 'Content-Type': 'application/xml', 'x-amz-bucket-region': 'ap-northeast-1' });
    response.end(
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>PermanentRedirect</Code>' +
        '<Message>The bucket you are attempting to access must be addressed using the specified endpoint.</Message></Error>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

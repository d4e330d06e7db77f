/**
 * What each deploy test needs around runDeploy: a copy of the fixture build to
 * change, the environment the SDK's default credential chain reads (and none
 * of the machine's own AWS files, nor the EC2 metadata service), and a deploy
 * wired to the local servers.
 */
import { cp, mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCloudFrontClient } from '../../../src/deploy/cloudfront.ts';
import { createS3Client, s3Site, type S3Target } from '../../../src/deploy/s3-site.ts';
import { runDeploy, type DeployOptions, type DeploySummary } from '../../../src/deploy/run-deploy.ts';
import { startFakeCloudFront, type FakeCloudFront } from './fake-cloudfront.ts';
import { startS3, TEST_CREDENTIALS, type TestS3 } from './s3-server.ts';

export const FIXTURE_SITE = path.resolve(import.meta.dirname, '../../fixtures/deploy/site');
export const DISTRIBUTION_ID = 'E2NISSHITEST';

/** The default chain must find the test keys in the environment and nothing else. */
export function useTestCredentials(): void {
  process.env.AWS_ACCESS_KEY_ID = TEST_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = TEST_CREDENTIALS.secretAccessKey;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  process.env.AWS_CONFIG_FILE = path.join(os.tmpdir(), 'nisshi-no-aws-config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(os.tmpdir(), 'nisshi-no-aws-credentials');
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
}

export async function copyFixture(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nisshi-dist-'));
  await cp(FIXTURE_SITE, dir, { recursive: true });
  return dir;
}

export async function sitePathsOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

export const FAST_INVALIDATION_TIMING = { busyDelaysMs: [10, 20, 40], pollMs: 10, waitTimeoutMs: 5_000 };

export function deployTo(
  endpoint: string,
  bucket: string,
  prefix: string,
  cloudFront: FakeCloudFront | undefined,
  options: Omit<DeployOptions, 'site' | 'cloudFront'>,
): Promise<DeploySummary> {
  const target: S3Target = { bucket, prefix, region: 'us-east-1', endpoint, maxAttempts: 5 };
  return runDeploy({
    ...options,
    site: s3Site(createS3Client(target), target),
    cloudFront: cloudFront
      ? {
          client: createCloudFrontClient({ distributionId: DISTRIBUTION_ID, endpoint: cloudFront.endpoint, maxAttempts: 3 }),
          distributionId: DISTRIBUTION_ID,
          endpoint: cloudFront.endpoint,
        }
      : undefined,
    invalidationTiming: options.invalidationTiming ?? FAST_INVALIDATION_TIMING,
  });
}

export interface LocalAws {
  s3: TestS3;
  cloudFront: FakeCloudFront;
  close(): Promise<void>;
}

/** s3rver and the CloudFront stand-in for one test file, with the test credentials in the environment. */
export async function startLocalAws(): Promise<LocalAws> {
  useTestCredentials();
  const s3 = await startS3();
  const cloudFront = await startFakeCloudFront(DISTRIBUTION_ID);
  return {
    s3,
    cloudFront,
    async close() {
      await s3.close();
      await cloudFront.close();
    },
  };
}

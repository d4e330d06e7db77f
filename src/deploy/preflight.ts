/**
 * Checks made before a deploy writes anything (and by a dry run too), so that a
 * wrong setting is found while the bucket is still untouched: the credentials
 * work and the bucket answers, the distribution exists and serves that bucket,
 * dist/ is not older than the logs and sources it was built from, and the site
 * address is not still the template's example.com.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { describeAwsError } from './aws-errors.ts';
import { describeDistribution, type DistributionFacts } from './cloudfront.ts';
import { DeployError } from './errors.ts';
import type { S3Site } from './s3-site.ts';
import type { DeployMessages } from '../record/deploy-messages.ts';

export interface FreshnessCheck {
  /** The project folder the sources are relative to. */
  root: string;
  /** Files or folders dist/ is built from: the logs folder, src/, public/, astro.config.mjs. */
  sources: readonly string[];
}

export interface PreflightOptions {
  distDir: string;
  site: S3Site;
  cloudFront?: { client: CloudFrontClient; distributionId: string; endpoint: string | undefined };
  freshness?: FreshnessCheck;
  /** Deploy a dist/ older than its sources anyway. */
  allowStale?: boolean;
  /** The address the build was made for (siteSettings.site). */
  siteUrl?: string;
  say: DeployMessages;
}

export interface PreflightReport {
  warnings: string[];
  distribution: DistributionFacts | undefined;
}

export async function preflight(options: PreflightOptions): Promise<PreflightReport> {
  const warnings: string[] = [];
  const { site, say } = options;
  if (options.freshness && !options.allowStale) refuseStaleBuild(options.distDir, options.freshness, say);
  try {
    await site.checkBucket();
  } catch (error) {
    throw describeAwsError(error, {
      service: 'S3',
      resource: `s3://${site.target.bucket}/${site.target.prefix}`,
      endpoint: site.target.endpoint,
      region: site.target.region,
    }, say);
  }
  let distribution: DistributionFacts | undefined;
  if (options.cloudFront) {
    const { client, distributionId, endpoint } = options.cloudFront;
    try {
      distribution = await describeDistribution(client, distributionId);
    } catch (error) {
      throw describeAwsError(error, { service: 'CloudFront', resource: distributionId, endpoint, region: 'us-east-1' }, say);
    }
    if (!distribution.originDomains.some((domain) => servesBucket(domain, site.target.bucket))) {
      throw new DeployError(say.distributionServesOther(distributionId, distribution.originDomains, site.target.bucket));
    }
    const placeholder = options.siteUrl !== undefined && isPlaceholderAddress(options.siteUrl);
    if (placeholder) {
      const address = `https://${distribution.aliases[0] ?? distribution.domainName}/`;
      warnings.push(say.placeholderAddress(options.siteUrl as string, address));
    }
  }
  return { warnings, distribution };
}

/** S3 origin domains: bucket.s3.amazonaws.com, bucket.s3.<region>.amazonaws.com, bucket.s3-website… */
function servesBucket(domain: string, bucket: string): boolean {
  return domain === bucket || domain.startsWith(`${bucket}.s3.`) || domain.startsWith(`${bucket}.s3-`);
}

function isPlaceholderAddress(siteUrl: string): boolean {
  try {
    const host = new URL(siteUrl).hostname;
    return host === 'example.com' || host.endsWith('.example.com') || host === 'localhost';
  } catch {
    return true;
  }
}

/** The newest file among the sources, skipping dot folders and node_modules. */
export function newestSource(freshness: FreshnessCheck): { file: string; mtimeMs: number } | undefined {
  let newest: { file: string; mtimeMs: number } | undefined;
  const consider = (file: string) => {
    const info = statSync(file, { throwIfNoEntry: false });
    if (info?.isFile() && (!newest || info.mtimeMs > newest.mtimeMs)) newest = { file, mtimeMs: info.mtimeMs };
  };
  for (const source of freshness.sources) {
    const full = path.resolve(freshness.root, source);
    const info = statSync(full, { throwIfNoEntry: false });
    if (!info) continue;
    if (!info.isDirectory()) {
      consider(full);
      continue;
    }
    for (const entry of readdirSync(full, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const relative = path.relative(full, entry.parentPath);
      if (relative.split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules')) continue;
      consider(path.join(entry.parentPath, entry.name));
    }
  }
  return newest;
}

function refuseStaleBuild(distDir: string, freshness: FreshnessCheck, say: DeployMessages): void {
  // astro build writes index.html; its time is when the pages were made.
  const built = statSync(path.join(distDir, 'index.html'), { throwIfNoEntry: false });
  const newest = newestSource(freshness);
  if (!built || !newest || newest.mtimeMs <= built.mtimeMs) return;
  throw new DeployError(
    say.staleBuild(distDir, new Date(built.mtimeMs).toISOString(), path.relative(freshness.root, newest.file), new Date(newest.mtimeMs).toISOString()),
  );
}

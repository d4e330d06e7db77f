/**
 * The one CloudFront invalidation a deploy makes, and the optional wait for it.
 */
import {
  CloudFrontClient,
  CreateInvalidationCommand,
  GetDistributionCommand,
  GetInvalidationCommand,
} from '@aws-sdk/client-cloudfront';

export interface CloudFrontTarget {
  distributionId: string;
  /** From AWS_ENDPOINT_URL_CLOUDFRONT, for a stand-in server. */
  endpoint: string | undefined;
  maxAttempts: number;
}

export function createCloudFrontClient(target: CloudFrontTarget): CloudFrontClient {
  return new CloudFrontClient({
    // CloudFront is a global service signed for us-east-1, whatever the bucket's region.
    region: 'us-east-1',
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    retryMode: 'standard',
    maxAttempts: target.maxAttempts,
  });
}

export interface DistributionFacts {
  /** d111111abcdef8.cloudfront.net: the address the site answers on until a custom domain is set. */
  domainName: string;
  /** Custom domain names (CNAMEs) the distribution serves. */
  aliases: string[];
  /** Domain names of its origins, e.g. `bucket.s3.us-east-1.amazonaws.com`. */
  originDomains: string[];
}

/** What the preflight needs to know about a distribution (one GetDistribution). */
export async function describeDistribution(client: CloudFrontClient, distributionId: string): Promise<DistributionFacts> {
  const { Distribution: distribution } = await client.send(new GetDistributionCommand({ Id: distributionId }));
  const config = distribution?.DistributionConfig;
  return {
    domainName: distribution?.DomainName ?? '',
    aliases: config?.Aliases?.Items ?? [],
    originDomains: (config?.Origins?.Items ?? []).map((origin) => origin.DomainName ?? ''),
  };
}

export interface InvalidationTiming {
  /** Waits between tries while CloudFront says too many invalidations are in progress. */
  busyDelaysMs: readonly number[];
  /** Between GetInvalidation polls with --wait. */
  pollMs: number;
  /** Gives up waiting (the invalidation still completes on its own). */
  waitTimeoutMs: number;
}

export const DEFAULT_INVALIDATION_TIMING: InvalidationTiming = {
  busyDelaysMs: [5_000, 10_000, 20_000, 40_000, 60_000],
  pollMs: 10_000,
  waitTimeoutMs: 15 * 60_000,
};

export interface InvalidationResult {
  id: string;
  status: string;
}

export async function invalidate(
  client: CloudFrontClient,
  distributionId: string,
  paths: readonly string[],
  options: {
    wait: boolean;
    timing?: InvalidationTiming;
    log?: (line: string) => void;
    /** The busy notice and the wait's time-out, in the command's language. */
    busy?: (seconds: number) => string;
    stillRunning?: (id: string, status: string, seconds: number) => string;
  },
): Promise<InvalidationResult> {
  const timing = options.timing ?? DEFAULT_INVALIDATION_TIMING;
  const command = new CreateInvalidationCommand({
    DistributionId: distributionId,
    InvalidationBatch: {
      // Unique per deploy: the same reference twice would return the first invalidation.
      CallerReference: `nisshi-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`,
      Paths: { Quantity: paths.length, Items: [...paths] },
    },
  });
  let created;
  for (let attempt = 0; ; attempt++) {
    try {
      created = await client.send(command);
      break;
    } catch (error) {
      const delay = timing.busyDelaysMs[attempt];
      if ((error as { name?: string }).name !== 'TooManyInvalidationsInProgress' || delay === undefined) throw error;
      options.log?.(options.busy?.(delay / 1000) ?? `CloudFront has too many invalidations in progress; trying again in ${delay / 1000} s`);
      await sleep(delay);
    }
  }
  const id = created.Invalidation?.Id ?? '';
  let status = created.Invalidation?.Status ?? 'InProgress';
  if (!options.wait) return { id, status };
  const deadline = Date.now() + timing.waitTimeoutMs;
  while (status !== 'Completed') {
    if (Date.now() > deadline) {
      throw new Error(
        options.stillRunning?.(id, status, timing.waitTimeoutMs / 1000) ??
          `invalidation ${id} still ${status} after ${timing.waitTimeoutMs / 1000} s; it will finish on its own`,
      );
    }
    await sleep(timing.pollMs);
    const current = await client.send(new GetInvalidationCommand({ DistributionId: distributionId, Id: id }));
    status = current.Invalidation?.Status ?? status;
  }
  return { id, status };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

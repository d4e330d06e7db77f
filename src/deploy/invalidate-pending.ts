/**
 * The CloudFront step of a deploy or rollback, made so that no path is lost:
 * the caller has already written the paths into the manifest as pending; this
 * sends them and says which are still pending afterwards (none, or all of them
 * when the request failed), so the caller's last manifest write keeps exactly
 * those for the next run.
 */
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { describeAwsError } from './aws-errors.ts';
import { invalidate, type InvalidationTiming } from './cloudfront.ts';
import type { DeployError } from './errors.ts';
import { DEFAULT_INVALIDATION_LIMITS, foldPaths, urlAliases, type InvalidationLimits } from './invalidation.ts';
import type { DeployMessages } from '../record/deploy-messages.ts';

export interface CloudFrontSettings {
  client: CloudFrontClient;
  distributionId: string;
  endpoint: string | undefined;
}

export interface InvalidationOutcome {
  id: string | undefined;
  stillPending: string[];
  failure: DeployError | undefined;
}

/** The URL paths of changed site paths, each under every alias a visitor may have cached it by. */
export function aliasesOf(sitePaths: readonly string[]): string[] {
  return [...new Set(sitePaths.flatMap(urlAliases))].sort();
}

/** This run's paths with what earlier runs left pending, folded to the limits. */
export function pathsToInvalidate(
  urlPaths: readonly string[],
  pending: readonly string[],
  limits: InvalidationLimits = DEFAULT_INVALIDATION_LIMITS,
): string[] {
  return foldPaths([...new Set([...pending, ...urlPaths])].sort(), limits);
}

/** Sends the paths (none without a distribution); a failure is returned, not thrown, so the caller can record it first. */
export async function sendInvalidation(
  cloudFront: CloudFrontSettings | undefined,
  paths: readonly string[],
  options: { wait?: boolean; timing?: InvalidationTiming; log: (line: string) => void; say: DeployMessages },
): Promise<InvalidationOutcome> {
  if (!cloudFront || paths.length === 0) return { id: undefined, stillPending: [], failure: undefined };
  const { client, distributionId, endpoint } = cloudFront;
  const { say } = options;
  try {
    const result = await invalidate(client, distributionId, paths, {
      wait: options.wait ?? false,
      timing: options.timing,
      log: options.log,
      busy: say.cloudFrontBusy,
      stillRunning: say.invalidationStillRunning,
    });
    return { id: result.id, stillPending: [], failure: undefined };
  } catch (error) {
    const failure = describeAwsError(error, { service: 'CloudFront', resource: distributionId, endpoint, region: 'us-east-1' }, say);
    failure.message += say.pathsKept(paths.length);
    return { id: undefined, stillPending: [...paths], failure };
  }
}

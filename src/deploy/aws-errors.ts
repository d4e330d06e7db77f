/**
 * Turns what the AWS SDK throws into one line saying what to do. The SDK has
 * already retried throttling and 5xx by then: what reaches here is for a person.
 */
import { DeployError } from './errors.ts';
import type { DeployMessages } from '../record/deploy-messages.ts';

interface AwsErrorShape {
  name?: string;
  code?: string;
  message?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
  cause?: unknown;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'TimeoutError',
]);

export interface ErrorContext {
  service: 'S3' | 'CloudFront';
  /** What the call was about, e.g. `s3://bucket/prefix` or the distribution id. */
  resource: string;
  endpoint: string | undefined;
  region: string | undefined;
}

export function describeAwsError(error: unknown, context: ErrorContext, say: DeployMessages): DeployError {
  if (error instanceof DeployError) return error;
  const shape = (error ?? {}) as AwsErrorShape;
  const name = shape.name ?? shape.Code ?? '';
  const status = shape.$metadata?.httpStatusCode;
  const line = (text: string) => new DeployError(text);
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(shape.message ?? '')) return line(say.awsNoCredentials);
  if (/Region is missing/i.test(shape.message ?? '')) return line(say.awsNoRegion);
  // HeadBucket answers a missing bucket with a bare 404 (no body, so no error code).
  if (name === 'NoSuchBucket' || (context.service === 'S3' && name === 'NotFound' && status === 404)) {
    return line(say.awsNoSuchBucket(context.resource));
  }
  if (name === 'NoSuchDistribution') return line(say.awsNoSuchDistribution(context.resource));
  if (name === 'PermanentRedirect' || name === 'AuthorizationHeaderMalformed' || status === 301) {
    return line(say.awsWrongRegion(context.resource, context.region, shape.$response?.headers?.['x-amz-bucket-region']));
  }
  if (name === 'AccessDenied' || name === 'InvalidAccessKeyId' || name === 'SignatureDoesNotMatch' || status === 403) {
    const what =
      context.service === 'S3'
        ? 's3:ListBucket, s3:GetObject, s3:PutObject, s3:DeleteObject'
        : 'cloudfront:GetDistribution, cloudfront:CreateInvalidation, cloudfront:GetInvalidation';
    return line(say.awsDenied(context.service, context.resource, String(name || status), what));
  }
  const networkCode = findNetworkCode(error);
  if (networkCode) return line(say.awsUnreachable(context.service, context.endpoint, networkCode));
  const detail = [name, status ? `HTTP ${status}` : '', shape.message ?? ''].filter(Boolean).join(': ');
  return line(say.awsFailed(context.service, context.resource, detail || String(error)));
}

function findNetworkCode(error: unknown): string | undefined {
  for (let current = error as AwsErrorShape | undefined, depth = 0; current && depth < 5; depth++) {
    if (current.code && NETWORK_CODES.has(current.code)) return current.code;
    if (current.name && NETWORK_CODES.has(current.name)) return current.name;
    current = current.cause as AwsErrorShape | undefined;
  }
  return undefined;
}

/**
 * Turns what the AWS SDK throws into one line saying what to do. The SDK has
 * already retried throttling and 5xx by then: what reaches here is for a person.
 */
import { DeployError } from './errors.ts';

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

export function describeAwsError(error: unknown, context: ErrorContext): DeployError {
  if (error instanceof DeployError) return error;
  const shape = (error ?? {}) as AwsErrorShape;
  const name = shape.name ?? shape.Code ?? '';
  const status = shape.$metadata?.httpStatusCode;
  const line = (text: string) => new DeployError(text);
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(shape.message ?? '')) {
    return line(
      'no AWS credentials found; set AWS_PROFILE (after aws sso login / aws configure) or ' +
        'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where a role provides them',
    );
  }
  if (/Region is missing/i.test(shape.message ?? '')) {
    return line('no AWS region configured; set AWS_REGION to the bucket\'s region or pass --region');
  }
  // HeadBucket answers a missing bucket with a bare 404 (no body, so no error code).
  if (name === 'NoSuchBucket' || (context.service === 'S3' && name === 'NotFound' && status === 404)) {
    return line(`bucket ${context.resource} does not exist; check --bucket or NISSHI_S3_BUCKET`);
  }
  if (name === 'NoSuchDistribution') {
    return line(`CloudFront distribution ${context.resource} does not exist; check --distribution-id or NISSHI_CLOUDFRONT_DISTRIBUTION_ID`);
  }
  if (name === 'PermanentRedirect' || name === 'AuthorizationHeaderMalformed' || status === 301) {
    const actual = shape.$response?.headers?.['x-amz-bucket-region'];
    return line(
      `bucket ${context.resource} is not in region ${context.region ?? '(unset)'}` +
        `${actual ? ` but in ${actual}` : ''}; set AWS_REGION${actual ? `=${actual}` : ' to the bucket\'s region'} or pass --region`,
    );
  }
  if (name === 'AccessDenied' || name === 'InvalidAccessKeyId' || name === 'SignatureDoesNotMatch' || status === 403) {
    const what =
      context.service === 'S3'
        ? 's3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject on it'
        : 'cloudfront:GetDistribution, cloudfront:CreateInvalidation and cloudfront:GetInvalidation on it';
    return line(
      `${context.service} denied access to ${context.resource} (${name || status}); the credentials in use need ${what}`,
    );
  }
  const networkCode = findNetworkCode(error);
  if (networkCode) {
    return line(
      `could not reach ${context.service}${context.endpoint ? ` at ${context.endpoint}` : ''} (${networkCode}); ` +
        'check the network connection' + (context.endpoint ? ` and AWS_ENDPOINT_URL_${context.service.toUpperCase()}` : ''),
    );
  }
  const detail = [name, status ? `HTTP ${status}` : '', shape.message ?? ''].filter(Boolean).join(': ');
  return line(`${context.service} request for ${context.resource} failed: ${detail || String(error)}`);
}

function findNetworkCode(error: unknown): string | undefined {
  for (let current = error as AwsErrorShape | undefined, depth = 0; current && depth < 5; depth++) {
    if (current.code && NETWORK_CODES.has(current.code)) return current.code;
    if (current.name && NETWORK_CODES.has(current.name)) return current.name;
    current = current.cause as AwsErrorShape | undefined;
  }
  return undefined;
}

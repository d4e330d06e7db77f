/**
 * The deploy's configuration, decoded and validated in one place, as Hugo keeps
 * its deployconfig apart: the command's flags, the environment variables, the
 * site settings' cacheRules and the defaults become one DeployConfig, checked
 * with zod, that the rest of src/deploy takes as it is. A bad value stops the
 * command before any request with one message naming every bad field, where it
 * came from (flag or variable), its value and what to write instead.
 *
 * Also here: the layout of nisshi's own folder in the bucket and the defaults.
 */
import os from 'node:os';
import { z } from 'zod';
import { DEFAULT_CACHE_RULES, globToRegExp, type CacheRule } from './headers.ts';
import { DeployConfigError } from './errors.ts';
import type { DeleteGuard } from './plan.ts';
import { deployMessages, type DeployMessages } from '../record/deploy-messages.ts';
import { messageLanguage, type MessageLanguage } from '../record/messages.ts';

/**
 * nisshi's own folder in the bucket, `<prefix>.nisshi/`, never served (the
 * template denies it to CloudFront): the manifest (manifest.ts), a copy of
 * every version written (`objects/<md5>`, for rollbacks), one record per
 * deploy (history.ts) and the lock (lock.ts).
 */
export const NISSHI_FOLDER = '.nisshi/';
export const MANIFEST_PATH = `${NISSHI_FOLDER}manifest.json`;
export const ARCHIVE_FOLDER = `${NISSHI_FOLDER}objects/`;
export const HISTORY_FOLDER = `${NISSHI_FOLDER}deploys/`;
export const LOCK_PATH = `${NISSHI_FOLDER}lock.json`;

export const DEFAULT_DELETE_GUARD: DeleteGuard = { maxDeletes: 50, maxDeleteShare: 0.3 };

export const DEPLOY_DEFAULTS = {
  dist: 'dist',
  concurrency: 16,
  maxAttempts: 5,
  /** How long a deploy waits for another one's lock before it gives up. */
  lockWaitSeconds: 300,
  /**
   * How long a lock lives without being renewed; its holder renews it every
   * quarter of that. Past it the lock is stale: its holder died (kill -9, a
   * lost runner) and `--break-lock` may remove it.
   */
  lockTtlSeconds: 300,
} as const;

export type DeployAction = 'deploy' | 'rollback' | 'history';

/** Who holds a lock, as the lock object records it. */
export interface LockOwner {
  owner: string;
  host: string;
  pid: number;
}

export interface DeployConfig {
  action: DeployAction;
  language: MessageLanguage;
  /** As given; the command resolves it against its working folder. */
  dist: string;
  bucket: string;
  /** '' or a folder ending in '/'. */
  prefix: string;
  region: string | undefined;
  s3Endpoint: string | undefined;
  cloudFront: { distributionId: string; endpoint: string | undefined } | undefined;
  concurrency: number;
  maxAttempts: number;
  deleteGuard: DeleteGuard;
  cacheRules: readonly CacheRule[];
  lock: { waitSeconds: number; ttlSeconds: number; breakStale: boolean; holder: LockOwner };
  force: boolean;
  pruneForeign: boolean;
  allowStale: boolean;
  dryRun: boolean;
  verify: boolean;
  wait: boolean;
  json: boolean;
  /** The commit deployed (GITHUB_SHA, else what the caller found). */
  commit: string | undefined;
}

export type Env = Readonly<Record<string, string | undefined>>;

export interface DeployConfigInput {
  /** The parsed flags, by their long names (`dry-run`, `max-deletes`). */
  flags: Readonly<Record<string, string | boolean | undefined>>;
  env: Env;
  /** From the site settings (src/site.config.ts). */
  settings: { locale?: string; cacheRules?: readonly CacheRule[] };
  /** Asked only when GITHUB_SHA is not set (runs git). */
  commit?: () => string | undefined;
}

/** Folder-like prefix: `site` becomes `site/`, so it never matches `site2/…`. */
export function normalizePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').replace(/^\/+|(?<!\/)\/+$/g, '');
  return trimmed === '' ? '' : `${trimmed}/`;
}

/** S3's rules for a bucket name: 3–63 lower-case letters, digits, dots and hyphens, a letter or digit at each end. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Where each field comes from, as the error names it. */
const SOURCES: Readonly<Record<string, string>> = {
  dist: '--dist',
  bucket: '--bucket / NISSHI_S3_BUCKET',
  prefix: '--prefix',
  region: '--region / AWS_REGION',
  s3Endpoint: 'AWS_ENDPOINT_URL_S3',
  cloudFrontEndpoint: 'AWS_ENDPOINT_URL_CLOUDFRONT',
  distributionId: '--distribution-id / NISSHI_CLOUDFRONT_DISTRIBUTION_ID',
  concurrency: '--concurrency',
  maxAttempts: '--max-attempts',
  maxDeletes: '--max-deletes',
  maxDeleteShare: '--max-delete-share',
  lockWait: '--lock-wait',
  cacheRules: 'cacheRules (src/site.config.ts)',
  action: '--rollback / --history',
};

function schemaFor(say: DeployMessages) {
  const text = (message: string) => z.string({ error: message }).trim().min(1, message);
  const whole = (min: number, max: number, fallback: number) =>
    z
      .string()
      .trim()
      .regex(/^\d+$/, say.configWhole(min, max))
      .transform(Number)
      .pipe(z.number().min(min, say.configWhole(min, max)).max(max, say.configWhole(min, max)))
      .default(fallback);
  const address = z
    .string()
    .trim()
    .refine((value) => /^https?:\/\/[^/\s]+/.test(value) && URL.canParse(value), say.configUrl)
    .optional();
  const rule = z
    .object({ pattern: z.string().min(1), cacheControl: z.string().trim().min(1) })
    .refine((value) => canCompile(value.pattern), say.configCacheRule);
  return z
    .object({
      action: z.enum(['deploy', 'rollback', 'history']),
      dist: text(say.configDist).default(DEPLOY_DEFAULTS.dist),
      bucket: z.string({ error: say.configNoBucket }).trim().regex(BUCKET_NAME, say.configBucket),
      prefix: z
        .string()
        .refine((value) => !value.split('/').some((part) => part === '..' || part === '.nisshi') && !/[\\\u0000-\u001f]/.test(value), say.configPrefix)
        .default(''),
      region: z.string().trim().regex(/^[a-z0-9][a-z0-9-]*$/, say.configRegion).optional(),
      s3Endpoint: address,
      cloudFrontEndpoint: address,
      distributionId: z.string().trim().regex(/^[A-Z0-9]+$/, say.configDistribution).optional(),
      concurrency: whole(1, 256, DEPLOY_DEFAULTS.concurrency),
      maxAttempts: whole(1, 20, DEPLOY_DEFAULTS.maxAttempts),
      maxDeletes: whole(0, 1_000_000_000, DEFAULT_DELETE_GUARD.maxDeletes),
      maxDeleteShare: z
        .string()
        .trim()
        .regex(/^(?:0|1|0?\.\d+|1\.0*)$/, say.configShare)
        .transform(Number)
        .default(DEFAULT_DELETE_GUARD.maxDeleteShare),
      lockWait: whole(0, 86_400, DEPLOY_DEFAULTS.lockWaitSeconds),
      cacheRules: z.array(rule).min(1, say.configCacheRule).default([...DEFAULT_CACHE_RULES]),
    })
    .strict();
}

function canCompile(pattern: string): boolean {
  try {
    globToRegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/**
 * Flags, environment and settings to one DeployConfig; throws a
 * DeployConfigError (a usage error) listing every bad field.
 */
export function decodeDeployConfig(input: DeployConfigInput): DeployConfig {
  const { flags, env, settings } = input;
  // The env given, not this process's: '' when unset, so messageLanguage does not fall back to process.env.
  const language = messageLanguage(settings.locale, env.NISSHI_LANG ?? '');
  const say = deployMessages(language);
  // `npm run deploy --dry-run` gives --dry-run to npm, which sets this and runs the script anyway.
  if (env.npm_config_dry_run !== undefined && env.npm_config_dry_run !== '' && env.npm_config_dry_run !== 'false') {
    throw new DeployConfigError(say.npmTookDryRun);
  }
  const flag = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  const on = (name: string) => flags[name] === true;
  const given = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);
  if (on('rollback') && on('history')) throw new DeployConfigError(say.configErrors([`  ${SOURCES.action}: ${say.configOneAction}`]));
  const raw = {
    action: on('history') ? 'history' : on('rollback') ? 'rollback' : 'deploy',
    dist: flag('dist'),
    bucket: given(flag('bucket') ?? env.NISSHI_S3_BUCKET),
    prefix: flag('prefix'),
    region: given(flag('region') ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION),
    s3Endpoint: given(env.AWS_ENDPOINT_URL_S3),
    cloudFrontEndpoint: given(env.AWS_ENDPOINT_URL_CLOUDFRONT),
    distributionId: given(flag('distribution-id') ?? env.NISSHI_CLOUDFRONT_DISTRIBUTION_ID),
    concurrency: flag('concurrency'),
    maxAttempts: flag('max-attempts'),
    maxDeletes: flag('max-deletes'),
    maxDeleteShare: flag('max-delete-share'),
    lockWait: flag('lock-wait'),
    cacheRules: settings.cacheRules === undefined ? undefined : [...settings.cacheRules],
  };
  const result = schemaFor(say).safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      const value = issue.path.length === 1 ? (raw as Record<string, unknown>)[field] : undefined;
      const shown = typeof value === 'string' ? ` ("${value}")` : '';
      return `  ${SOURCES[field] ?? field}${shown}: ${issue.message}`;
    });
    throw new DeployConfigError(say.configErrors(lines));
  }
  const config = result.data;
  return {
    action: config.action,
    language,
    dist: config.dist,
    bucket: config.bucket,
    prefix: normalizePrefix(config.prefix),
    region: config.region,
    s3Endpoint: config.s3Endpoint,
    cloudFront: config.distributionId ? { distributionId: config.distributionId, endpoint: config.cloudFrontEndpoint } : undefined,
    concurrency: config.concurrency,
    maxAttempts: config.maxAttempts,
    deleteGuard: { maxDeletes: config.maxDeletes, maxDeleteShare: config.maxDeleteShare },
    cacheRules: config.cacheRules,
    lock: {
      waitSeconds: config.lockWait,
      ttlSeconds: DEPLOY_DEFAULTS.lockTtlSeconds,
      breakStale: on('break-lock'),
      holder: lockHolder(env),
    },
    force: on('force'),
    pruneForeign: on('prune-foreign'),
    allowStale: on('allow-stale'),
    dryRun: on('dry-run'),
    verify: on('verify'),
    wait: on('wait'),
    json: on('json'),
    commit: given(env.GITHUB_SHA) ?? (config.action === 'deploy' ? input.commit?.() : undefined),
  };
}

/** This process, as a lock names its holder: the GitHub Actions run when there is one, else the user. */
export function lockHolder(env: Env): LockOwner {
  const run = env.GITHUB_ACTIONS === 'true' && env.GITHUB_RUN_ID
    ? `GitHub Actions ${env.GITHUB_REPOSITORY ?? ''} run ${env.GITHUB_RUN_ID}`.replace(/\s+/g, ' ')
    : undefined;
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): the host and pid still say who it is.
  }
  return { owner: run ?? user, host: os.hostname(), pid: process.pid };
}

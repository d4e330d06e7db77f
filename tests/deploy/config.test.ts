/**
 * The deploy's configuration (src/deploy/config.ts): flags, environment and
 * settings decoded and validated in one place, table-driven, and its errors
 * (every bad field at once, with where it came from and what to write) in both
 * languages and through the command (exit 2, nothing sent).
 */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { runDeployCommand } from '../../src/cli/deploy.ts';
import { CliError } from '../../src/cli/errors.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { decodeDeployConfig, lockHolder, type DeployConfigInput } from '../../src/deploy/config.ts';
import { DeployConfigError } from '../../src/deploy/errors.ts';
import { DEFAULT_CACHE_RULES } from '../../src/deploy/headers.ts';
import { parseSettings } from '../../src/settings/settings.ts';
import { settingsInput } from '../../src/site.config.ts';

const input = (flags: DeployConfigInput['flags'] = {}, env: DeployConfigInput['env'] = {}, settings: DeployConfigInput['settings'] = {}): DeployConfigInput => ({
  flags,
  env: { NISSHI_LANG: 'en', NISSHI_S3_BUCKET: 'nisshi-site', ...env },
  settings,
  commit: () => 'abc123',
});

const errorOf = (given: DeployConfigInput): string => {
  try {
    decodeDeployConfig(given);
  } catch (error) {
    expect(error).toBeInstanceOf(DeployConfigError);
    return (error as Error).message;
  }
  throw new Error('no error');
};

describe('decoding', () => {
  it('gives the defaults for what is not set', () => {
    const config = decodeDeployConfig(input());
    expect(config).toMatchObject({
      action: 'deploy',
      language: 'en',
      dist: 'dist',
      bucket: 'nisshi-site',
      prefix: '',
      region: undefined,
      s3Endpoint: undefined,
      cloudFront: undefined,
      concurrency: 16,
      maxAttempts: 5,
      deleteGuard: { maxDeletes: 50, maxDeleteShare: 0.3 },
      lock: { waitSeconds: 300, ttlSeconds: 300, breakStale: false },
      force: false,
      dryRun: false,
      commit: 'abc123',
    });
    expect(config.cacheRules).toEqual(DEFAULT_CACHE_RULES);
  });

  it.each([
    ['a flag over its variable', { bucket: 'from-flag' }, { NISSHI_S3_BUCKET: 'from-env' }, { bucket: 'from-flag' }],
    ['the variable when no flag', {}, { NISSHI_CLOUDFRONT_DISTRIBUTION_ID: 'E2QWRUHAPOMQZL', AWS_ENDPOINT_URL_CLOUDFRONT: 'http://127.0.0.1:9' }, { cloudFront: { distributionId: 'E2QWRUHAPOMQZL', endpoint: 'http://127.0.0.1:9' } }],
    ['AWS_REGION, else AWS_DEFAULT_REGION', {}, { AWS_DEFAULT_REGION: 'ap-northeast-1' }, { region: 'ap-northeast-1' }],
    ['an empty variable as unset', {}, { AWS_ENDPOINT_URL_S3: '', AWS_REGION: '' }, { s3Endpoint: undefined, region: undefined }],
    ['a prefix as a folder', { prefix: '/site/2025' }, {}, { prefix: 'site/2025/' }],
    ['numbers from their flags', { concurrency: '4', 'max-attempts': '2', 'max-deletes': '0', 'max-delete-share': '.5', 'lock-wait': '0' }, {}, { concurrency: 4, maxAttempts: 2, deleteGuard: { maxDeletes: 0, maxDeleteShare: 0.5 }, lock: { waitSeconds: 0 } }],
    ['the switches', { 'break-lock': true, force: true, 'dry-run': true, rollback: true }, {}, { lock: { breakStale: true }, force: true, dryRun: true, action: 'rollback' }],
    ['GITHUB_SHA over git', {}, { GITHUB_SHA: 'f00d' }, { commit: 'f00d' }],
    ['the history, which needs no commit', { history: true }, {}, { action: 'history', commit: undefined }],
  ] as const)('takes %s', (_, flags, env, expected) => {
    expect(decodeDeployConfig(input(flags, env))).toMatchObject(expected);
  });

  it('takes cacheRules from the settings, and the language from NISSHI_LANG over the locale', () => {
    const cacheRules = [{ pattern: '**', cacheControl: 'no-cache' }];
    const config = decodeDeployConfig(input({}, { NISSHI_LANG: '' }, { locale: 'en-GB', cacheRules }));
    expect(config.cacheRules).toEqual(cacheRules);
    expect(config.language).toBe('en');
    expect(decodeDeployConfig(input({}, { NISSHI_LANG: 'ja' }, { locale: 'en' })).language).toBe('ja');
    expect(decodeDeployConfig(input({}, { NISSHI_LANG: '' }, {})).language).toBe('ja');
  });

  it('names a lock\'s holder: the GitHub Actions run, else the user, with host and pid', () => {
    expect(lockHolder({ GITHUB_ACTIONS: 'true', GITHUB_RUN_ID: '42', GITHUB_REPOSITORY: 'me/log' })).toEqual({
      owner: 'GitHub Actions me/log run 42',
      host: os.hostname(),
      pid: process.pid,
    });
    expect(lockHolder({}).owner).toBe(os.userInfo().username);
  });
});

describe('errors', () => {
  it.each([
    ['no bucket', {}, { NISSHI_S3_BUCKET: undefined }, '--bucket / NISSHI_S3_BUCKET: no bucket configured; pass --bucket or set NISSHI_S3_BUCKET'],
    ['a bucket name S3 refuses', { bucket: 'My_Bucket' }, {}, '--bucket / NISSHI_S3_BUCKET ("My_Bucket"): an S3 bucket name is 3-63 lower-case letters'],
    ['a prefix reaching out', { prefix: 'site/../other' }, {}, '--prefix ("site/../other"): a prefix cannot hold ..'],
    ['a prefix inside nisshi\'s folder', { prefix: 'site/.nisshi' }, {}, '--prefix ("site/.nisshi"): a prefix cannot hold'],
    ['a region with spaces', { region: 'Tokyo region' }, {}, '--region / AWS_REGION ("Tokyo region"): write the region in lower-case letters'],
    ['an endpoint that is not a URL', {}, { AWS_ENDPOINT_URL_S3: 'localhost:4569' }, 'AWS_ENDPOINT_URL_S3 ("localhost:4569"): write a URL starting with http:// or https://'],
    ['a distribution ARN', { 'distribution-id': 'arn:aws:cloudfront::1:distribution/E2' }, {}, 'not its ARN or domain name'],
    ['a concurrency of 0', { concurrency: '0' }, {}, '--concurrency ("0"): needs a whole number from 1 to 256'],
    ['a concurrency in words', { concurrency: 'many' }, {}, '--concurrency ("many"): needs a whole number from 1 to 256'],
    ['a share above 1', { 'max-delete-share': '30%' }, {}, '--max-delete-share ("30%"): needs a number from 0 to 1'],
    ['a negative lock wait', { 'lock-wait': '-1' }, {}, '--lock-wait ("-1"): needs a whole number from 0 to 86400'],
    ['both --rollback and --history', { rollback: true, history: true }, {}, '--rollback / --history: give --rollback or --history, not both'],
    ['npm\'s own --dry-run', {}, { npm_config_dry_run: 'true' }, 'npm took --dry-run as its own flag'],
  ] as const)('%s', (_, flags, env, message) => {
    expect(errorOf(input(flags, env))).toContain(message);
  });

  it('an empty cacheRules list, in the settings', () => {
    expect(errorOf(input({}, {}, { cacheRules: [] }))).toContain('cacheRules (src/site.config.ts): cacheRules is a list of');
  });

  it('lists every bad field at once, each on its own line', () => {
    expect(errorOf(input({ concurrency: 'x', 'max-attempts': '99', prefix: '..' }, { NISSHI_S3_BUCKET: 'A' }))).toBe(
      [
        '4 bad deploy settings; fix them and run again:',
        '  --bucket / NISSHI_S3_BUCKET ("A"): an S3 bucket name is 3-63 lower-case letters, digits, dots and hyphens, a letter or digit at each end (e.g. nisshi-site)',
        '  --prefix (".."): a prefix cannot hold .., .nisshi, backslashes or control characters (e.g. site or site/2025)',
        '  --concurrency ("x"): needs a whole number from 1 to 256',
        '  --max-attempts ("99"): needs a whole number from 1 to 20',
      ].join('\n'),
    );
  });

  it('in Japanese by default', () => {
    expect(errorOf(input({ concurrency: 'x', 'max-attempts': '0' }, { NISSHI_LANG: undefined }))).toBe(
      ['公開の設定に誤りがあります（2 件）。直してから実行してください:', '  --concurrency ("x"): 1 以上 256 以下の整数を書いてください', '  --max-attempts ("0"): 1 以上 20 以下の整数を書いてください'].join('\n'),
    );
  });

  it('through the command: exit 2, one message, nothing sent', async () => {
    let stderr = '';
    const io: CliIo = { cwd: process.cwd(), stdout: () => {}, stderr: (text) => void (stderr += text), now: () => new Date() };
    const settings = parseSettings({ ...settingsInput, locale: 'en' });
    // The endpoint is a closed port: had anything been sent, the error would be a network one.
    const run = runDeployCommand(['--concurrency', '0'], io, { NISSHI_S3_BUCKET: 'nisshi-site', AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:1', NISSHI_LANG: 'en' }, false, settings);
    await expect(run).rejects.toBeInstanceOf(CliError);
    await expect(run).rejects.toMatchObject({ exitCode: 2, message: '--concurrency ("0"): needs a whole number from 1 to 256' });
    expect(stderr).toBe('');
  });
});

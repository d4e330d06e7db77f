/**
 * Everything `nisshi deploy` prints, in each language: a run of the command
 * through every kind of output — help, progress, plan, summary, the objects
 * left alone, warnings, lock messages (waiting, held, stale, broken), an
 * interrupted run taken over, refusals, AWS failures, rollback and history —
 * must hold no untranslated text: in Japanese no English words but names and
 * what the reader types (flags, paths, variables, commands); in English no
 * Japanese outside paths.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeployCommand } from '../../src/cli/deploy.ts';
import { CliError } from '../../src/cli/errors.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { manifestText, parseManifest } from '../../src/deploy/manifest.ts';
import { parseSettings } from '../../src/settings/settings.ts';
import { settingsInput } from '../../src/site.config.ts';
import { DISTRIBUTION_ID, copyFixture, startLocalAws, type LocalAws } from './helpers/deploy-env.ts';
import { putObject, readBucket } from './helpers/s3-server.ts';

let local: LocalAws;
let cwd: string;
let closedPort: string;

beforeAll(async () => {
  local = await startLocalAws();
  cwd = await mkdtemp(path.join(os.tmpdir(), 'nisshi-lang-'));
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closedPort = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await new Promise((resolve) => server.close(resolve));
});

afterAll(async () => {
  await local.close();
  await rm(cwd, { recursive: true, force: true });
});

/** Runs `nisshi deploy` as main() would show it: stdout, stderr, and an error as `nisshi deploy: <message>`. */
async function deployCli(language: 'ja' | 'en', args: string[], env: Record<string, string | undefined> = {}): Promise<string> {
  let out = '';
  const io: CliIo = { cwd, stdout: (text) => void (out += text), stderr: (text) => void (out += text), now: () => new Date() };
  const settings = parseSettings({ ...settingsInput, site: 'https://example.com', locale: 'ja' });
  const fullEnv = {
    NISSHI_LANG: language === 'en' ? 'en' : '',
    NISSHI_S3_BUCKET: local.s3.bucket,
    NISSHI_CLOUDFRONT_DISTRIBUTION_ID: DISTRIBUTION_ID,
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_S3: local.s3.endpoint,
    AWS_ENDPOINT_URL_CLOUDFRONT: local.cloudFront.endpoint,
    ...env,
  };
  try {
    await runDeployCommand(args, io, fullEnv, false, settings);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    out += `nisshi deploy: ${error.message}\n`;
  }
  return out;
}

const lockBody = (fields: Record<string, unknown>) =>
  `${JSON.stringify({ version: 1, token: 't', operation: 'deploy', owner: 'ci-runner', host: 'build-7', pid: 4242, startedAt: new Date(Date.now() - 60_000).toISOString(), expiresAt: new Date(Date.now() + 240_000).toISOString(), ...fields })}\n`;

/** Every kind of output of the command, for one language, on a prefix of its own. */
async function everything(language: 'ja' | 'en'): Promise<string> {
  const prefix = `lang-${language}`;
  const dist = await copyFixture();
  const run = (args: string[], env?: Record<string, string | undefined>) => deployCli(language, ['--dist', dist, '--prefix', prefix, ...args], env);
  const outputs: string[] = [];
  outputs.push(await deployCli(language, ['--help']));
  outputs.push(await run(['--rollback'])); // nothing to roll back to
  outputs.push(await run([])); // first deploy: progress, the example.com warning, the audit skipped, summary
  for (let n = 0; n < 3; n++) await putObject(local.s3, `${prefix}/backups/${n}.sql`, 'not ours');
  await rm(path.join(dist, 'logs/2025-08-03'), { recursive: true });
  const page = path.join(dist, 'logs/2025-08-04/index.html');
  await writeFile(page, `${await readFile(page, 'utf8')}<p>追記</p>\n`);
  outputs.push(await run(['--dry-run'])); // plan lines: upload, delete, keep, invalidate
  outputs.push(await run([])); // deploy with objects left alone
  // An interrupted run's intent, taken over by the next deploy.
  const key = `${prefix}/.nisshi/manifest.json`;
  const manifest = parseManifest((await readBucket(local.s3, key)).get(key)?.body.toString());
  const intent = { kind: 'deploy' as const, time: new Date().toISOString(), objects: new Map([['half/index.html', { md5: '0'.repeat(32), contentType: 'text/html; charset=utf-8', cacheControl: 'x' }]]) };
  await local.s3.client.send(new PutObjectCommand({ Bucket: local.s3.bucket, Key: key, Body: manifestText({ ...manifest, intent }) }));
  await putObject(local.s3, `${prefix}/half/index.html`, '<p>half</p>');
  outputs.push(await run([]));
  // The lock: held (waited for, then refused), seen by a dry run, stale (refused, then broken).
  const lockKey = `${prefix}/.nisshi/lock.json`;
  await local.s3.client.send(new PutObjectCommand({ Bucket: local.s3.bucket, Key: lockKey, Body: lockBody({}) }));
  outputs.push(await run(['--lock-wait', '1']));
  outputs.push(await run(['--dry-run']));
  await local.s3.client.send(new PutObjectCommand({ Bucket: local.s3.bucket, Key: lockKey, Body: lockBody({ expiresAt: new Date(Date.now() - 1000).toISOString() }) }));
  outputs.push(await run([]));
  outputs.push(await run(['--dry-run']));
  outputs.push(await run(['--break-lock']));
  // History and rollback.
  outputs.push(await run(['--history']));
  outputs.push(await run(['--rollback', '--dry-run']));
  outputs.push(await run(['--rollback']));
  // Refusals.
  outputs.push(await run(['--concurrency', 'x', '--max-attempts', '0']));
  outputs.push(await run([], { NISSHI_S3_BUCKET: undefined }));
  outputs.push(await run([], { npm_config_dry_run: 'true' }));
  outputs.push(await deployCli(language, ['--dist', path.join(dist, 'nothing'), '--prefix', prefix]));
  const wrong = await mkdtemp(path.join(os.tmpdir(), 'nisshi-lang-wrong-'));
  await writeFile(path.join(wrong, 'index.html'), '<!doctype html><title>x</title>');
  outputs.push(await deployCli(language, ['--dist', wrong, '--prefix', prefix]));
  // AWS failures.
  outputs.push(await run(['--bucket', 'no-such-bucket']));
  outputs.push(await run(['--distribution-id', 'ENOSUCH']));
  outputs.push(await run(['--max-attempts', '1'], { AWS_ENDPOINT_URL_S3: closedPort }));
  outputs.push(await run([], { AWS_REGION: undefined }));
  await writeFile(page, `${await readFile(page, 'utf8')}<p>${['AKIA', 'QWERTYUIOPASDFGH'].join('')}</p>\n`);
  outputs.push(await run([]));
  const records = path.join(dist, 'data/logs/2025.json');
  await writeFile(records, (await readFile(records, 'utf8')).replace('"draft": false', '"draft": true'));
  outputs.push(await run([]));
  await rm(dist, { recursive: true });
  await rm(wrong, { recursive: true });
  return outputs.join('');
}

/** What stays as written in both languages: what the reader types, names, and data. */
function withoutCode(line: string): string {
  return line
    .replace(/^nisshi deploy: /, '')
    .replace(/\b(?:s3|https?):\/\/\S+/g, ' ')
    .replace(/npm run deploy(?::plan)?(?: -- --[a-z-]+)?|npm run build|nisshi (?:deploy|audit)(?: dist)?|aws (?:sso login|configure)/g, ' ')
    .replace(/[\w.@-]*[\\/][\w./@%*\-\u3040-\u30ff\u4e00-\u9fff]*/g, ' ')
    .replace(/--?[a-z][a-z-]*(?:\s<[^>]+>)?/g, ' ')
    .replace(/\$?\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?:=\S*)?/g, ' ')
    .replace(/\b(?:s3|cloudfront):[A-Za-z]+/g, ' ')
    .replace(/\b[\w-]+\.(?:html|json|js|css|xml|svg|sql|ts|mjs|md)\b/g, ' ')
    .replace(/\b\w*\d[\w-]*\b/g, ' ');
}

const NAMES = new Set([
  'CloudFront', 'S3', 'AWS', 'SDK', 'ID', 'URL', 'HTTP', 'JSON', 'HEAD', 'nisshi', 'npm', 'pid', 'SSO', 'ARN', 'If', 'None', 'Match',
  'kB', 'MB', 'dist', 'logs', 'src', 'ja', 'en', 'locale', 'site', 'canonical', 'PreconditionFailed', 'NoSuchBucket', 'NotFound',
  'ECONNREFUSED', 'runner', 'build', 'ci', 'FAKE', 'ENOSUCH', 'E', 'x', 'sql', 'html',
]);

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

describe('nisshi deploy speaks one language at a time', { timeout: 120_000 }, () => {
  it('Japanese by default: no English sentence anywhere in its output', async () => {
    const output = await everything('ja');
    const english = output
      .split('\n')
      .map((line) => [line, (withoutCode(line).match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !NAMES.has(word))] as const)
      .filter(([, words]) => words.length > 0);
    expect(english).toEqual([]);
    // Every line that is not data alone (a path, a history row's id) says something in Japanese.
    const silent = output.split('\n').filter((line) => withoutCode(line).replace(/[\s*:…()（）[\]#]/g, '') !== '' && !JAPANESE.test(line));
    expect(silent).toEqual([]);
    // The kinds of output were all there.
    for (const expected of ['使い方: nisshi deploy', '戻す先がありません', '注意: サイトのアドレスがまだ', 'アップロード（ページ）: ', '公開しました', '削除  logs/2025-08-03/index.html', '残す（nisshi のものではない）', '無効化  /logs/2025-08-04/', 'nisshi のものではないオブジェクトが 3 個', '前回の公開', '引き継ぎ', '別の実行がロックを持っています', '秒待ちましたが', '古いロック', '--break-lock を付けて', '最近の公開', '予行演習（書き込みなし） s3://', 'ロールバックしました', '公開の設定に誤りがあります（2 件）', 'バケットが指定されていません', 'npm が --dry-run を', 'がありません。先に npm run build', 'この計画はバケットの', '秘密情報らしいもの', 'AWS のアクセスキー ID', '下書きのログが 1 件', 'バケット s3://no-such-bucket/lang-ja/ がありません', 'ディストリビューション ENOSUCH がありません', 'に届きません（ECONNREFUSED）', 'リージョンが設定されていません', 'フォルダがないため']) {
      expect(output).toContain(expected);
    }
  });

  it('English with NISSHI_LANG=en: no Japanese outside paths', async () => {
    const output = await everything('en');
    const japanese = output.split('\n').filter((line) => JAPANESE.test(withoutCode(line)));
    expect(japanese).toEqual([]);
    for (const expected of ['Usage: nisshi deploy', 'nothing to roll back to', 'warning: the site address is still', 'upload html: ', 'deployed s3://', 'delete  logs/2025-08-03/index.html', 'keep    not ours', 'not ours: 3 object(s)', 'the last deploy (', 'took over 1 object(s)', 'another run holds the lock', 'still holds the lock', 'removed the stale lock', 'run again with --break-lock', 'deploy(s) of s3://nisshi-site/lang-en/, newest first', 'rolled back', '2 bad deploy settings', 'no bucket configured', 'npm took --dry-run', 'does not exist; run npm run build first', 'the plan would delete', 'look like a secret', 'draft log(s)', 'bucket s3://no-such-bucket/lang-en/ does not exist', 'CloudFront distribution ENOSUCH does not exist', 'could not reach S3', 'no AWS region configured', 'no logs folder here']) {
      expect(output).toContain(expected);
    }
  });
});

/**
 * Each way a secret got past the old scan, deployed for real against s3rver:
 * every one must now be refused before anything is written, naming file and line.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, deployTo, useTestCredentials } from './helpers/deploy-env.ts';
import { readBucket, startS3, type TestS3 } from './helpers/s3-server.ts';

// Built at run time so this file itself holds nothing a scanner would flag.
const keyId = ['AKIA', 'QWERTYUIOPASDFGH'].join('');
const secretKey = ['wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYzz0123456789'].join('').slice(0, 40);
const privateKey = [['-----BEGIN', 'OPENSSH PRIVATE KEY-----'].join(' '), 'b3BlbnNzaC1rZXktdjEAAAAA', ['-----END', 'OPENSSH PRIVATE KEY-----'].join(' ')].join('\n');
const githubToken = ['ghp', '_', 'R2d2C3po'.repeat(4), 'Xy12'].join('');

let s3: TestS3;

beforeAll(async () => {
  useTestCredentials();
  s3 = await startS3();
});

afterAll(async () => {
  await s3.close();
});

type Change = (dist: string) => Promise<void>;

const appendToPage = (html: string): Change => async (dist) => {
  const page = path.join(dist, 'logs/2025-08-04/index.html');
  await writeFile(page, `${await readFile(page, 'utf8')}${html}\n`);
};

const bypasses: [string, Change, RegExp][] = [
  [
    'a key split by markup (**bold** in the log, <strong> in the page)',
    appendToPage(`<p>鍵は AKIA<strong>${keyId.slice(4)}</strong> です</p>`),
    /logs\/2025-08-04\/index\.html:6: AWS access key id/,
  ],
  [
    'the joined key in a gzip-compressed Pagefind fragment',
    async (dist) => {
      const fragment = { url: '/logs/2025-08-04/', content: `鍵は ${keyId} です`, meta: { title: '学習ログ' } };
      await writeFile(path.join(dist, 'pagefind/fragment/ja_6d51656.pf_fragment'), gzipSync(`pagefind_dcd${JSON.stringify(fragment)}`));
    },
    /pagefind\/fragment\/ja_6d51656\.pf_fragment:1: AWS access key id/,
  ],
  ['a key between underscores', appendToPage(`<code>KEY_${keyId}_OLD</code>`), /index\.html:6: AWS access key id/],
  [
    'the AWS CLI\'s JSON shape',
    appendToPage(`<pre><code>{\n  "AccessKeyId": "${keyId}",\n  "SecretAccessKey": "${secretKey}"\n}</code></pre>`),
    /index\.html:8: AWS secret access key/,
  ],
  [
    'dist/.env',
    (dist) => writeFile(path.join(dist, '.env'), `DATABASE_URL=postgres://db\nAPI_TOKEN=${'s3cr3tV4lu3'.repeat(2)}\n`),
    /\.env:2: \.env secret/,
  ],
  ['dist/key.pem', (dist) => writeFile(path.join(dist, 'key.pem'), `${privateKey}\n`), /key\.pem:1: private key/],
  ['dist/config.yml', (dist) => writeFile(path.join(dist, 'config.yml'), `github:\n  token: ${githubToken}\n`), /config\.yml:2: GitHub token/],
];

describe('secrets that used to get past the scan are refused', () => {
  for (const [name, change, finding] of bypasses) {
    it(name, async () => {
      const dist = await copyFixture();
      await change(dist);
      const prefix = `bypass-${bypasses.findIndex(([other]) => other === name)}/`;
      const run = deployTo(s3.endpoint, s3.bucket, prefix, undefined, { distDir: dist });
      await expect(run).rejects.toThrow(/^refusing to deploy: \d+ built file line\(s\) look like a secret/);
      await expect(run).rejects.toThrow(finding);
      expect((await readBucket(s3, prefix)).size).toBe(0);
      await rm(dist, { recursive: true });
    });
  }

  it('the fixture itself, Pagefind chunks unpacked, deploys (no false alarm)', async () => {
    const dist = await copyFixture();
    expect((await deployTo(s3.endpoint, s3.bucket, 'clean/', undefined, { distDir: dist })).uploaded).toBe(19);
    await rm(dist, { recursive: true });
  });
});

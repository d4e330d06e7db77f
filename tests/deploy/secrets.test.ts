import { describe, expect, it } from 'vitest';
import { scanForSecrets } from '../../src/deploy/secrets.ts';

// Built at run time so this file itself holds nothing a scanner would flag.
const awsKeyId = ['AKIA', 'Z7QW3RTY5UIOPLKJ'].join('');
const secretValue = 'wJalrXUtnFEMIK7MDENGbPxRfiCYzz12345678901'.slice(0, 40);

describe('scanForSecrets', () => {
  it('finds each kind of secret with its line', () => {
    const text = [
      '<p>ok</p>',
      `key ${awsKeyId}`,
      `aws_secret_access_key = ${secretValue}`,
      ['-----BEGIN RSA ', 'PRIVATE KEY-----'].join(''),
      ['ghp', '_', 'a'.repeat(36)].join(''),
      ['github_pat', '_', '11ABCDEFG0123456789_abcdefghijklmnop'].join(''),
      ['xoxb', '-1234567890-abcdefghij'].join(''),
      ['ASIA', 'ABCDEFGHIJKLMNOP'].join(''),
    ].join('\n');
    expect(scanForSecrets('logs/x/index.html', text).map((finding) => [finding.line, finding.kind])).toEqual([
      [2, 'AWS access key id'],
      [3, 'AWS secret access key'],
      [4, 'private key'],
      [5, 'GitHub token'],
      [6, 'GitHub token'],
      [7, 'Slack token'],
      [8, 'AWS access key id'],
    ]);
  });

  it('lets words about secrets and documented examples through', () => {
    const text = [
      '認証情報は aws_secret_access_key に書く',
      'aws_secret_access_key = YOUR_SECRET',
      'AKIAIOSFODNN7EXAMPLE',
      'ghp_ から始まるトークン',
      '-----BEGIN PUBLIC KEY-----',
    ].join('\n');
    expect(scanForSecrets('a.html', text)).toEqual([]);
  });
});

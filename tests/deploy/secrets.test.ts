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

describe('scanForSecrets: the shapes secrets leak in', () => {
  const key = ['AKIA', 'QWERTYUIOPASDFGH'].join('');
  const kinds = (text: string) => scanForSecrets('f', text).map((finding) => [finding.line, finding.kind]);

  it('sees a key through markup and entities, as the page shows it', () => {
    expect(kinds(`<p>AKIA<strong>${key.slice(4)}</strong></p>`)).toEqual([[1, 'AWS access key id']]);
    // A tag over two lines keeps its line break, so findings after it keep their line numbers.
    expect(kinds(`<div\nclass="x">text</div>\n<p>AKIA<em>${key.slice(4)}</em></p>`)).toEqual([[3, 'AWS access key id']]);
    expect(kinds(`AKIA&#81;${key.slice(5)}`)).toEqual([[1, 'AWS access key id']]);
    // Block elements stay apart: two table cells are not one key.
    expect(kinds(`<td>AKIA</td><td>${key.slice(4)}</td>`)).toEqual([]);
  });

  it('uses non-alphanumeric boundaries, so underscores do not hide a key, but longer words do not match', () => {
    expect(kinds(`KEY_${key}_OLD`)).toEqual([[1, 'AWS access key id']]);
    expect(kinds(`X${key}`)).toEqual([]);
    expect(kinds(`${key}Z`)).toEqual([]);
  });

  it('finds the AWS CLI JSON shape, .env lines, and the token families', () => {
    const secret = 'abcdEFGH1234/+ijklMNOP5678qrstUVWX9012yz';
    const lines = [
      `"SecretAccessKey": "${secret}",`,
      `AWS_SECRET_ACCESS_KEY=${secret}`,
      ['export DB_PASS', 'WORD="correct-horse-battery"'].join(''),
      ['ghp', '_', 'A1b2'.repeat(9)].join(''),
      ['github_pat', '_', '11ABCDEFG0123456789_abcdefghijklmnop'].join(''),
      ['xoxp', '-1234567890-0987654321-abcdef'].join(''),
      ['https://hooks.slack.com/services/', 'T0123ABCD/B0123ABCD/', 'abcdefghijklmnop1234'].join(''),
      ['AIza', 'SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q'].join(''),
      ['-----BEGIN', 'EC PRIVATE KEY-----'].join(' '),
      ['-----BEGIN PGP', 'PRIVATE KEY BLOCK-----'].join(' '),
    ];
    expect(kinds(lines.join('\n'))).toEqual([
      [1, 'AWS secret access key'],
      [2, 'AWS secret access key'],
      [2, '.env secret'],
      [3, '.env secret'],
      [4, 'GitHub token'],
      [5, 'GitHub token'],
      [6, 'Slack token'],
      [7, 'Slack webhook'],
      [8, 'Google API key'],
      [9, 'private key'],
      [10, 'private key'],
    ]);
  });

  it('lets placeholders in .env examples through', () => {
    const text = ['API_TOKEN=your-token-here', 'DB_PASSWORD=${DB_PASSWORD}', 'SECRET_KEY=xxxxxxxxxxxx', 'PAGE_SIZE=100000000', 'SECRET=changeme123'].join('\n');
    expect(kinds(text)).toEqual([]);
  });
});

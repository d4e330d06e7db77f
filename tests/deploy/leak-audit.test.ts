/** The leak audit on its own (text forms, compressed chunks) and as the first step of `nisshi deploy`. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { auditBuild, findLeaks, secretsOf } from '../../src/deploy/leak-audit.ts';
import { parseSettings } from '../../src/settings/settings.ts';
import { copyFixture, DISTRIBUTION_ID, useTestCredentials } from './helpers/deploy-env.ts';
import { readBucket, startS3, type TestS3 } from './helpers/s3-server.ts';

const privateLog = `# 2025年8月4日

## 実施内容
- 公開の作業をした、テストを書いた
- 公開 <!-- private -->取引先は株式会社ひみつ工業の佐藤さん<!-- /private --> です

## 気持ち 🔒
- **今日は** つらかったけれど明日もがんばる
`;
const draftLog = `---
draft: true
---
# 2025年8月5日

まだ下書きのつもりで書いている長めの一文です。
- 公開の作業をした、テストを書いた
`;
const logs = [
  { path: 'logs/2025-08-04.md', text: privateLog },
  { path: 'logs/2025-08-05.md', text: draftLog },
];

describe('the passages looked for', () => {
  it('are the private lines, the text inside private blocks and the draft\'s lines, minus text a published log also has', () => {
    const secrets = secretsOf(logs);
    expect([...new Set(secrets.map((secret) => `${secret.kind} ${secret.line} ${secret.passage}`))]).toEqual([
      'private 5 取引先は株式会社ひみつ工業の佐藤さん',
      'private 8 - **今日は** つらかったけれど明日もがんばる',
      'draft 6 まだ下書きのつもりで書いている長めの一文です。',
    ]);
    // The line and each run of it between markup: a page that shows only the emphasised part is caught too.
    expect(secrets.filter((secret) => secret.line === 8).map((secret) => secret.needle)).toEqual(['今日はつらかったけれど明日もがんばる', 'つらかったけれど明日もがんばる']);
  });

  it('leave out a draft line a published log also has, written there over two lines (a page joins them)', () => {
    const draft = '---\ndraft: true\n---\n# 2024年5月1日\n\n## 振り返り\n設定は早く終わったが、テストを整えるのに倍かかった。キャッシュの鍵の決め方で結果が大きく変わる。\n';
    const published = '# 2024年6月2日\n\n## 振り返り\n- 設定は早く終わったが、テストを整えるのに倍かかった。\n- キャッシュの鍵の決め方で結果が大きく変わる。\n';
    const secrets = secretsOf([
      { path: 'logs/2024-05-01.md', text: draft },
      { path: 'logs/2024-06-02.md', text: published },
    ]);
    // The page of the published log holds every piece of the draft's line, the one across its two items too.
    const page = '<h2>振り返り</h2>\n<ul>\n<li>設定は早く終わったが、テストを整えるのに倍かかった。</li>\n<li>キャッシュの鍵の決め方で結果が大きく変わる。</li>\n</ul>';
    expect(findLeaks(secrets, [{ path: 'logs/2024-06-02/index.html', text: page }])).toEqual([]);
    // Without the published log, the same page would be the draft's text.
    const alone = secretsOf([{ path: 'logs/2024-05-01.md', text: draft }]);
    expect(findLeaks(alone, [{ path: 'logs/2024-06-02/index.html', text: page }]).map((leak) => leak.line)).toContain(7);
  });

  it('leave out what is on pages by right: a title a published log also has, a line of digits', () => {
    const draft = `---\ntitle: "GitHub Actions: 開発環境をまとめる"\ndraft: true\n---\n# 2021-01-09\n\n# GitHub Actions: 開発環境をまとめる\n\n下書きにだけある十分に長い一文です。\n`;
    // The same title, in the frontmatter of a log that is published: its page shows it.
    const published = `---\ntitle: "GitHub Actions: 開発環境をまとめる"\n---\n# 2023-09-22 (金) 学習メモ\n\n本文\n`;
    const secrets = secretsOf([
      { path: 'logs/2021-01-09.md', text: draft },
      { path: 'logs/2023-09-22.md', text: published },
    ]);
    expect(secrets.map((secret) => secret.passage)).toEqual(['下書きにだけある十分に長い一文です。']);
    // Without the published log the title is the draft's own, and is looked for.
    expect(secretsOf([{ path: 'logs/2021-01-09.md', text: draft }]).map((secret) => secret.passage)).toContain('# GitHub Actions: 開発環境をまとめる');
  });

  it('are found through tags, entities, JSON escapes and line breaks; ordinary pages pass', () => {
    const secrets = secretsOf(logs);
    const leaks = findLeaks(secrets, [
      { path: 'a.html', text: '<p>取引先は<em>株式会社</em>ひみつ&#24037;業の\n佐藤さん</p>' },
      { path: 'b.json', text: '{"content":"まだ下書きの\\"つもり\\""}' },
      { path: 'c.json', text: '{"content":"まだ下書きのつもりで書いている長めの一文です。"}' },
      { path: 'd.html', text: '<p>公開の作業をした、テストを書いた</p>' },
      { path: 'e.json', text: '{"content":"\\u307e\\u3060\\u4e0b\\u66f8\\u304d\\u306e\\u3064\\u3082\\u308a\\u3067\\u66f8\\u3044\\u3066\\u3044\\u308b\\u9577\\u3081\\u306e\\u4e00\\u6587\\u3067\\u3059"}' },
    ]);
    expect(leaks.map((leak) => [leak.file, leak.log, leak.line])).toEqual([
      ['a.html', 'logs/2025-08-04.md', 5],
      ['c.json', 'logs/2025-08-05.md', 6],
      ['e.json', 'logs/2025-08-05.md', 6],
    ]);
  });

  it('catch an excerpt of a long private line (a feed summary, a search result) by its pieces', () => {
    const long = '# 2025年8月4日\n\n## 非公開\n今日は取引先の佐藤さんと来期の契約について長い時間をかけて話し合い、値下げの条件を三つ出された。\n';
    const secrets = secretsOf([{ path: 'logs/l.md', text: long }]);
    const leaks = findLeaks(secrets, [{ path: 'rss.xml', text: '<description>…来期の契約について長い時間をかけて話し合い、値下げ…</description>' }]);
    expect(leaks.map((leak) => [leak.file, leak.line])).toEqual([['rss.xml', 4]]);
  });
});

describe('passages with the signs of a regular expression', () => {
  it('are looked for as written, sign for sign', () => {
    const draft = `---\ndraft: true\n---\n料金は$5.00+税{概算}?^で、c:\\path/toは秘密です\n`;
    const secrets = secretsOf([{ path: 'logs/d.md', text: draft }]);
    expect(secrets.map((secret) => secret.passage)).toEqual(['料金は$5.00+税{概算}?^で、c:\\path/toは秘密です']);
    const leaks = findLeaks(secrets, [
      { path: 'same.html', text: '<p>料金は$5.00+税{概算}?^で、c:\\path/toは秘密です</p>' },
      // What the passage would match if it were read as a pattern: no finding.
      { path: 'pattern.html', text: '<p>料金は5X00税税{概算}で、c:path/toは秘密です</p>' },
    ]);
    expect(leaks.map((leak) => leak.file)).toEqual(['same.html']);
  });
});

describe('nisshi deploy audits the build before any write', () => {
  let s3: TestS3;
  let work: string;
  beforeAll(async () => {
    useTestCredentials();
    s3 = await startS3();
    work = await mkdtemp(path.join(os.tmpdir(), 'nisshi-leak-'));
    await mkdir(path.join(work, 'logs'));
    for (const log of logs) await writeFile(path.join(work, log.path), log.text);
  });
  afterAll(async () => {
    await s3.close();
    await rm(work, { recursive: true, force: true });
  });

  it('refuses a build holding a private note in a Pagefind fragment, and the bucket stays empty', async () => {
    const dist = await copyFixture();
    await mkdir(path.join(dist, 'pagefind/fragment'), { recursive: true });
    await writeFile(path.join(dist, 'pagefind/fragment/x.pf_fragment'), gzipSync('{"content":"つらかったけれど明日もがんばる"}'));
    expect(auditBuild(dist, logs).findings).toHaveLength(1);
    let stderr = '';
    const io: CliIo = { cwd: work, stdout: () => {}, stderr: (text) => void (stderr += text), now: () => new Date() };
    process.env.AWS_REGION = 'us-east-1';
    process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
    const settings = parseSettings({
      title: 't', description: '', site: 'https://example.com', timezone: 'Asia/Tokyo', weekStart: 'monday', locale: 'ja', logsDir: 'logs', allowRawHtml: false,
    });
    const code = await main(['deploy', '--dist', dist, '--bucket', s3.bucket, '--distribution-id', DISTRIBUTION_ID], io, settings);
    expect(code).toBe(1);
    expect(stderr).toContain('refusing to deploy');
    expect(stderr).toContain(`pagefind/fragment/x.pf_fragment: holds text of a private note, logs/2025-08-04.md:8`);
    expect((await readBucket(s3)).size).toBe(0);
    // The fixture itself is clean: the audit of the untouched copy finds nothing.
    await rm(path.join(dist, 'pagefind/fragment/x.pf_fragment'));
    expect(auditBuild(dist, logs).findings).toEqual([]);
    expect(await readFile(path.join(dist, 'index.html'), 'utf8')).toBeTruthy();
    await rm(dist, { recursive: true, force: true });
  });
});

describe('the audit\'s cache (node_modules/.cache/nisshi/audit.json)', () => {
  it('skips a file whose bytes passed against the same passages, and checks it again against new ones', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'nisshi-audit-cache-'));
    const dist = path.join(work, 'dist');
    await mkdir(path.join(dist, 'logs'), { recursive: true });
    await writeFile(path.join(dist, 'index.html'), '<p>公開の作業をした、テストを書いた</p>');
    await writeFile(path.join(dist, 'logs/a.html'), '<p>ふつうのページ</p>');
    await writeFile(path.join(dist, 'logs/b.html'), '<p>ほかのページ</p>');
    const cache = path.join(work, 'node_modules/.cache/nisshi/audit.json');
    const first = auditBuild(dist, logs, undefined, cache);
    expect([first.files, first.reused, first.findings.length]).toEqual([3, 0, 0]);
    expect(auditBuild(dist, logs, undefined, cache).reused).toBe(3);
    // One file changed: only it is read again.
    await writeFile(path.join(dist, 'logs/b.html'), '<p>ほかのページ、書き直した</p>');
    expect(auditBuild(dist, logs, undefined, cache).reused).toBe(2);
    // A new private passage in a log: the unchanged files are checked against it, and the one that holds it fails.
    await writeFile(path.join(dist, 'logs/a.html'), '<p>ふつうのページ</p><p>来週は転職の面接がある、まだ誰にも言っていない</p>');
    const withSecret = [...logs, { path: 'logs/2025-08-06.md', text: '# 2025年8月6日\n\n## 非公開\n来週は転職の面接がある、まだ誰にも言っていない\n' }];
    auditBuild(dist, logs, undefined, cache);
    const found = auditBuild(dist, withSecret, undefined, cache);
    expect(found.findings.map((finding) => [finding.file, finding.log, finding.line])).toEqual([['logs/a.html', 'logs/2025-08-06.md', 4]]);
    // A file that failed is never remembered as passed.
    expect(auditBuild(dist, withSecret, undefined, cache).findings).toHaveLength(1);
    // The cache is safe to delete, or to find broken.
    await writeFile(cache, '{not json');
    expect(auditBuild(dist, withSecret, undefined, cache)).toMatchObject({ reused: 0, findings: [{ file: 'logs/a.html' }] });
    await rm(work, { recursive: true, force: true });
  });
});

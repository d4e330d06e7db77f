/**
 * Private notes never leak: the fixture log 2025-08-09 has a private block and
 * a private section (🔒, with a sub-heading and a checklist item); none of
 * their text is in any file of the build — HTML, JSON, XML, JS and the search
 * index. `nisshi audit` passes on the real
 * build and finds the private text and the draft's text when they are planted
 * into a copy of it.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { readSiteTexts } from '../../src/deploy/site-files.ts';
import { searchPartOf } from '../../src/search/layout.ts';
import { runCli, repoRoot } from '../cli/run-cli.ts';

const dist = inject('siteDir');
const logsDir = 'tmp/site-test/logs';
const markers = ['PRIVMARK-BLOCK-7f3a', 'PRIVMARK-SECTION-7f3a', 'PRIVMARK-TASK-7f3a', 'PRIVMARK-SUB-7f3a', 'ひみつ商事', 'ひみつのタスク'];
const copies: string[] = [];

afterAll(async () => {
  for (const copy of copies) await rm(copy, { recursive: true, force: true });
});

async function distCopy(): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), 'nisshi-audit-'));
  copies.push(copy);
  await cp(dist, copy, { recursive: true });
  return copy;
}

describe('private notes in the build', () => {
  it('are in no file of dist/, the search index included, while the public text around them is, in the index too', () => {
    let files = 0;
    let indexParts = 0;
    let publicSentence = false;
    for (const file of readSiteTexts(dist)) {
      files++;
      const inIndex = searchPartOf(file.path) !== undefined;
      if (inIndex) indexParts++;
      for (const marker of markers) expect(file.text.includes(marker), `${marker} in ${file.path}`).toBe(false);
      if (inIndex && file.text.includes('ここからは公開')) publicSentence = true;
    }
    expect(files).toBeGreaterThan(20);
    expect(indexParts).toBeGreaterThan(0);
    expect(publicSentence).toBe(true);
  });

  it('count nowhere: the private checklist item is not in the day\'s checklist', async () => {
    const records = JSON.parse(await readFile(path.join(dist, 'data/logs/2025.json'), 'utf8')) as Array<{ slug: string; checklist: Array<{ text: string }> }>;
    const day = records.find((record) => record.slug === '2025-08-09')!;
    expect(day.checklist.map((item) => item.text)).toEqual(['本番環境の構築', 'パフォーマンステスト']);
  });

  it('nisshi audit passes on the real build', () => {
    const run = runCli(['audit', dist, '--logs', logsDir], repoRoot);
    expect(run.stderr).toContain('no private note or draft text');
    expect(run.status).toBe(0);
  });

  it('nisshi audit finds private text planted in a page and in a part of the search index, naming the file and the log line', async () => {
    const copy = await distCopy();
    const page = path.join(copy, 'logs/2025-08-05/index.html');
    await writeFile(page, `${await readFile(page, 'utf8')}<p>今日は上司に言われたことが<strong>つらかった PRIVMARK-SECTION-7f3a</strong></p>`);
    const part = path.join(copy, 'search-index/recent/0123456789abcdef.json');
    await writeFile(part, JSON.stringify({ version: 1, part: 'recent', docs: [{ slug: '2025-08-09', text: '会社名はひみつ商事で、上司は山田さん PRIVMARK-BLOCK-7f3a' }] }));
    const run = runCli(['audit', copy, '--logs', logsDir], repoRoot);
    expect(run.status).toBe(1);
    const log = `${logsDir}/2025-08-09.md`;
    expect(run.stdout).toMatch(new RegExp(`logs/2025-08-05/index\\.html: holds text of a private note, ${log}:\\d+`));
    expect(run.stdout).toMatch(new RegExp(`search-index/recent/0123456789abcdef\\.json: holds text of a private note, ${log}:\\d+`));
  });

  it('nisshi audit finds a draft log\'s text planted in the feed', async () => {
    const copy = await distCopy();
    const feed = path.join(copy, 'rss.xml');
    await writeFile(feed, (await readFile(feed, 'utf8')).replace('</channel>', '<item><description>この日誌は公開しない。秘密の合言葉は「ひみつのしたがき」。</description></item></channel>'));
    const run = runCli(['audit', copy, '--logs', logsDir], repoRoot);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`rss.xml: holds text of a draft log, ${logsDir}/2025-08-07-draft.md:8`);
  });
});

/**
 * nisshiLoader against an in-memory store: what is stored, what is skipped
 * when nothing changed, what makes a load fail, and the dev watcher. The real
 * Astro build is in build.test.ts.
 */
import { readFile, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { readSettingsOf } from '../../src/parse/read-log.ts';
import { siteSettings } from '../../src/site.config.ts';
import { logBodyDigests, newestDevBodies, readLogBody } from '../../src/files/log-bodies.ts';
import { nisshiLoader, processLog } from '../../src/loader/index.ts';
import { logRecordSchema, type LogRecord } from '../../src/record/schema.ts';
import { countingPipeline, fakeContext, projectWithLogs, wholeRecord } from './fake-context.ts';

let root = '';
beforeEach(async () => {
  root = await projectWithLogs();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(root, { recursive: true, force: true });
});

const logPath = (relative: string) => path.join(root, relative);
const loader = (pipeline = countingPipeline()) => ({ pipeline, loader: nisshiLoader({ base: 'logs' }, pipeline) });

describe('nisshiLoader: a load', () => {
  it('stores each published log under its slug with its record only; its rendered body goes to a file of its digest', async () => {
    const fake = fakeContext(root);
    await loader().loader.load(fake.context);
    expect([...fake.entries.keys()].sort()).toEqual(['2025-08-03', '2025-08-04']);
    const entry = fake.entries.get('2025-08-04');
    const data = entry?.data as LogRecord;
    expect(data.source).toBe('logs/2025/08/04.md');
    expect(data.date).toBe('2025-08-04');
    expect(entry?.filePath).toBe('logs/2025/08/04.md');
    // Neither the Markdown nor the HTML is in the store: it holds the record.
    expect(entry?.body).toBeUndefined();
    expect(entry?.rendered).toBeUndefined();
    const body = readLogBody(fake.bodies, String(entry?.digest));
    expect(body.html).toContain('<code class="hljs language-yaml">');
    expect(body.headings).toContainEqual({ depth: 2, slug: '今日の目標', text: '今日の目標' });
    // One body per published log; drafts have none.
    expect([...logBodyDigests(fake.bodies)].sort()).toEqual([...fake.entries.values()].map((stored) => String(stored.digest)).sort());
    // The record's lists and the parts no page shows are in the body file, not in the store, and make the whole
    // record again (src/record/stored-record.ts): the record `nisshi parse` reads of the file.
    let figures = 0;
    for (const [id, source] of [['2025-08-03', 'logs/2025-08-03.md'], ['2025-08-04', 'logs/2025/08/04.md']] as const) {
      const stored = fake.entries.get(id);
      expect(Object.keys(stored?.data ?? {})).not.toEqual(expect.arrayContaining(['figures']));
      expect(Object.keys(stored?.data ?? {})).not.toEqual(expect.arrayContaining(['work']));
      expect(Object.keys(stored?.data ?? {})).not.toEqual(expect.arrayContaining(['references']));
      expect(Object.keys(stored?.data ?? {})).not.toEqual(expect.arrayContaining(['problems']));
      expect(Object.keys(stored?.data ?? {})).not.toEqual(expect.arrayContaining(['checklist']));
      const whole = wholeRecord(fake, id);
      const parsed = (await processLog(await readFile(logPath(source), 'utf8'), { path: source, allowRawHtml: false, render: false })).record;
      expect(whole).toEqual(logRecordSchema.parse({ ...parsed, frontmatter: whole.frontmatter }));
      figures += whole.figures.length;
    }
    expect(figures).toBeGreaterThan(0);
  });

  it('leaves out drafts and dot-folders', async () => {
    const fake = fakeContext(root);
    await loader().loader.load(fake.context);
    const stored = JSON.stringify([...fake.entries.values()]);
    expect(stored).not.toContain('DRAFT-MARKER');
    expect(stored).not.toContain('.obsidian');
  });

  it('prints warnings as path:line:column lines and goes on', async () => {
    const fake = fakeContext(root);
    await loader().loader.load(fake.context);
    const warnings = fake.logged.filter((line) => line.level === 'warn').map((line) => line.message);
    expect(warnings).toEqual([expect.stringMatching(/^logs\/2025-08-03\.md:22:1: warning .+ \[heading-missing-space\]$/)]);
  });

  it('warns, naming the file, when Sätteri fails on a log, and still stores the log as remark reads it', async () => {
    const failing = { name: 'satteri' as const, parse: (): never => { throw new Error('native parser panicked'); } };
    const fake = fakeContext(root);
    await nisshiLoader({ base: 'logs' }, { process: (text, options) => processLog(text, options, failing) }).load(fake.context);
    const warnings = fake.logged.filter((line) => line.level === 'warn').map((line) => line.message);
    expect(warnings).toContain(
      'logs/2025-08-03.md: Sätteri could not parse this log (native parser panicked); it was read with remark instead (the CommonMark reference reader)',
    );
    // The notice comes before the log's findings, and the log is still published.
    expect(warnings.findIndex((line) => line.startsWith('logs/2025-08-03.md: Sätteri'))).toBeLessThan(
      warnings.findIndex((line) => line.includes('[heading-missing-space]')),
    );
    expect([...fake.entries.keys()].sort()).toEqual(['2025-08-03', '2025-08-04']);
  });

  it('does not parse or render an unchanged file again, draft or not, and picks up a changed one', async () => {
    const first = loader();
    const fake = fakeContext(root);
    await first.loader.load(fake.context);
    expect(first.pipeline.calls.sort()).toEqual(['logs/2025-08-03.md', 'logs/2025-08-05-draft.md', 'logs/2025/08/04.md']);
    const before = fake.entries.get('2025-08-03');

    const second = loader();
    await second.loader.load(fakeContext(root, { after: fake }).context);
    expect(second.pipeline.calls).toEqual([]);
    expect(fake.entries.get('2025-08-03')).toBe(before);

    await writeFile(logPath('logs/2025/08/04.md'), `${await readFile(logPath('logs/2025/08/04.md'), 'utf8')}\n## 学び\n- 追記した\n`);
    const third = loader();
    await third.loader.load(fakeContext(root, { after: fake }).context);
    expect(third.pipeline.calls).toEqual(['logs/2025/08/04.md']);
    const edited = fake.entries.get('2025-08-04');
    expect(readLogBody(fake.bodies, String(edited?.digest)).html).toContain('追記した');
    // The old version's body is gone with the load that replaced it; the others stay.
    expect([...logBodyDigests(fake.bodies)].sort()).toEqual([...fake.entries.values()].map((stored) => String(stored.digest)).sort());
  });

  it('renders an unchanged log again when its body file is missing', async () => {
    const fake = fakeContext(root);
    await loader().loader.load(fake.context);
    const digest = String(fake.entries.get('2025-08-03')?.digest);
    await rm(path.join(fake.bodies, `${digest}.body`));
    const again = loader();
    await again.loader.load(fakeContext(root, { after: fake }).context);
    expect(again.pipeline.rendered).toEqual(['logs/2025-08-03.md']);
    expect(readLogBody(fake.bodies, digest).html).toContain('Lambda関数の完全実装');
  });

  it('parses but does not render again when the store was cleared and the bodies are still there (as after an Astro update)', async () => {
    // Without the record index, which would hand the records over (the next test).
    vi.stubEnv('NISSHI_NO_CACHE', '1');
    const fake = fakeContext(root);
    await loader().loader.load(fake.context);
    const digests = new Map([...fake.entries].map(([id, stored]) => [id, stored.digest]));
    const records = new Map([...fake.entries.keys()].map((id) => [id, wholeRecord(fake, id)]));
    fake.entries.clear();
    const again = loader();
    const second = fakeContext(root, { after: fake });
    await again.loader.load(second.context);
    // The new headers and the reused bodies' lists and extras make the same records as before.
    expect(new Map([...fake.entries.keys()].map((id) => [id, wholeRecord(fake, id)]))).toEqual(records);
    // The published logs are read again for their records (the draft is known by its digest, kept apart), not rendered.
    expect(again.pipeline.calls.sort()).toEqual(['logs/2025-08-03.md', 'logs/2025/08/04.md']);
    expect(again.pipeline.rendered).toEqual([]);
    expect(second.logged.map((line) => line.message)).toContainEqual(expect.stringMatching(/^2 logs \(2 parsed, 0 from the record index, 0 unchanged\).*; 2 rendered bodies reused from the cache$/));
    expect(new Map([...fake.entries].map(([id, stored]) => [id, stored.digest]))).toEqual(digests);
  });

  it('neither parses nor renders again when the store was cleared, the bodies are there and the record index holds the records', async () => {
    const fake = fakeContext(root);
    await loader().loader.load(fake.context);
    const digests = new Map([...fake.entries].map(([id, stored]) => [id, stored.digest]));
    fake.entries.clear();
    const again = loader();
    const second = fakeContext(root, { after: fake });
    await again.loader.load(second.context);
    expect(again.pipeline.calls).toEqual([]);
    expect(second.logged.map((line) => line.message)).toContainEqual(
      expect.stringMatching(/^2 logs \(0 parsed, 2 from the record index, 0 unchanged\).*; 2 rendered bodies reused from the cache$/),
    );
    expect(new Map([...fake.entries].map(([id, stored]) => [id, stored.digest]))).toEqual(digests);
  });

  it('renders every page again when a rendering setting changes, taking the records from the record index', async () => {
    const fake = fakeContext(root);
    await loader().loader.load(fake.context);
    const raw = countingPipeline();
    await nisshiLoader({ base: 'logs', allowRawHtml: true }, raw).load(fakeContext(root, { after: fake }).context);
    // The draft has no page: its record alone says so.
    expect(raw.calls.sort()).toEqual(['logs/2025-08-03.md', 'logs/2025/08/04.md']);
    expect(raw.renderedOnly.sort()).toEqual(['logs/2025-08-03.md', 'logs/2025/08/04.md']);
  });

  it('parses everything again when a setting that changes a record changes', async () => {
    const fake = fakeContext(root);
    await loader().loader.load(fake.context);
    const japanese = countingPipeline();
    await nisshiLoader({ base: 'logs', settings: { messages: 'ja' } }, japanese).load(fakeContext(root, { after: fake }).context);
    expect(japanese.calls).toHaveLength(3);
    expect(japanese.renderedOnly).toEqual([]);
  });

  it('parses no log `nisshi check` read: renders the published ones from their records, and says how many came from the record index', async () => {
    const settings = readSettingsOf(siteSettings);
    let checked = '';
    const io = { cwd: root, stdout: () => {}, stderr: (text: string) => void (checked += text), now: () => new Date() };
    vi.stubEnv('NISSHI_REPORT_INDEX', '1');
    expect(await main(['check'], io, { ...siteSettings, logsDir: 'logs' })).toBe(0);
    expect(checked).toContain('record index: 3 parsed, 0 from the index');
    const build = countingPipeline();
    const fake = fakeContext(root);
    await nisshiLoader({ base: 'logs', settings }, build).load(fake.context);
    // The draft needs nothing; the two published logs are only rendered.
    expect(build.calls.sort()).toEqual(['logs/2025-08-03.md', 'logs/2025/08/04.md']);
    expect(build.renderedOnly.sort()).toEqual(['logs/2025-08-03.md', 'logs/2025/08/04.md']);
    expect(fake.logged.map((line) => line.message)).toContain('2 logs (0 parsed, 2 from the record index, 0 unchanged), 1 drafts left out, 0 with errors (read by satteri)');
    expect(readLogBody(fake.bodies, String(fake.entries.get('2025-08-04')?.digest)).html).toContain('<code class="hljs language-yaml">');
    // What the build stores and renders is what it does when it parses the logs itself.
    const parsedHere = fakeContext(root);
    await nisshiLoader({ base: 'logs', settings: { ...settings } }, { process: (text, options) => processLog(text, { ...options, known: undefined }) }).load(parsedHere.context);
    // By id: the store's order is the order the loads finished in, which varies.
    const stored = (fake: ReturnType<typeof fakeContext>) =>
      [...fake.entries.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, { data, digest }]) => ({ data, body: readLogBody(fake.bodies, String(digest)) }));
    expect(stored(fake)).toEqual(stored(parsedHere));
  });

  it('puts what it parsed in the record index, for the next `nisshi status`', async () => {
    const settings = readSettingsOf(siteSettings);
    await nisshiLoader({ base: 'logs', settings }, countingPipeline()).load(fakeContext(root).context);
    let said = '';
    const io = { cwd: root, stdout: () => {}, stderr: (text: string) => void (said += text), now: () => new Date() };
    vi.stubEnv('NISSHI_REPORT_INDEX', '1');
    expect(await main(['status'], io, { ...siteSettings, logsDir: 'logs' })).toBe(0);
    expect(said).toContain('record index: 0 parsed, 3 from the index');
  });

  it('deletes the entry of a file that is gone, and of a log that became a draft', async () => {
    const fake = fakeContext(root);
    await loader().loader.load(fake.context);
    await unlink(logPath('logs/2025/08/04.md'));
    const text = await readFile(logPath('logs/2025-08-03.md'), 'utf8');
    await writeFile(logPath('logs/2025-08-03.md'), text.replace('tags: [aws, lambda]', 'tags: [aws, lambda]\ndraft: true'));
    await loader().loader.load(fakeContext(root, { after: fake }).context);
    expect([...fake.entries.keys()]).toEqual([]);
  });
});

describe('nisshiLoader: errors stop the load', () => {
  it('names path:line:column, message and rule of every error in every log', async () => {
    await writeFile(logPath('logs/broken.md'), '---\ntitle: [unclosed\n---\n# 2025年8月9日\n');
    await writeFile(logPath('logs/undated.md'), '# 日付のない日\n\n本文\n');
    const fake = fakeContext(root);
    const error = await loader().loader.load(fake.context).then(() => null, (thrown: Error) => thrown);
    expect(error?.message).toMatch(/^2 errors in 2 logs:\n/);
    expect(error?.message).toMatch(/\nlogs\/broken\.md:2:\d+: error frontmatter is not valid YAML: .+ \[frontmatter-yaml\]/);
    expect(error?.message).toMatch(/\nlogs\/undated\.md:\d+:\d+: error .+ \[no-date\]/);
    // The logs without errors are still stored (astro dev keeps serving them).
    expect(fake.entries.has('2025-08-03')).toBe(true);
  });

  it('treats a file that is not UTF-8 as an error', async () => {
    const shiftJis = Buffer.from([0x23, 0x20, 0x93, 0xfa, 0x8b, 0x4c, 0x0a]); // "# 日記" in Shift_JIS
    await writeFile(logPath('logs/2025-08-10.md'), shiftJis);
    const error = await loader().loader.load(fakeContext(root).context).then(() => null, (thrown: Error) => thrown);
    expect(error?.message).toContain('logs/2025-08-10.md:1:3: error not valid UTF-8');
    expect(error?.message).toContain('[encoding]');
  });

  it('refuses two logs with one slug, naming both files', async () => {
    await writeFile(logPath('logs/2025/08/03.md'), '# 2025年8月3日\n\n同じ日のもう一つ\n');
    const error = await loader().loader.load(fakeContext(root).context).then(() => null, (thrown: Error) => thrown);
    expect(error?.message).toMatch(/\[duplicate-slug\]/);
    expect(error?.message).toContain('logs/2025-08-03.md');
    expect(error?.message).toContain('logs/2025/08/03.md');
  });
});

describe('nisshiLoader in astro dev', () => {
  it('watches the folder: a saved log is reloaded, a new one added, a deleted one removed', async () => {
    const pipeline = countingPipeline();
    const fake = fakeContext(root, { dev: true });
    await nisshiLoader({ base: 'logs' }, pipeline).load(fake.context);
    const watcher = fake.watcher;
    if (!watcher) throw new Error('no watcher');
    expect(watcher.added).toEqual([logPath('logs')]);
    pipeline.calls.length = 0;

    const file = logPath('logs/2025-08-03.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('title: Lambda の実装', 'title: 書き直した題'));
    newestDevBodies().clear();
    await watcher.fire('change', file);
    expect(pipeline.calls).toEqual(['logs/2025-08-03.md']);
    expect((fake.entries.get('2025-08-03')?.data as LogRecord).title).toBe('書き直した題');
    // The page can show the saved body before Astro's store is written: its digest is there at once, its file written.
    const saved = String(fake.entries.get('2025-08-03')?.digest);
    expect(newestDevBodies().get('2025-08-03')).toBe(saved);
    expect(readLogBody(fake.bodies, saved).html).toContain('Lambda関数の完全実装');

    await writeFile(logPath('logs/2025-08-11.md'), '# 2025年8月11日\n\n新しい日\n');
    await watcher.fire('add', logPath('logs/2025-08-11.md'));
    expect(fake.entries.has('2025-08-11')).toBe(true);

    await unlink(logPath('logs/2025/08/04.md'));
    newestDevBodies().set('2025-08-04', 'stale');
    await watcher.fire('unlink', logPath('logs/2025/08/04.md'));
    expect(fake.entries.has('2025-08-04')).toBe(false);
    expect(newestDevBodies().has('2025-08-04')).toBe(false);

    await watcher.fire('change', logPath('logs/.obsidian/workspace.md'));
    expect(pipeline.calls).toEqual(['logs/2025-08-03.md', 'logs/2025-08-11.md']);
  });

  it('reports errors without throwing and keeps the last good entry until the log is fixed', async () => {
    await writeFile(logPath('logs/broken.md'), '---\ntitle: [unclosed\n---\n# 2025年8月9日\n');
    const fake = fakeContext(root, { dev: true });
    await nisshiLoader({ base: 'logs' }).load(fake.context);
    expect(fake.logged).toContainEqual({ level: 'error', message: expect.stringMatching(/^logs\/broken\.md:2:\d+: error /) });

    const file = logPath('logs/2025-08-03.md');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace('tags: [aws, lambda]', 'tags: [aws, lambda'));
    await fake.watcher?.fire('change', file);
    expect(fake.logged).toContainEqual({ level: 'error', message: expect.stringMatching(/^logs\/2025-08-03\.md:\d+:\d+: error /) });
    expect((fake.entries.get('2025-08-03')?.data as LogRecord).title).toBe('Lambda の実装');

    await writeFile(file, good.replace('title: Lambda の実装', 'title: 直した'));
    await fake.watcher?.fire('change', file);
    expect((fake.entries.get('2025-08-03')?.data as LogRecord).title).toBe('直した');
  });
});

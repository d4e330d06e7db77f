/**
 * processLog parses once for both the record and the page. It must give
 * exactly what parseLog and renderLogBody give separately, or the site and
 * `nisshi parse` would disagree about a log.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateLogs } from '../../scripts/generate-logs.ts';
import { defaultVocabulary, parseLog } from '../../src/index.ts';
import { IN_THREAD_FIRST, LogWorkerPool, TASKS_PER_WORKER } from '../../src/loader/log-worker-pool.ts';
import { markdownTreeParser } from '../../src/loader/markdown-tree.ts';
import { processLog } from '../../src/loader/process-log.ts';
import { linkedLines, renderLogBody } from '../../src/render/index.ts';
import { checklistCounts } from '../../src/stats/checklist-counts.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Every .md below a folder of the repository, as [repo-relative path, text]. */
async function markdownBelow(folder: string): Promise<[string, string][]> {
  const names = await readdir(path.join(repoRoot, folder), { recursive: true });
  const files = names.filter((name) => name.endsWith('.md')).sort();
  return Promise.all(
    files.map(async (name): Promise<[string, string]> => {
      const relative = path.posix.join(folder, name.split(path.sep).join('/'));
      return [relative, await readFile(path.join(repoRoot, relative), 'utf8')];
    }),
  );
}

async function corpus(): Promise<[string, string][]> {
  const generated = generateLogs(60, { seed: 7 }).map((log): [string, string] => [`logs/${log.path}`, log.text]);
  return [
    ...(await markdownBelow('tests/fixtures/parser')),
    ...(await markdownBelow('tests/fixtures/loader')),
    ...(await markdownBelow('tests/fixtures/render')),
    ['logs/2025-08-03.md', await readFile(path.join(repoRoot, 'logs/2025-08-03.md'), 'utf8')],
    ['logs/with-bom.md', '\ufeff---\ndate: 2025-08-01\n---\n# 見出し\n'],
    ['logs/empty.md', ''],
    ...generated,
  ];
}

describe('processLog', () => {
  it('reads logs with Sätteri, which Astro installs', async () => {
    expect((await markdownTreeParser()).name).toBe('satteri');
  });

  it("gives parseLog's record and renderLogBody's HTML for every log it is given", async () => {
    const logs = await corpus();
    expect(logs.length).toBeGreaterThan(40);
    for (const [file, text] of logs) {
      for (const allowRawHtml of [false, true]) {
        const processed = await processLog(text, { path: file, allowRawHtml });
        const record = parseLog(text, { path: file });
        expect(processed.record, file).toEqual(record);
        const rendered = await renderLogBody(text, { allowRawHtml, anchorLines: linkedLines(record), path: file, carriedCount: checklistCounts(record).carried });
        expect(processed.html, file).toBe(rendered.html);
        expect(processed.headings, file).toEqual(rendered.headings);
      }
    }
    // Every fixture and 60 generated logs, twice each: slow on a loaded 2-core runner.
  }, 300_000);

  it('uses the vocabulary it is given', async () => {
    const text = '# 2025-08-03\n\n## やること\n- 読む\n';
    const vocabulary = { sections: { ...defaultVocabulary.sections, goals: ['やること'] } };
    const processed = await processLog(text, { path: 'logs/x.md', settings: { vocabulary }, allowRawHtml: false });
    expect(processed.record.goals.map((goal) => goal.text)).toEqual(['読む']);
    expect(processed.record).toEqual(parseLog(text, { path: 'logs/x.md', vocabulary }));
  });
});

describe('processLog when Sätteri fails on a log', () => {
  it('says so, naming the file, and reads the log with remark: the same record, the page still rendered', async () => {
    const text = '# 2025-08-03\n\n- [x] **学習時間**: 2時間\n';
    const failing = { name: 'satteri' as const, parse: (): never => { throw new Error('unexpected byte at 12'); } };
    const processed = await processLog(text, { path: 'logs/2025-08-03.md', allowRawHtml: false }, failing);
    expect(processed.notices).toEqual([
      'logs/2025-08-03.md: Sätteri could not parse this log (unexpected byte at 12); it was read with remark instead (the CommonMark reference reader)',
    ]);
    expect(processed.record).toEqual(parseLog(text, { path: 'logs/2025-08-03.md' }));
    expect(processed.record.metrics.studyMinutes).toBe(120);
    expect(processed.html).toContain('<strong>学習時間</strong>');
  });

  it('says nothing when Sätteri reads the log', async () => {
    const processed = await processLog('# 2025-08-03\n', { path: 'logs/2025-08-03.md', allowRawHtml: false });
    expect(processed.notices).toEqual([]);
  });
});

describe('LogWorkerPool', () => {
  it('gives the same results on worker threads as on this one', async () => {
    const logs = generateLogs(12, { seed: 3 });
    const pool = new LogWorkerPool(2);
    try {
      const options = (file: string) => ({ path: `logs/${file}`, allowRawHtml: false });
      const results = await Promise.all(logs.map((log) => pool.process(log.text, options(log.path))));
      for (const [index, log] of logs.entries()) {
        expect(results[index]).toEqual(await processLog(log.text, options(log.path)));
      }
      expect(pool.started).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('sends each worker its next logs before it answers the last, and every answer to the log it belongs to', async () => {
    const logs = generateLogs(TASKS_PER_WORKER + 3, { seed: 6 });
    const pool = new LogWorkerPool(1);
    try {
      const options = (file: string) => ({ path: `logs/${file}`, allowRawHtml: false });
      const pending = logs.map((log) => pool.process(log.text, options(log.path)));
      // One worker: TASKS_PER_WORKER logs are with it at once, the rest wait here.
      expect(pool.queued).toBe(logs.length - TASKS_PER_WORKER);
      const results = await Promise.all(pending);
      expect(results.map((result) => result.record.source)).toEqual(logs.map((log) => `logs/${log.path}`));
      expect(pool.queued).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('on a rebuild, parses the first few logs on this thread and starts the workers only for more', async () => {
    const logs = generateLogs(IN_THREAD_FIRST + 1, { seed: 4 });
    const pool = new LogWorkerPool(2, IN_THREAD_FIRST);
    try {
      const options = (file: string) => ({ path: `logs/${file}`, allowRawHtml: false });
      for (const log of logs.slice(0, IN_THREAD_FIRST)) await pool.process(log.text, options(log.path));
      expect(pool.started).toBe(0);
      const last = logs[IN_THREAD_FIRST];
      if (!last) throw new Error('no log past the first few');
      expect(await pool.process(last.text, options(last.path))).toEqual(await processLog(last.text, options(last.path)));
      expect(pool.started).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('on a first build, starts the workers with the first log', async () => {
    const [log] = generateLogs(1, { seed: 5 });
    if (!log) throw new Error('no log generated');
    const pool = new LogWorkerPool(2);
    try {
      await pool.process(log.text, { path: `logs/${log.path}`, allowRawHtml: false });
      expect(pool.started).toBe(2);
    } finally {
      await pool.close();
    }
  });
});

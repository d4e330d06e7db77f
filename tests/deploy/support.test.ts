import { describe, expect, it } from 'vitest';
import { manifestText, objectsAfterUploads, parseManifest } from '../../src/deploy/manifest.ts';
import { planSync, type LocalFile } from '../../src/deploy/plan.ts';
import { runPool } from '../../src/deploy/pool.ts';
import { formatBytes, progressFor } from '../../src/deploy/progress.ts';
import { normalizePrefix } from '../../src/deploy/config.ts';

describe('runPool', () => {
  it('keeps at most `concurrency` tasks in flight and runs them all', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await runPool([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      done.push(item);
    });
    expect(most).toBe(3);
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('starts nothing new after a failure, waits for what is in flight, then throws', async () => {
    const started: number[] = [];
    let finished = 0;
    const run = runPool([1, 2, 3, 4, 5, 6], 2, async (item) => {
      started.push(item);
      await new Promise((resolve) => setTimeout(resolve, item === 1 ? 1 : 20));
      if (item === 1) throw new Error('boom');
      finished++;
    });
    await expect(run).rejects.toThrow('boom');
    expect(started).toEqual([1, 2]);
    expect(finished).toBe(1);
  });
});

describe('manifest', () => {
  const file: LocalFile = { path: 'index.html', size: 1, md5: 'a'.repeat(32), contentType: 'text/html; charset=utf-8', cacheControl: 'x' };

  it('round-trips what a deploy leaves, with the ETags of its uploads, pending paths and the live deploy', () => {
    const plan = planSync([file], [], new Map(), new Map());
    const entries = objectsAfterUploads(plan, [], new Map([['index.html', 'etag-1']]));
    const text = manifestText({ entries, pendingInvalidations: ['/b', '/a'], archived: true, live: 'd1' });
    const read = parseManifest(text);
    expect(read.entries.get('index.html')).toEqual({ etag: 'etag-1', md5: file.md5, contentType: file.contentType, cacheControl: 'x' });
    expect(read).toMatchObject({ pendingInvalidations: ['/a', '/b'], archived: true, live: 'd1' });
  });

  it('leaves out an upload that did not finish, and keeps objects still to delete as its own', () => {
    const plan = planSync([file], [], new Map(), new Map());
    expect(objectsAfterUploads(plan, [], new Map()).size).toBe(0);
    const old = { etag: 'e', md5: 'b'.repeat(32), contentType: 'text/plain', cacheControl: 'x' };
    expect([...objectsAfterUploads(plan, [], new Map(), new Map([['old.txt', old]])).keys()]).toEqual(['old.txt']);
  });

  it('reads a version 1 manifest as not archived, and anything unreadable as no manifest', () => {
    const v1 = parseManifest('{"version":1,"objects":{"a":{"etag":"e","md5":"m"}}}');
    expect(v1.entries.size).toBe(1);
    expect(v1.archived).toBe(false);
    for (const text of [undefined, '', 'not json', '[]', '{"version":3,"objects":{}}', '{"version":1,"objects":{"a":{"etag":1}}}']) {
      expect(parseManifest(text).entries.size).toBe(0);
    }
  });
});

describe('small helpers', () => {
  it('normalizes the prefix to a folder', () => {
    expect(normalizePrefix(undefined)).toBe('');
    expect(normalizePrefix('/')).toBe('');
    expect(normalizePrefix('site')).toBe('site/');
    expect(normalizePrefix('/a/b/')).toBe('a/b/');
  });

  it('formats bytes', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(13_300_000)).toBe('13.3 MB');
  });

  it('prints plain lines where there is no terminal', () => {
    let out = '';
    const progress = progressFor((text) => void (out += text), false);
    progress.phaseStart('upload html', 100);
    for (let n = 0; n < 100; n++) progress.advance();
    progress.phaseEnd();
    expect(out.split('\n').filter(Boolean)).toEqual([
      'upload html: 100 ...',
      ...[10, 20, 30, 40, 50, 60, 70, 80, 90].map((n) => `upload html: ${n}/100`),
      'upload html: 100/100 done',
    ]);
    expect(out).not.toContain('\r');
  });
});

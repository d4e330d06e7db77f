/** The rendered bodies' files: written whole, read back, named only by digests, and collected when no entry needs them. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  collectLogBodies,
  fileSystemNow,
  hasLogBody,
  logBodiesFolder,
  logBodyDigests,
  readLogBody,
  readLogExtras,
  readLogHeadings,
  readLogLists,
  writeLogBody,
} from '../../src/files/log-bodies.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function cache(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'nisshi-bodies-'));
  folders.push(folder);
  return folder;
}

const page = {
  // A line break and a U+2028 in the HTML, quotes and Japanese in a heading: the first line still ends the headings.
  html: '<h1 id="2025年8月3日">2025年8月3日</h1>\n<p>一行目\u2028二行目 "引用"</p>\n',
  headings: [{ depth: 1, slug: '2025年8月3日', text: '2025年8月3日 "学習ログ"\n' }],
};
// The record's parts kept with the body (src/record/stored-record.ts), a line break in some of them.
const lists = { goals: [{ text: '型を読む\n二行目', done: true, line: 3 }], learnings: ['学び\u2028'] };
const extras = { figures: [{ label: '学習時間', raw: '約2時間\n' }], work: [], references: [{ title: 'Astro', url: 'https://astro.build/' }] };
const body = { ...page, lists, extras };

describe('log body files', () => {
  it('lives below the cache folder, given as a URL or a path; astro dev in a folder of its own', () => {
    const folder = cache();
    expect(logBodiesFolder(folder)).toBe(path.join(folder, 'nisshi-log-bodies') + path.sep);
    expect(logBodiesFolder(pathToFileURL(`${folder}/`))).toBe(logBodiesFolder(folder));
    expect(logBodiesFolder(folder, 'dev')).toBe(path.join(folder, 'nisshi-log-bodies-dev') + path.sep);
  });

  it('reads back exactly what was written, the headings alone too, and makes the folder when it is missing', () => {
    const folder = logBodiesFolder(cache());
    expect(hasLogBody(folder, 'a1b2c3')).toBe(false);
    writeLogBody(folder, 'a1b2c3', body);
    expect(hasLogBody(folder, 'a1b2c3')).toBe(true);
    expect(readLogBody(folder, 'a1b2c3')).toEqual(page);
    expect(readLogHeadings(folder, 'a1b2c3')).toEqual(page.headings);
    expect(readLogLists(folder, 'a1b2c3')).toEqual(lists);
    expect(readLogExtras(folder, 'a1b2c3')).toEqual(extras);
    // No temporary file is left behind.
    expect(readdirSync(folder)).toEqual(['a1b2c3.body']);
    expect([...logBodyDigests(folder)]).toEqual(['a1b2c3']);
  });

  it('reads headings longer than the first read, whole', () => {
    const folder = logBodiesFolder(cache());
    const many = Array.from({ length: 400 }, (_, index) => ({ depth: 2, slug: `見出し-${index}`, text: `見出し ${index} ${'長'.repeat(20)}` }));
    writeLogBody(folder, 'long', { html: '<p>本文</p>', headings: many, lists, extras });
    expect(readLogHeadings(folder, 'long')).toEqual(many);
    expect(readLogLists(folder, 'long')).toEqual(lists);
    expect(readLogBody(folder, 'long').html).toBe('<p>本文</p>');
    // Lists longer than the first read too (a log of many long problems), and the HTML after them still apart.
    const longLists = { learnings: Array.from({ length: 2000 }, (_, index) => `学び ${index} ${'長'.repeat(10)}`) };
    writeLogBody(folder, 'longer', { html: '<p>本文</p>\n', headings: page.headings, lists: longLists, extras });
    expect(readLogLists(folder, 'longer')).toEqual(longLists);
    expect(readLogHeadings(folder, 'longer')).toEqual(page.headings);
    expect(readLogExtras(folder, 'longer')).toEqual(extras);
    expect(readLogBody(folder, 'longer')).toEqual({ headings: page.headings, html: '<p>本文</p>\n' });
  });

  it('names files only by digests: nothing can point out of the folder', () => {
    const folder = logBodiesFolder(cache());
    for (const digest of ['../escape', 'a/b', '', 'a.b']) {
      expect(() => writeLogBody(folder, digest, body)).toThrow(/not a log body's digest/);
      expect(() => readLogBody(folder, digest)).toThrow(/not a log body's digest/);
    }
  });

  it('says which file is missing when a body is not there, or is not a body of this nisshi', () => {
    const folder = logBodiesFolder(cache());
    expect(() => readLogBody(folder, 'ffff')).toThrow(/ffff\.body: a log's rendered body is missing from the cache; run the build/);
    expect(() => readLogLists(folder, 'ffff')).toThrow(/ffff\.body: a log's rendered body is missing from the cache; run the build/);
    expect(() => readLogHeadings(folder, 'ffff')).toThrow(/ffff\.body: a log's rendered body is missing/);
    expect(() => readLogExtras(folder, 'ffff')).toThrow(/ffff\.body: a log's rendered body is missing/);
    // A body of the older layout (headings and HTML only), should one be read under a digest of today's code.
    mkdirSync(folder, { recursive: true });
    writeFileSync(`${folder}0ld.body`, '[]\n<p>本文</p>');
    expect(() => readLogExtras(folder, '0ld')).toThrow(/0ld\.body: not a log body of this nisshi/);
    expect(() => readLogLists(folder, '0ld')).toThrow(/0ld\.body: not a log body of this nisshi/);
    expect(logBodyDigests(path.join(folder, 'nowhere'))).toEqual(new Set());
  });

  it('collects the bodies no entry needs, unless written since the load started (another process may need them)', () => {
    const folder = logBodiesFolder(cache());
    for (const digest of ['kept', 'stale', 'fresh']) writeLogBody(folder, digest, body);
    writeFileSync(`${folder}stale.body.123-abc`, 'half a body');
    const past = new Date(Date.now() - 60_000);
    for (const name of ['kept.body', 'stale.body', 'stale.body.123-abc']) utimesSync(folder + name, past, past);
    const started = fileSystemNow(folder);
    utimesSync(`${folder}fresh.body`, new Date(started + 1000), new Date(started + 1000));

    expect(collectLogBodies(folder, new Set(['kept']), started)).toBe(2);
    expect(readdirSync(folder).sort()).toEqual(['fresh.body', 'kept.body']);
    expect(collectLogBodies(path.join(folder, 'nowhere'), new Set(), started)).toBe(0);
    expect(existsSync(`${folder}kept.body`)).toBe(true);
  });
});

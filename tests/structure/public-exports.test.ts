/**
 * The package's public API, pinned as unified's packages pin theirs: what
 * package.json "exports" names, and what each of those modules exports. A
 * name added or removed here is a change to the API that someone decided on,
 * not a side effect of moving code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; exports: Record<string, string> };

/** The schema module's runtime exports: the record's zod schemas. */
const schemaExports = [
  'checklistItemSchema',
  'diagnosticSchema',
  'dropSchema',
  'figureSchema',
  'goalSchema',
  'horizonSchema',
  'logRecordSchema',
  'metricsSchema',
  'planSchema',
  'problemSchema',
  'problemStatusSchema',
  'referenceSchema',
  'reflectionSchema',
  'reviewItemSchema',
  'severitySchema',
  'workItemSchema',
];

describe('public exports', () => {
  it('exports the parser and the record schema, nothing else', () => {
    expect(packageJson.exports).toEqual({ '.': './src/index.ts', './schema': './src/record/schema.ts' });
  });

  it('the package itself: the parser, its tree and vocabulary helpers, and the schemas', async () => {
    const api = await import(new URL(`../../${packageJson.exports['.']}`, import.meta.url).href);
    expect(Object.keys(api).sort()).toEqual(
      ['defaultVocabulary', 'extractLog', 'parseLog', 'readLog', 'remarkNisshi', 'remarkTree', 'resolveVocabulary', ...schemaExports].sort(),
    );
  });

  it('nisshi/schema: the zod schemas of a record', async () => {
    const api = await import(new URL(`../../${packageJson.exports['./schema']}`, import.meta.url).href);
    expect(Object.keys(api).sort()).toEqual(schemaExports);
  });

  it('resolves by the package name too (a self-reference, as a user of the package imports it)', async () => {
    const byName = await import(`${packageJson.name}/schema`);
    const byPath = await import(new URL(`../../${packageJson.exports['./schema']}`, import.meta.url).href);
    expect(byName.logRecordSchema).toBe(byPath.logRecordSchema);
  });
});

/// <reference types="astro/client" />
/**
 * The site's one content collection: the logs, read and parsed by nisshi's own
 * loader from the folder src/site.config.ts names. The collection schema is the
 * parser's record schema (zod 4, the same zod astro/zod re-exports) with the
 * parts no page shows left optional (src/record/stored-record.ts: they are kept
 * with each log's body), so pages get typed records from getCollection('logs').
 */
import { defineCollection } from 'astro:content';
import { nisshiLoader } from './loader/index.ts';
import { readSettingsOf } from './parse/read-log.ts';
import { storedRecordSchema } from './record/stored-record.ts';
import { siteSettings } from './site.config.ts';

const logs = defineCollection({
  loader: nisshiLoader({
    base: siteSettings.logsDir,
    settings: readSettingsOf(siteSettings),
    allowRawHtml: siteSettings.allowRawHtml,
    publicFrontmatter: siteSettings.publicFrontmatter,
  }),
  schema: storedRecordSchema,
});

export const collections = { logs };

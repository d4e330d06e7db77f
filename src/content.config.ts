/// <reference types="astro/client" />
/**
 * The site's one content collection: the logs, read and parsed by nisshi's own
 * loader from the folder src/site.config.ts names. The collection schema is the
 * parser's record schema (zod 4, the same zod astro/zod re-exports) with the
 * record's lists and the parts no page shows left optional: the store holds
 * each log's header, the rest is kept with its body (src/record/stored-record.ts),
 * and src/site/logs.ts gives the pages typed records of both.
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

/// <reference types="astro/client" />
/**
 * The site's one content collection: the logs, read and parsed by nisshi's own
 * loader from the folder src/site.config.ts names. The collection schema is the
 * parser's record schema (zod 4, the same zod astro/zod re-exports), so pages
 * get typed LogRecords from getCollection('logs').
 */
import { defineCollection } from 'astro:content';
import { nisshiLoader } from './loader/index.ts';
import { logRecordSchema } from './record/schema.ts';
import { siteSettings } from './site.config.ts';

const logs = defineCollection({
  loader: nisshiLoader({
    base: siteSettings.logsDir,
    vocabulary: siteSettings.vocabulary,
    allowRawHtml: siteSettings.allowRawHtml,
    limits: { maxLogBytes: siteSettings.maxLogBytes, maxNesting: siteSettings.maxNesting },
    publicFrontmatter: siteSettings.publicFrontmatter,
  }),
  schema: logRecordSchema,
});

export const collections = { logs };

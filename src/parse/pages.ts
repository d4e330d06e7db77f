/**
 * The one draft rule, shared by `nisshi check` and the site's loader: a draft
 * gets no page, so it never takes part in slug collisions. A draft may share
 * its slug with a published log (say, tomorrow's rewrite of today's log);
 * only two logs that would both be published under one slug clash.
 */
import type { LogRecord } from '../record/schema.ts';

/** The slug a record's page is published under, or null when it gets no page (a draft). */
export function pageSlug(record: Pick<LogRecord, 'slug' | 'draft'>): string | null {
  return record.draft ? null : record.slug;
}

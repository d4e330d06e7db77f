import type { GetStaticPaths } from 'astro';
import { logExtras } from '../../../site/log-body.ts';
import { siteData } from '../../../site/logs.ts';
import { recordYears, yearRecords, type RecordYear } from '../../../site/record-files.ts';

/** One year of published records (no body HTML), newest first, for the writer's own tools; see src/site/record-files.ts. */
export const getStaticPaths = (async () => {
  const { entries, records } = await siteData();
  return recordYears(entries, records).map((year) => ({ params: { year: year.year }, props: { year }, cacheKey: year.cacheKey }));
}) satisfies GetStaticPaths;

export function GET({ props }: { props: { year: RecordYear } }) {
  // Compact: a year of records is about 4 MB so, twice that indented. Whole records, made only for the years rendered.
  return new Response(JSON.stringify(yearRecords(props.year, logExtras)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

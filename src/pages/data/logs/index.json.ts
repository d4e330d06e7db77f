import { siteData } from '../../../site/logs.ts';
import { href } from '../../../site/format.ts';
import { recordIndex, recordYears } from '../../../site/record-files.ts';

/** The files of published records, one a year: `{ years: [{ year, logs, path }] }`, newest first. */
export async function GET() {
  const { entries, records } = await siteData();
  const index = recordIndex(recordYears(entries, records), (year) => href(`/data/logs/${year}.json`));
  return new Response(`${JSON.stringify(index, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

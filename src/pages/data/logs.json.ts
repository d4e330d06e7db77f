import { siteData } from '../../site/logs.ts';

/**
 * Every published record (no body HTML) for the writer's own tools. Compact:
 * ten years of records are 75 MB indented and about half that without, and
 * this file changes (and is uploaded) with every day's log.
 */
export async function GET() {
  const { records } = await siteData();
  return new Response(JSON.stringify(records), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

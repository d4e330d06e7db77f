import { siteData } from '../../site/logs.ts';

/** Every published record (no body HTML) for the writer's own tools. */
export async function GET() {
  const { records } = await siteData();
  return new Response(JSON.stringify(records, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

import { siteData } from '../../site/logs.ts';
import { threadJson } from '../../stats/index.ts';

/** Problem threads (open first, then by the last day written), for the writer's own tools. */
export async function GET() {
  const { threads } = await siteData();
  return new Response(JSON.stringify(threads.map(threadJson)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

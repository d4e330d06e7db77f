import { siteData } from '../../site/logs.ts';
import { chainJson } from '../../stats/index.ts';

/** Plan chains (newest first), for the writer's own tools. */
export async function GET() {
  const { chains } = await siteData();
  return new Response(JSON.stringify(chains.map(chainJson)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

import type { GetStaticPaths } from 'astro';
import { siteReviews } from '../../../../site/logs.ts';
import type { ReviewPage } from '../../../../site/review-pages.ts';

/** One month's review as JSON (src/stats/review-schema.ts), for the writer's own tools. */
export const getStaticPaths = (async () => {
  const { months } = await siteReviews();
  return months.map((page) => ({ params: { month: page.key }, props: { page }, cacheKey: page.jsonKey }));
}) satisfies GetStaticPaths;

export function GET({ props }: { props: { page: ReviewPage } }) {
  return new Response(JSON.stringify(props.page.review), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

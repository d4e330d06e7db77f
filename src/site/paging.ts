/** Long lists cut into pages: page 1 at the list's own address, page n at <base>n/. */

/** Logs per page of a tag. */
export const TAG_LOGS_PER_PAGE = 200;

/** The items of every page, at least one (empty) page. */
export function pagesOf<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < items.length; start += size) pages.push(items.slice(start, start + size));
  return pages.length > 0 ? pages : [[]];
}

/** "/problems/abc/" and 1 → "/problems/abc/"; 3 → "/problems/abc/3/". */
export function pagePath(base: string, page: number): string {
  return page === 1 ? base : `${base}${page}/`;
}

/** The rest parameter of a paged route: undefined for page 1, "2", "3" … after. */
export function pageParam(page: number): string | undefined {
  return page === 1 ? undefined : String(page);
}

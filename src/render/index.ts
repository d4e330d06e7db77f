/** Log bodies as safe, highlighted HTML with heading ids, for the site's pages. */
export { renderLogBody, renderMarkdownTree, parseMarkdown, markdownBody, type RenderOptions, type RenderedLogBody, type RenderedHeading } from './render-log-body.ts';
export { slugifyHeading, HeadingSlugger } from './heading-ids.ts';
export { linkedLines } from './line-anchors.ts';

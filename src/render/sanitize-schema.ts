/**
 * What a log may put on the page when raw HTML is off: GitHub's sanitisation
 * schema (the one hast-util-sanitize ships), plus inline raster images.
 *
 * Sanitising runs straight after Markdown becomes HTML and before our own
 * steps (heading ids, syntax highlighting). Those steps add only ids and
 * `hljs-*` spans computed by us, so the schema need not allow them: the less it
 * allows, the less a log can smuggle in. What GitHub's schema already keeps and
 * we rely on: `language-*` classes on <code> (the highlighter reads them), task
 * list checkboxes (`input[type=checkbox][disabled][checked]`, the
 * `contains-task-list`/`task-list-item` classes), GFM footnotes, tables, <del>.
 * What it removes: <script> (with its content), <style>, <iframe>, <svg>, every
 * on* and style attribute, and any URL whose protocol is not listed below
 * (javascript:, vbscript:, data: … in any letter case or entity encoding,
 * because the check runs on the decoded value).
 */
import type { Element, Root, RootContent } from 'hast';
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/**
 * `data:` URLs are allowed on `src` only (GitHub's schema puts `src` on <img>
 * alone) and then narrowed by {@link dropUnsafeDataImages} to raster images: a
 * PNG or JPEG inside <img> runs no code, and a writer may paste a screenshot as
 * base64. SVG is left out even there: an SVG image cannot run script in <img>,
 * but it is a document format, and opening the image in its own tab would.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  // Ids are already safe: with raw HTML dropped, only remark-rehype's footnotes
  // carry ids, and it prefixes them (user-content-fn-1) itself. Prefixing them a
  // second time would break the footnote links, whose hrefs sanitising leaves alone.
  clobber: [],
  protocols: {
    ...defaultSchema.protocols,
    src: [...(defaultSchema.protocols?.src ?? []), 'data'],
  },
};

const safeDataImage = /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/;

/** Removes `src` from <img> whose data: URL is not a raster image (the schema let every data: through). */
export function dropUnsafeDataImages(tree: Root): void {
  walkElements(tree, (element) => {
    const src = element.properties.src;
    if (typeof src === 'string' && src.startsWith('data:') && !safeDataImage.test(src)) {
      delete element.properties.src;
    }
  });
}

/** Calls `visit` on every element below `node`, parents before children. */
export function walkElements(node: Root | Element, visit: (element: Element) => void): void {
  for (const child of node.children as RootContent[]) {
    if (child.type !== 'element') continue;
    visit(child);
    walkElements(child, visit);
  }
}

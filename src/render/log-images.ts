/**
 * Images on a log's page. An image beside the log (`./diagram.png`, checked
 * by src/parse/images.ts) is handed to Astro's image pipeline the way Astro's
 * own Markdown does it: the <img> carries its properties as JSON in
 * `__ASTRO_IMAGE_`, the entry lists the path, and Astro replaces the marker
 * with a sized, converted, lazily loaded image when the page renders
 * (astro/content runtime: updateImageReferencesInBody). One that is missing
 * or outside the logs folder shows its text instead of a broken image (and
 * the log has a `missing-image` warning). Every other image loads lazily.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { isLogRelativeImage } from '../parse/images.ts';

/** Astro's marker attribute (astro/dist/content/consts.js IMAGE_IMPORT_PREFIX). */
export const ASTRO_IMAGE_MARKER = '__ASTRO_IMAGE_';

declare module 'vfile' {
  interface DataMap {
    /** The images beside the log, checked: which may go to the build. Left out, local images stay as written. */
    logImages: ReadonlyArray<{ url: string; ok: boolean }>;
    /** Set by the plugin: the paths (as written) handed to Astro's image pipeline. */
    imagePaths: string[];
  }
}

function decoded(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

function missingImage(image: Element, src: string): Element {
  const alt = typeof image.properties.alt === 'string' && image.properties.alt.trim() !== '' ? image.properties.alt : src.split('/').at(-1) ?? src;
  return { type: 'element', tagName: 'span', properties: { className: ['missing-image'] }, children: [{ type: 'text', value: `［画像: ${alt}］` }] };
}

export function rehypeLogImages() {
  return (tree: Root, file: VFile): void => {
    const checked = file.data.logImages;
    const okByUrl = new Map((checked ?? []).map((image) => [image.url, image.ok]));
    const paths = new Set<string>();
    const indexBySrc = new Map<string, number>();
    const replace: Array<{ parent: Root | Element; image: Element; src: string }> = [];
    const visit = (parent: Root | Element) => {
      for (const child of parent.children) {
        if (child.type !== 'element') continue;
        if (child.tagName === 'img') {
          const raw = typeof child.properties.src === 'string' ? child.properties.src : '';
          const src = decoded(raw);
          if (checked && isLogRelativeImage(src)) {
            if (okByUrl.get(src) === true) {
              const { src: _src, ...rest } = child.properties;
              const index = indexBySrc.get(src) ?? 0;
              indexBySrc.set(src, index + 1);
              paths.add(src);
              child.properties = { [ASTRO_IMAGE_MARKER]: JSON.stringify({ ...rest, src, index }) };
            } else {
              replace.push({ parent, image: child, src });
            }
            continue;
          }
          child.properties.loading ??= 'lazy';
          child.properties.decoding ??= 'async';
          continue;
        }
        visit(child);
      }
    };
    visit(tree);
    for (const { parent, image, src } of replace) {
      const at = parent.children.indexOf(image);
      if (at !== -1) parent.children[at] = missingImage(image, src);
    }
    file.data.imagePaths = [...paths];
  };
}

/**
 * Heading ids for links into a log (#今日の目標) and the outline the page shows.
 * Japanese stays as written: a slug like `1-aws運用移行の現状確認` is what a
 * Japanese reader expects in the address bar, and browsers encode it themselves.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { walkElements } from './sanitize-schema.ts';

export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

declare module 'vfile' {
  interface DataMap {
    /** Headings in document order, collected while their ids are set. */
    headings: RenderedHeading[];
  }
}

const headingDepth = new Map([['h1', 1], ['h2', 2], ['h3', 3], ['h4', 4], ['h5', 5], ['h6', 6]]);

/**
 * GitHub-style slug: lower case, punctuation and symbols dropped (「」、。（）
 * and emoji too), runs of white space (the full-width space included) become
 * one hyphen. NFKC first, so a full-width `ＡＷＳ` and `AWS` give the same slug.
 */
export function slugifyHeading(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\s-]/gu, '')
    .replace(/\s+/gu, '-');
}

/** Hands out slugs, numbering repeats as GitHub does: 問題, 問題-1, 問題-2. */
export class HeadingSlugger {
  #used = new Set<string>();

  slug(text: string): string {
    const base = slugifyHeading(text) || 'heading';
    let slug = base;
    for (let n = 1; this.#used.has(slug); n++) slug = `${base}-${n}`;
    this.#used.add(slug);
    return slug;
  }

  reserve(slug: string): void {
    this.#used.add(slug);
  }
}

/**
 * Rehype plugin: gives every heading an id and records it in `file.data.headings`.
 * It runs after sanitising, so the ids are ours and need no clobber prefix. A
 * heading that already has an id is structure remark-rehype made (the footnotes'
 * label, which the footnote links point at by that id): it keeps its id, which
 * is reserved so no heading of the writer's takes it, and stays out of the outline.
 */
export function rehypeHeadingIds() {
  return (tree: Root, file: VFile): void => {
    const found: Element[] = [];
    walkElements(tree, (element) => {
      if (headingDepth.has(element.tagName)) found.push(element);
    });
    const slugger = new HeadingSlugger();
    const unnamed = found.filter((element) => {
      const own = element.properties.id;
      if (typeof own === 'string' && own !== '') slugger.reserve(own);
      return own === undefined || own === '';
    });
    file.data.headings = unnamed.map((element) => {
      const text = toString(element).trim();
      const slug = slugger.slug(text);
      element.properties.id = slug;
      return { depth: headingDepth.get(element.tagName) ?? 1, slug, text };
    });
  };
}

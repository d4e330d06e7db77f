/**
 * Links between logs: a relative link to another log's file, as `nisshi new`
 * writes under ## 復習 (2025-09-01.md#L12) and as an editor or GitHub follows
 * it, points on the site to that log's page (../2025-09-01/#L12), whose line
 * anchors line-anchors.ts places. Other links are left as written.
 */
import path from 'node:path';
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { dateFromPath } from '../parse/date-forms.ts';
import { slugFromPath } from '../parse/slug.ts';
import { walkElements } from './sanitize-schema.ts';

declare module 'vfile' {
  interface DataMap {
    /** The log's own path (as its record's source), to resolve relative links to other logs. */
    logPath: string;
  }
}

/** A relative link to a Markdown file, with an optional line: 2025-09-01.md#L12, ../2025/09/01.md. */
const markdownFile = /^([^?#:]+\.(?:md|markdown))(#L\d+)?$/i;

/** The page of the log a relative link from `from` names, or null when the link is not to a log file. */
export function logPageHref(href: string, from: string): string | null {
  if (href.startsWith('/') || href.startsWith('#')) return null;
  const match = markdownFile.exec(href);
  if (!match) return null;
  let file: string;
  try {
    file = decodeURI(match[1]!);
  } catch {
    return null;
  }
  const target = path.posix.join(path.posix.dirname(from), file);
  // A log page is /logs/<slug>/, so its neighbour is one folder up.
  return `../${slugFromPath(target, dateFromPath(target))}/${match[2] ?? ''}`;
}

/** Rehype plugin: rewrites links to other logs' files when `file.data.logPath` is known. */
export function rehypeLogLinks() {
  return (tree: Root, file: VFile): void => {
    const from = file.data.logPath;
    if (!from) return;
    walkElements(tree, (element) => {
      const href = element.properties.href;
      if (element.tagName !== 'a' || typeof href !== 'string') return;
      const page = logPageHref(href, from);
      if (page !== null) element.properties.href = page;
    });
  };
}

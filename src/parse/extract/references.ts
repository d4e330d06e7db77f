/** References: the links under 参考資料 / 参考 / References. */
import type { Reference } from '../../record/schema.ts';
import { descendants, type LogContext } from '../context.ts';
import { plainText } from '../inline.ts';
import { nearestKind } from '../outline.ts';

export function extractReferences(context: LogContext): Reference[] {
  const references: Reference[] = [];
  for (const block of context.outline.blocks) {
    if (nearestKind(block.trail)?.kind !== 'references') continue;
    for (const node of descendants(block.node)) {
      if (node.type === 'link') {
        const title = plainText(node).trim();
        references.push({ title: title || node.url, url: node.url });
      }
    }
  }
  return references;
}

/**
 * Reflections: the writer's own looking back, the passages under a heading of
 * vocabulary.reflectionHeadings (振り返り, 感想, 感じたこと, 反省 …), for the
 * week's and month's reviews to quote with a link to their line. A passage is
 * a paragraph (its lines kept) or a top-level list item.
 */
import type { Nodes } from 'mdast';
import type { Reflection } from '../../record/schema.ts';
import { itemLines, joinLines, type LogContext } from '../context.ts';
import type { SectionHeading } from '../outline.ts';
import { headingKey, keyMatches, type Vocabulary } from '../vocabulary.ts';

/** Whether a heading names a reflection section; a log's own title (# 振り返り) does not make the whole log one. */
export function isReflectionHeading(heading: SectionHeading, vocabulary: Vocabulary): boolean {
  return heading.depth > 1 && keyMatches(headingKey(heading.text), vocabulary.reflectionHeadings) !== null;
}

export function extractReflections(context: LogContext): Reflection[] {
  const passages: Reflection[] = [];
  for (const block of context.outline.blocks) {
    const { trail } = block;
    let index = -1;
    for (let i = trail.length - 1; i >= 0 && index === -1; i--) if (isReflectionHeading(trail[i]!, context.vocabulary)) index = i;
    // A section of another kind inside it (### 学び under ## 振り返り) is that kind's, not a passage.
    if (index === -1 || trail.slice(index + 1).some((heading) => heading.kind !== null)) continue;
    const heading = trail[index]!.text;
    const read = (node: Nodes): void => {
      if (node.type === 'paragraph') {
        const lines = context.linesOf(node).filter((line) => line.text !== '');
        if (lines.length > 0) passages.push({ heading, text: lines.map((line) => line.text).join('\n'), line: lines[0]!.line });
      } else if (node.type === 'list') {
        for (const item of node.children) {
          const lines = itemLines(item, context);
          const text = joinLines(lines);
          if (text) passages.push({ heading, text, line: lines[0]?.line ?? item.position?.start.line ?? 1 });
        }
      } else if (node.type === 'blockquote') {
        node.children.forEach(read);
      }
    };
    read(block.node);
  }
  return passages;
}

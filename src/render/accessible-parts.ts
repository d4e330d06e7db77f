/**
 * What a log's HTML needs for readers with a keyboard or a screen reader
 * (axe, Lighthouse): a task list's checkbox is named by its item's text (GFM
 * gives it none), and a code block, which scrolls sideways when its lines are
 * long, can take the keyboard's focus so it can be scrolled without a mouse.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { walkElements } from './sanitize-schema.ts';

/** The item's own text, without its nested lists. */
function itemText(item: Element): string {
  const own = item.children.filter((child) => !(child.type === 'element' && (child.tagName === 'ul' || child.tagName === 'ol')));
  return toString({ type: 'element', tagName: 'span', properties: {}, children: own }).replace(/\s+/g, ' ').trim();
}

export function rehypeAccessibleParts() {
  return (tree: Root): void => {
    walkElements(tree, (element) => {
      if (element.tagName === 'pre') {
        element.properties.tabIndex = 0;
        return;
      }
      if (element.tagName !== 'li') return;
      const box = element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'input' && child.properties.type === 'checkbox')
        ?? element.children
          .filter((child): child is Element => child.type === 'element' && child.tagName === 'p')
          .flatMap((paragraph) => paragraph.children)
          .find((child): child is Element => child.type === 'element' && child.tagName === 'input' && child.properties.type === 'checkbox');
      if (box && box.properties.ariaLabel === undefined) {
        const text = itemText(element);
        box.properties.ariaLabel = `${text || '項目'}（${box.properties.checked ? '完了' : '未完了'}）`;
      }
    });
  };
}

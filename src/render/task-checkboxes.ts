/**
 * A name for each task-list checkbox: GFM renders `- [x]` as a bare disabled
 * <input type="checkbox">, which a screen reader announces as an unnamed
 * control (axe: label, critical). Each gets aria-label 完了 or 未完了, what the
 * box says, so a log page with a checklist reads as one.
 */
import type { Root } from 'hast';
import { walkElements } from './sanitize-schema.ts';

/** Rehype plugin: aria-label on every checkbox of a task list item that has no name. */
export function rehypeTaskCheckboxes() {
  return (tree: Root): void => {
    walkElements(tree, (element) => {
      if (element.tagName !== 'li') return;
      for (const child of element.children) {
        if (child.type !== 'element' || child.tagName !== 'input' || child.properties.type !== 'checkbox') continue;
        if (child.properties.ariaLabel === undefined) child.properties.ariaLabel = child.properties.checked ? '完了' : '未完了';
      }
    });
  };
}

/**
 * Drops: plans and tasks the writer gave up, in either notation:
 *
 *   - [ ] ~~テストを書く~~                      struck through, wholly
 *   - [ ] ~~テストを書く~~（8/1 の計画）         …an aside after it allowed
 *   - [ ] ~~テストを書く~~ — 別の方法にした      …or a reason after a separator
 *   - [ ] テストを書く（中止）                   a drop word (vocabulary.droppedWords)
 *   - [ ] テストを書く（見送り: 来月に回す）      …with a reason in the aside
 *   - [ ] テストを書く（不要） 別の課題で済んだ    …or after it
 *   - [ ] テストを書く（中止）（8/1 の計画）      …before a carried label or after it
 *
 * An item only partly struck (`~~古い~~ けれど続ける`) is not dropped: the
 * text after the strike must be an aside or start with a separator. Each
 * drop keeps what was given up, without the marks, the drop word, the
 * reason and a carried aside (carried.ts), for the plan chains to find by
 * its key (stats/plan-chains.ts). Only plan and task items count.
 */
import type { Nodes, PhrasingContent } from 'mdast';
import type { ChecklistItem, Drop, Plan } from '../../record/schema.ts';
import type { LogContext } from '../context.ts';
import { lineOf } from '../context.ts';
import { plainText } from '../inline.ts';
import type { Vocabulary } from '../vocabulary.ts';
import { withoutCarriedAside } from './carried.ts';
import { withoutMark } from './marks.ts';

/** What may follow a strike: nothing, an aside (the carried label 未完了（12/6） too), or a separator and a reason. */
const afterStrike = /^\s*(?:$|[（(]|未完了[ 　]?[（(]|[:：—―–\-→⇒/／|｜、,])/u;

/** The struck text of an item's paragraph when it is struck through (struck runs first, then what afterStrike allows); else null. */
function struckText(children: readonly PhrasingContent[]): string | null {
  const struck: string[] = [];
  let index = 0;
  for (; index < children.length; index++) {
    const child = children[index]!;
    if (child.type === 'delete') struck.push(plainText(child).trim());
    else if (!(child.type === 'text' && child.value.trim() === '')) break;
  }
  if (struck.length === 0) return null;
  const rest = children.slice(index).map((child) => plainText(child)).join('');
  return afterStrike.test(rest) ? struck.filter(Boolean).join(' ') : null;
}

/** The struck items of the log, anywhere, by line. */
function struckItems(context: LogContext): Map<number, string> {
  const found = new Map<number, string>();
  const visit = (node: Nodes): void => {
    if (node.type === 'listItem') {
      const first = node.children[0];
      if (first?.type === 'paragraph') {
        // A ✅ / ❌ before the strike is the item's mark, not its text.
        const children = first.children[0]?.type === 'text' && withoutMark(first.children[0].value).done !== null
          ? [{ ...first.children[0], value: withoutMark(first.children[0].value).text }, ...first.children.slice(1)]
          : first.children;
        const text = struckText(children);
        if (text) found.set(lineOf(node), text);
      }
    }
    if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') node.children.forEach(visit);
  };
  for (const block of context.outline.blocks) visit(block.node);
  return found;
}

/** The last bracketed aside of a text, the text before it and what follows it. */
const lastAside = /[（(]([^（()）]*)[)）]([^（()）]*)$/u;
/** What may follow a drop word inside its aside, and the aside itself: nothing, or a blank or separator and a reason. */
const afterWord = /^(?:$|[\s:：、,・/／\-—―–])/u;

/**
 * The text before a drop aside ("テストを書く（中止: 時間がない）" →
 * "テストを書く"), or null when the text has none. The aside must be the
 * last one; after it, only blanks or a reason set off by a blank or a separator.
 */
export function beforeDropAside(text: string, vocabulary: Vocabulary): string | null {
  const aside = lastAside.exec(text);
  if (!aside || !afterWord.test(aside[2]!)) return null;
  const content = aside[1]!.normalize('NFKC').trim().toLowerCase();
  const dropped = vocabulary.droppedWords.some((word) => {
    const folded = word.normalize('NFKC').toLowerCase();
    return content.startsWith(folded) && afterWord.test(content.slice(folded.length));
  });
  if (!dropped) return null;
  const before = text.slice(0, aside.index).trim();
  return before === '' ? null : before;
}

export function extractDrops(context: LogContext, checklist: readonly ChecklistItem[], plans: readonly Plan[]): Drop[] {
  const struck = struckItems(context);
  const drops = new Map<number, string>();
  for (const item of [...plans, ...checklist]) {
    if (drops.has(item.line)) continue;
    // The drop word may come after the carried label or before it: "テストを書く（中止）（8/1 の計画）" too.
    const text = struck.get(item.line) ?? beforeDropAside(item.text, context.vocabulary) ?? beforeDropAside(withoutCarriedAside(item.text), context.vocabulary);
    if (text === null) continue;
    const own = withoutCarriedAside(text);
    if (own !== '') drops.set(item.line, own);
  }
  return [...drops].sort(([a], [b]) => a - b).map(([line, text]) => ({ text, line }));
}

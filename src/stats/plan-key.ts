/**
 * The comparable form of a plan or checklist item's text, so that a plan
 * written as "**CI の設定** (今週中)" is found again as a later "✅ ＣＩの設定".
 */
import { horizonOf, type Vocabulary } from '../parse/vocabulary.ts';

/**
 * The shorter text in a contains-match must have at least this many
 * characters (code points): "掃除" must not match "部屋の掃除", but
 * "READMEの更新" may match "READMEの更新と整理".
 */
export const MIN_CONTAINED_LENGTH = 4;

// Link text holds no `[`: a line of `[[[[` is read once, not once per bracket.
const markdownLink = /!?\[([^[\]]*)\]\([^)]*\)/g;
/** After NFKC full-width brackets are ASCII ones. */
const trailingAside = /\(([^()]*)\)\s*$/;
/** The aside `nisshi new` writes after a carried item, "（8/3 の計画）" (NFKC: ASCII brackets). */
export const CARRIED_ASIDE = /^\s?(\d{1,2})\/(\d{1,2}) ?の計画\s?$/;
/**
 * Everything but letters, digits and combining marks goes: spaces, punctuation
 * (、。・「」…), markdown marks (* _ ` ~ [ ]), emoji and their variation
 * selectors. + and # stay, so "C++" and "C#" do not both become "c".
 */
const notKept = /[^\p{L}\p{N}\p{Mn}\p{Mc}+#]|[\uFE00-\uFE0F]/gu;

/** Does the aside give the plan up: "中止", "見送り" (vocabulary.droppedWords)? */
function isDroppedAside(aside: string, vocabulary: Vocabulary): boolean {
  const folded = aside.trim().toLowerCase();
  return vocabulary.droppedWords.some((word) => folded === word.normalize('NFKC').toLowerCase());
}

/** Whether a plan or task is written as given up: "テストを書く（中止）", "(dropped)" (vocabulary.droppedWords). */
export function hasDroppedAside(text: string, vocabulary: Vocabulary): boolean {
  const aside = trailingAside.exec(text.normalize('NFKC'));
  return aside !== null && isDroppedAside(aside[1]!, vocabulary);
}

/**
 * NFKC, links to their text, a trailing aside that names a horizon dropped
 * ("(今日中)", in the writer's vocabulary) or gives the plan up ("(中止)"),
 * lower case, then only letters, digits and + # kept. An aside that names no
 * horizon ("（メモ）") stays.
 */
export function planKey(text: string, vocabulary: Vocabulary): string {
  let folded = text.normalize('NFKC').replace(markdownLink, '$1');
  // "（8/1 の計画）（中止）": a carried plan given up has two asides.
  for (let asides = 0; asides < 2; asides++) {
    const aside = trailingAside.exec(folded);
    if (!aside || !(horizonOf(aside[1]!, vocabulary) !== null || CARRIED_ASIDE.test(aside[1]!) || isDroppedAside(aside[1]!, vocabulary))) break;
    const rest = folded.slice(0, aside.index);
    // An item that is only the aside keeps it, as the plan parser does.
    if (rest.replace(notKept, '') === '') break;
    folded = rest;
  }
  return foldText(folded);
}

/**
 * The comparable form of any short text (plan, checklist item, problem title):
 * NFKC, links to their text, lower case, then only letters, digits and + #.
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').replace(markdownLink, '$1').toLowerCase().replace(notKept, '');
}

/** planKey with a memo: the same plans and checklist items recur across thousands of logs. */
export function planKeyer(vocabulary: Vocabulary): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    let key = memo.get(text);
    if (key === undefined) {
      key = planKey(text, vocabulary);
      memo.set(text, key);
    }
    return key;
  };
}

/**
 * Do two keys name the same task? Equal, or one contains the other and the
 * shorter has at least MIN_CONTAINED_LENGTH characters. Empty keys never match.
 */
export function keysMatch(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  if (a === b) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return codePointLength(shorter) >= MIN_CONTAINED_LENGTH && longer.includes(shorter);
}

export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

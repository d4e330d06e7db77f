/**
 * The comparable form of a plan or checklist item's text, so that a plan
 * written as "**CI の設定** (今週中)" is found again as a later "✅ ＣＩの設定".
 *
 * One plan, one line: two texts are the same plan when they differ only in
 *   - spacing, width and case (NFKC, lower case, blanks dropped): "ＣＩ の設定" = "CIの設定";
 *   - punctuation and Markdown marks (、。・「」 * _ ` ~ [ ] …): "README（更新）" = "README更新";
 *   - the particle の or を between two words not written in hiragana (a noun
 *     and a noun, or a noun and a verb's kanji): "環境の構築" = "環境構築",
 *     "テストを書く" = "テスト書く";
 *   - the asides nisshi and the writer add after a plan: a horizon ("（今日中）"),
 *     a drop word ("（中止）"), the carried labels "（8/1 の計画）" and "未完了（12/6）".
 * Everything else tells plans apart: "テストを書く" / "テストを読む" and
 * "設定の確認" / "設定の変更" stay two plans. の next to hiragana stays ("このまま", "もの").
 */
import { withoutCarriedAside } from '../parse/extract/carried.ts';
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

/** の or を with a letter or digit that is not hiragana on both sides (after folding: no blanks or marks between). */
const particleBetweenWords = /(?<=[^\p{Script=Hiragana}])[のを](?=[^\p{Script=Hiragana}])/gu;

/**
 * NFKC, links to their text, the carried label ("(8/1 の計画)", "未完了(12/6)")
 * and a trailing aside that names a horizon ("(今日中)", in the writer's
 * vocabulary) or gives the plan up ("(中止)") dropped, lower case, then only
 * letters, digits and + # kept, and の / を between words dropped (see the
 * rule at the top). An aside that names no horizon ("（メモ）") stays.
 */
export function planKey(text: string, vocabulary: Vocabulary): string {
  let folded = text.normalize('NFKC').replace(markdownLink, '$1');
  // "（8/1 の計画）（中止）": a carried plan given up has two asides.
  for (let asides = 0; asides < 2; asides++) {
    const rest = withoutPlanAside(folded, vocabulary);
    // An item that is only the aside keeps it, as the plan parser does.
    if (rest === null || rest.replace(notKept, '') === '') break;
    folded = rest;
  }
  return foldText(folded).replace(particleBetweenWords, '');
}

/** The text before its last aside when that aside is a carried label, a horizon or a drop word; null otherwise. */
function withoutPlanAside(text: string, vocabulary: Vocabulary): string | null {
  const carried = withoutCarriedAside(text);
  if (carried !== text) return carried;
  const aside = trailingAside.exec(text);
  return aside && (horizonOf(aside[1]!, vocabulary) !== null || isDroppedAside(aside[1]!, vocabulary)) ? text.slice(0, aside.index) : null;
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

/**
 * Plans: the items under 次のステップ / 明日やること / 実装計画 / TODO …,
 * each with the horizon its own text or the nearest heading names.
 */
import type { Horizon, Plan } from '../../record/schema.ts';
import type { LogContext } from '../context.ts';
import { horizonOf, type Vocabulary } from '../vocabulary.ts';
import { withoutMark } from './marks.ts';
import { sectionItems } from './sections.ts';

export function extractPlans(context: LogContext): Plan[] {
  const { vocabulary } = context;
  return sectionItems(context, 'plans').flatMap((entry) => {
    const { text, horizon: ownHorizon } = splitHorizon(withoutMark(entry.text).text, vocabulary);
    if (!text) return [];
    if (isNoPlan(text, vocabulary)) return [];
    // A lead-in before the list ("明日は") names the horizon of its items.
    let horizon: Horizon | null = ownHorizon ?? (entry.leadIn ? horizonOf(entry.leadIn, vocabulary) : null);
    // Only headings from the plans heading inwards: "今日の成果 > 次のアクション" is not about today.
    for (let i = entry.headings.length - 1; i >= 0 && horizon === null; i--) {
      horizon = horizonOf(entry.headings[i]!.text, vocabulary);
    }
    return [{ text, horizon: horizon ?? 'later', section: entry.headings.at(-1)?.text ?? null, line: entry.line }];
  });
}

/** "未定", "特になし": what a writer puts where there is no plan. */
function isNoPlan(text: string, vocabulary: Vocabulary): boolean {
  let folded = text.normalize('NFKC').trim().toLowerCase();
  while (folded.length > 0 && '。.!、, '.includes(folded.at(-1)!)) folded = folded.slice(0, -1);
  return vocabulary.noneWords.includes(folded) || folded === '未定';
}

// (?<!\s): a run of spaces is tried once, from its start, not from each of its spaces.
const trailingAside = /(?<!\s)\s*[（(]([^（()）]*)[)）]\s*$/;

/** "依存関係の修正 (今日中)" → text "依存関係の修正", horizon today. An aside that names no horizon stays. */
function splitHorizon(text: string, vocabulary: Vocabulary): { text: string; horizon: Horizon | null } {
  const aside = trailingAside.exec(text);
  if (aside) {
    const horizon = horizonOf(aside[1]!, vocabulary);
    const rest = text.slice(0, aside.index).trim();
    // An item that is only the aside ("（今日のうちにやること）") keeps it as its text.
    if (horizon) return { text: rest || aside[1]!.trim(), horizon };
  }
  return { text, horizon: null };
}

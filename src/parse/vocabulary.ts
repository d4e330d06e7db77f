/**
 * The words a writer uses to name the parts of a log. Every heading name and
 * figure label the parser understands lives here, so that a writer whose logs
 * say "やったこと" instead of "実施内容" changes one table, not the parser.
 */
import type { Horizon } from '../record/schema.ts';
import { replaceBracketed } from './bracketed.ts';

/** What a heading announces about the blocks under it. */
export type SectionKind = 'goals' | 'work' | 'plans' | 'learnings' | 'references' | 'studyTime' | 'studyTotal';

export interface Vocabulary {
  /** Heading names per section kind, compared after {@link headingKey}. */
  sections: Record<SectionKind, string[]>;
  /** Words that give a plan its horizon, tried in order (longest / most specific first). */
  horizons: Array<{ horizon: Horizon; words: string[] }>;
  /** Words that start a problem heading or item: 問題1: …, 課題2：… */
  problemWords: string[];
  /** Labels of the parts of a problem. */
  problemParts: {
    current: string[];
    impact: string[];
    cause: string[];
    solution: string[];
  };
  /**
   * Words that, in a heading ending in 時間, make it a study-time heading
   * (学習&実務時間, 今日の開発時間) — 睡眠時間 or 見積もり時間 are not.
   */
  studyWords: string[];
  /** Figure labels that feed the record's metrics. */
  metrics: {
    studyMinutes: string[];
    /** Labels that give today's study time only when their value is a duration (今日: 1.0h, but not 今日: 晴れ). */
    studyToday: string[];
    studyTotalMinutes: string[];
    problemsFound: string[];
    tasksPlanned: string[];
    tasksDone: string[];
  };
  /** Words that mark today's part beside a running total ("本日 8h / 累計 400.5h"). */
  todayWords: string[];
  /** Words that mark a figure that is not today's (totals, weeks, months, targets). */
  notTodayWords: string[];
  /** Words that mark a running total. */
  totalWords: string[];
  /** Words that make a total a period's, not the running one (今月の合計). */
  periodWords: string[];
  /** Frontmatter keys holding the study time. */
  studyTimeKeys: string[];
  /** Labels of a date line in the body: **日付**: 2026-06-07. */
  dateLabels: string[];
  /** A day's study time above this many minutes is not believed (study-time-implausible). */
  maxStudyMinutes: number;
  /**
   * Headings of the writer's own looking back (振り返り, 感想, 反省 …): their
   * passages are quoted by the week's and month's reviews (extract/reflections.ts).
   * Compared as heading keys, a part of a heading counting (振り返り・感想).
   */
  reflectionHeadings: string[];
  /** Headings of the learnings `nisshi new` brings back (復習): their items are reviews, not the day's tasks (extract/review-items.ts). */
  reviewHeadings: string[];
  /** Words of a trailing aside that give a plan up: テストを書く（中止）. */
  droppedWords: string[];
}

export const defaultVocabulary: Vocabulary = {
  sections: {
    goals: [
      '今日の目標', '本日の目標', '目標', '今日の目的', '本日の目的', '目的',
      '今日やること', '本日やること', '今日のタスク', '本日のタスク', 'やること',
      'goals', 'goal', "today's goals", 'objectives',
    ],
    // The day's work: what was done or worked on (the bootcamp daily report's 取り組んだ課題一覧).
    work: [
      '取り組んだ課題一覧', '取り組んだ課題', '取り組んだこと', '取り組んだ内容', '今日取り組んだこと',
      'やったこと', '今日やったこと', '本日やったこと', '実施内容', '作業内容', '今日の作業', '本日の作業',
      '実施したこと', 'done', 'what i did', 'progress',
    ],
    plans: [
      '次のステップ', '次のアクション', '明日やること', '明日の目標', '明日の予定',
      '明日やりたいこと', '明日のタスク', '次やること', '次にやること', '次回',
      '次回やること', '次回の目標', '今後の予定', '今後やること', '今後のタスク',
      '実装計画', 'todo', 'to do', 'next steps', 'next step', 'next actions',
      'next action', 'next', 'tomorrow', 'plans',
    ],
    learnings: [
      '学び', '技術的な学び', '技術的学び', '学んだこと', '今日学んだこと', '今日の学び',
      '本日の学び', 'わかったこと', '分かったこと', '気づき', '気付き', '今日の気づき',
      '本日の学び・気付き', '新しく知ったこと', '学習内容のまとめ', 'til', 'learnings',
      'what i learned', 'lessons learned',
    ],
    references: ['参考資料', '参考', '参考文献', '参考リンク', '参考url', 'references', 'links', 'resources'],
    studyTime: [
      '学習時間', '勉強時間', '作業時間', '今日の学習時間', '本日の学習時間', '今日の勉強時間', '本日の勉強時間',
      '今日の作業時間', '本日の作業時間', '時間', '合計時間', 'study time', 'time',
    ],
    studyTotal: ['累計学習時間', '累積学習時間', '合計学習時間', '総学習時間', '累計時間', '総時間', '今までの学習時間', 'total study time', 'total'],
  },
  horizons: [
    { horizon: 'weekend', words: ['今週末', '週末', 'this weekend', 'weekend'] },
    { horizon: 'today', words: ['今日中', '本日中', '今日', '本日', 'today'] },
    { horizon: 'tomorrow', words: ['明日', 'tomorrow'] },
    { horizon: 'this-week', words: ['今週中', '今週', 'this week'] },
    { horizon: 'next-week', words: ['来週', '次週', 'next week'] },
    { horizon: 'this-month', words: ['今月中', '今月', 'this month'] },
    { horizon: 'next-month', words: ['来月', 'next month'] },
  ],
  problemWords: ['問題', '課題', 'problem', 'issue'],
  studyWords: ['学習', '勉強', '作業', '実務', '開発', 'study', 'studying'],
  problemParts: {
    current: ['現状', '症状', '状況', 'current', 'status'],
    impact: ['影響', 'impact'],
    cause: ['原因', 'cause', 'root cause'],
    solution: ['解決方法', '解決策', '対策', '対応', '解決', 'solution', 'fix'],
  },
  metrics: {
    studyMinutes: [
      '学習時間', '勉強時間', '作業時間', '今日の学習時間', '本日の学習時間', '今日の勉強時間', '本日の勉強時間',
      '今日の作業時間', '本日の作業時間', 'study time', 'studytime',
    ],
    studyToday: ['today', '今日', '本日', "today's", 'today total', '今日の合計', '本日の合計', '今日の時間', '本日の時間'],
    studyTotalMinutes: ['累計学習時間', '累積学習時間', '合計学習時間', '総学習時間', 'total study time', '累計', '累積', '総計', 'total'],
    problemsFound: ['特定した問題', '発見した問題', '見つかった問題', '問題数'],
    tasksPlanned: ['計画したタスク', '予定したタスク', '計画タスク'],
    tasksDone: ['完了したタスク', '完了タスク', '達成したタスク', '完了したタスク数'],
  },
  todayWords: ['本日', '今日', 'today'],
  notTodayWords: [
    '累計', '累積', '合計', '総計', '総', '全体', '今まで', 'これまで', 'total', '今週', '今月', '今年', 'week', 'month', 'year',
    '目標', '残り', 'ヶ月', 'か月', 'カ月', '計',
  ],
  totalWords: ['累計', '累積', '合計', '総計', '総', '計', '全体', '今まで', 'これまで', 'total'],
  periodWords: ['今週', '今月', '今年', '先週', '先月', 'week', 'month', 'year', 'ヶ月', 'か月', 'カ月'],
  studyTimeKeys: ['studyMinutes', 'study_minutes', 'studyTime', 'study_time', 'study', '学習時間', '勉強時間'],
  dateLabels: ['日付', '日時', '作成日', '記録日', '日にち', 'date', 'day'],
  maxStudyMinutes: 24 * 60,
  reflectionHeadings: [
    '振り返り', 'ふりかえり', '今日の振り返り', '本日の振り返り', '一日の振り返り', '週の振り返り', '感想', '今日の感想', '本日の感想',
    '所感', '感じたこと', '思ったこと', '反省', '反省点', '今日の反省', 'reflection', 'reflections', 'retrospective', 'thoughts',
  ],
  reviewHeadings: ['復習', '今日の復習', '学びの復習', 'review'],
  droppedWords: ['中止', '見送り', 'やめた', '不要', 'dropped', 'cancelled', 'canceled'],
};

/** A writer's own words over the defaults: any list may be given, the rest stay nisshi's. */
export type VocabularyOverrides = Partial<Omit<Vocabulary, 'sections' | 'problemParts' | 'metrics'>> & {
  sections?: Partial<Vocabulary['sections']> | undefined;
  problemParts?: Partial<Vocabulary['problemParts']> | undefined;
  metrics?: Partial<Vocabulary['metrics']> | undefined;
};

/** Merge a writer's partial table over the defaults (lists are replaced, not appended). */
export function resolveVocabulary(partial?: VocabularyOverrides): Vocabulary {
  if (!partial) return defaultVocabulary;
  return {
    ...defaultVocabulary,
    ...given(partial),
    sections: { ...defaultVocabulary.sections, ...given(partial.sections) },
    problemParts: { ...defaultVocabulary.problemParts, ...given(partial.problemParts) },
    metrics: { ...defaultVocabulary.metrics, ...given(partial.metrics) },
  };
}

/** The entries actually given: `{ goals: undefined }` (an optional key written out) keeps the default. */
function given<T extends object>(partial: T | undefined): Partial<T> {
  if (!partial) return {};
  return Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const pictographs = /[\p{Extended_Pictographic}\u200d\ufe0e\ufe0f\u20e3]/gu;

/**
 * The comparable form of a heading or label: "### 4. 次のステップ（優先順位順）"
 * and "次のステップ" both become "次のステップ". NFKC folds full-width letters
 * and digits; numbering, emoji, bracketed asides and trailing colons are dropped.
 */
export function headingKey(text: string): string {
  let key = keyCache.get(text);
  if (key === undefined) {
    // The same few labels and headings recur in every log; a bounded memo keeps NFKC and regexes off the hot path.
    if (keyCache.size > 10_000) keyCache.clear();
    key = computeKey(text);
    keyCache.set(text, key);
  }
  return key;
}

const keyCache = new Map<string, string>();

function computeKey(text: string): string {
  return replaceBracketed(text.normalize('NFKC').toLowerCase().replace(pictographs, ''), ' ')
    .replace(/^\s*(?:[#>*\-+・]\s*)*/, '')
    .replace(/^(?:第?\d+(?:[.\-]\d+)*[.)、:]?|[a-z][.)])\s*/, '')
    .replace(/(?<![:：])[:：]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Does a heading key name one of these terms? Exact first, then one of its parts (明日やりたいこと・疑問). */
export function keyMatches(key: string, terms: readonly string[]): 'exact' | 'part' | null {
  if (terms.includes(key)) return 'exact';
  const parts = key.split(/(?<!\s)\s*[・／/、,&＆|]\s*|(?<!\s)\s+and\s+/);
  if (parts.length > 1 && parts.some((part) => terms.includes(part))) return 'part';
  return null;
}

const kindOrder: SectionKind[] = ['plans', 'goals', 'studyTime', 'studyTotal', 'learnings', 'references', 'work'];

const kindCache = new WeakMap<Vocabulary, Map<string, SectionKind | null>>();

/** The kind of section a heading announces, or null for an ordinary heading. */
export function sectionKind(text: string, vocabulary: Vocabulary): SectionKind | null {
  // Asked of every heading and short line of every log: the same few hundred texts recur.
  let cache = kindCache.get(vocabulary);
  if (!cache) kindCache.set(vocabulary, (cache = new Map()));
  let kind = cache.get(text);
  if (kind === undefined) {
    if (cache.size > 10_000) cache.clear();
    kind = computeKind(text, vocabulary);
    cache.set(text, kind);
  }
  return kind;
}

function computeKind(text: string, vocabulary: Vocabulary): SectionKind | null {
  const key = headingKey(text);
  if (!key) return null;
  for (const strength of ['exact', 'part'] as const) {
    for (const kind of kindOrder) {
      if (keyMatches(key, vocabulary.sections[kind]) === strength) return kind;
    }
  }
  // 学習&実務時間, 今日の開発時間, 今までの勉強時間: a time of study, today's unless a total word says otherwise.
  if (key.endsWith('時間') && vocabulary.studyWords.some((word) => key.includes(word))) {
    return vocabulary.totalWords.some((word) => key.includes(word)) ? 'studyTotal' : 'studyTime';
  }
  return null;
}

/** The horizon a heading or item names (今日中 → today, 来週 → next-week), or null. */
export function horizonOf(text: string, vocabulary: Vocabulary): Horizon | null {
  const folded = text.normalize('NFKC').toLowerCase();
  let best: { horizon: Horizon; at: number } | null = null;
  for (const { horizon, words } of vocabulary.horizons) {
    for (const word of words) {
      const at = folded.indexOf(word);
      // The earliest word wins, so "今日中（明日まで可）" stays today.
      if (at >= 0 && (best === null || at < best.at)) best = { horizon, at };
    }
  }
  return best?.horizon ?? null;
}

/** Which of the labelled lists a figure label belongs to, compared as heading keys. */
export function labelIn(label: string, terms: readonly string[]): boolean {
  return lowerCased(terms).has(headingKey(label));
}

const lowerCasedTerms = new WeakMap<readonly string[], Set<string>>();

/** The terms in lower case, made once per list: every figure line of every log asks. */
function lowerCased(terms: readonly string[]): Set<string> {
  let set = lowerCasedTerms.get(terms);
  if (!set) lowerCasedTerms.set(terms, (set = new Set(terms.map((term) => term.toLowerCase()))));
  return set;
}

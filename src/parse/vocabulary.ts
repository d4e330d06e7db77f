/**
 * The words a writer uses to name the parts of a log. Every heading name and
 * figure label the parser understands lives here, so that a writer whose logs
 * say "やったこと" instead of "実施内容" changes one table, not the parser.
 */
import type { Horizon } from '../record/schema.ts';
import { replaceBracketed } from './bracketed.ts';

/** What a heading announces about the blocks under it. */
export type SectionKind = 'goals' | 'work' | 'plans' | 'learnings' | 'references' | 'studyTime' | 'studyTotal' | 'problems' | 'regrets';

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
    /** Parts a problem record has no field for (学び, 試したこと): read so that they end the part before them, then left out. */
    notes: string[];
  };
  /**
   * Words that say something went wrong (エラー, 失敗, 動かない): an item of a
   * regrets section (sections.regrets, よくなかったこと) is a problem only if
   * it names one, or has the parts of a problem (原因, 解決).
   */
  failureWords: string[];
  /** What a writer puts in an empty section (特になし, なし, None): no problem, no plan. */
  noneWords: string[];
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
  /**
   * The kinds of time a log keeps beside the day's (study-time.ts): a planned
   * time (予定), the gap between plan and actual (差分), the measured time
   * (実績, preferred when several candidates remain) and the day's sum of its
   * parts (合計 on its own line under a time heading, not a running total).
   */
  timeKinds: {
    plan: string[];
    difference: string[];
    actual: string[];
    sum: string[];
  };
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
  /**
   * Words of a trailing aside that give a plan or task up: テストを書く（中止）,
   * with or without a reason after the word (（中止: 時間がない）) or after the
   * aside (extract/drops.ts).
   */
  droppedWords: string[];
  /**
   * Headings of what `nisshi new` carries over (持ち越し): their task items are
   * carried, not the day's own (extract/carried.ts); the log page folds them away.
   */
  carriedHeadings: string[];
  /** Headings of the open problems `nisshi new` lists (継続中の問題): not the day's problems; the log page folds them away. */
  continuingHeadings: string[];
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
      '今日の作業時間', '本日の作業時間', '時間', '合計時間', '所要時間', '稼働時間', '勉強した時間', '学習した時間',
      'study time', 'time',
    ],
    studyTotal: ['累計学習時間', '累積学習時間', '合計学習時間', '総学習時間', '累計時間', '総時間', '今までの学習時間', 'total study time', 'total'],
    // Each sub-heading or top-level item under one of these is a problem (extract/problems.ts).
    problems: [
      '詰まったこと', '詰まっていること', '詰まったところ', '詰まった点', 'つまずいたこと', 'つまづいたこと',
      'ハマったこと', 'はまったこと', 'ハマっていること', 'ハマったところ', 'ハマりどころ', 'ハマりポイント',
      '困ったこと', '困っていること', 'うまくいかなかったこと', '上手くいかなかったこと', 'うまくいかないこと',
      '課題', '今日の課題', '本日の課題', '問題', '問題点', '発生した問題', '今日の問題', 'エラー', '発生したエラー',
      'エラー対応', 'エラーログ', 'トラブル', 'トラブルシューティング', '失敗したこと',
      'problems', 'issues', 'blockers', 'errors', 'troubleshooting', 'what went wrong',
    ],
    // A worry or a regret: its items are problems only when they name a failure (failureWords) or have a problem's parts.
    regrets: [
      'よくなかったこと', '良くなかったこと', 'よくなかった点', '良くなかった点', '悪かったこと', '悪かった点',
      '反省', '反省点', 'いやだったこと', '嫌だったこと', '残念だったこと', '改善点', '改善したいこと',
      'bad', 'regrets',
    ],
  },
  horizons: [
    { horizon: 'weekend', words: ['今週末', '週末', 'this weekend', 'weekend'] },
    { horizon: 'today', words: ['今日中', '本日中', '今日', '本日', 'today'] },
    { horizon: 'tomorrow', words: ['明日', 'tomorrow'] },
    { horizon: 'this-week', words: ['今週中', '今週', 'this week'] },
    { horizon: 'next-week', words: ['来週', '次週', 'next week'] },
    { horizon: 'this-month', words: ['今月中', '今月', 'this month'] },
    { horizon: 'next-month', words: ['来月', 'next month'] },
    // A backlog: never due, never carried over.
    { horizon: 'someday', words: ['いつか', 'そのうち', 'someday'] },
  ],
  problemWords: ['問題', '課題', 'problem', 'issue'],
  // 実績時間 is the measured time of study beside its 予定時間 (time-kind.ts tells them apart).
  studyWords: ['学習', '勉強', '作業', '実務', '開発', '実績', '実働', 'study', 'studying'],
  problemParts: {
    current: ['現状', '症状', '状況', 'エラー内容', 'エラーメッセージ', '事象', '起きたこと', 'current', 'status', 'what happened'],
    impact: ['影響', 'impact'],
    cause: ['原因', '要因', '理由', 'cause', 'root cause'],
    solution: ['解決方法', '解決策', '解決した方法', '対策', '対処法', '対処', '対応', '解決', 'solution', 'fix', 'workaround'],
    notes: ['学び', '学んだこと', 'わかったこと', '分かったこと', '気づき', '気付き', '教訓', '試したこと', '行ったこと', 'やったこと', '仮説', 'メモ', 'learned', 'lesson', 'tried', 'note', 'notes'],
  },
  failureWords: [
    'エラー', 'error', '失敗', 'fail', 'バグ', 'bug', '不具合', '例外', 'exception', 'クラッシュ', 'crash', 'タイムアウト', 'timeout',
    '動かな', '動作しな', '起動しな', '通らな', '落ちる', '落ちた', '落ちて', '壊れ', 'broke', '詰ま', 'ハマ', 'はまっ',
    'うまくいかな', '上手くいかな', '解決しな', '解決でき', '表示されな', '反映されな', '消えな', '繋がらな', 'つながらな',
  ],
  noneWords: ['なし', '無し', '特になし', '特に無し', 'ない', '特にない', 'ありません', '特にありません', 'none', 'nothing', 'n/a', 'nil', '-', 'ー', '―'],
  metrics: {
    studyMinutes: [
      '学習時間', '勉強時間', '作業時間', '今日の学習時間', '本日の学習時間', '今日の勉強時間', '本日の勉強時間',
      '今日の作業時間', '本日の作業時間', '所要時間', '稼働時間', '勉強した時間', '学習した時間', 'study time', 'studytime',
    ],
    studyToday: ['today', '今日', '本日', "today's", 'today total', '今日の合計', '本日の合計', '今日の時間', '本日の時間'],
    studyTotalMinutes: ['累計学習時間', '累積学習時間', '合計学習時間', '総学習時間', 'total study time', '累計', '累積', '総計', 'total'],
    problemsFound: ['特定した問題', '発見した問題', '見つかった問題', '問題数'],
    tasksPlanned: ['計画したタスク', '予定したタスク', '計画タスク'],
    tasksDone: ['完了したタスク', '完了タスク', '達成したタスク', '完了したタスク数'],
  },
  // 実績 (the measured time) is today's beside 予定 (the planned one).
  todayWords: ['本日', '今日', 'today', '実績', 'actual'],
  notTodayWords: [
    '累計', '累積', '通算', '合計', '総計', '総', '全体', '今まで', 'これまで', 'total', '今週', '今月', '今年', 'week', 'month', 'year',
    '週間', '月間', '年間', '目標', '残り', 'ヶ月', 'か月', 'カ月', '計', '予定', '見積', '見込', '差', 'plan', 'estimate', 'diff',
  ],
  totalWords: ['累計', '累積', '通算', '合計', '総計', '総', '計', '全体', '今まで', 'これまで', 'total'],
  periodWords: ['今週', '今月', '今年', '先週', '先月', '週間', '月間', '年間', 'week', 'month', 'year', 'ヶ月', 'か月', 'カ月'],
  timeKinds: {
    plan: ['予定', '計画', '目標', '見積', '見込', 'plan', 'planned', 'estimate', 'target', 'goal'],
    difference: ['予実', '差分', '差異', '過不足', '差', 'diff', 'difference', 'delta'],
    actual: ['実績', '実際', '実働', 'actual'],
    sum: ['合計', '小計', '計', 'sum'],
  },
  studyTimeKeys: ['studyMinutes', 'study_minutes', 'studyTime', 'study_time', 'study', '学習時間', '勉強時間'],
  dateLabels: ['日付', '日時', '作成日', '記録日', '日にち', 'date', 'day'],
  maxStudyMinutes: 24 * 60,
  reflectionHeadings: [
    '振り返り', 'ふりかえり', '今日の振り返り', '本日の振り返り', '一日の振り返り', '週の振り返り', '感想', '今日の感想', '本日の感想',
    '所感', '感じたこと', '思ったこと', '反省', '反省点', '今日の反省', 'reflection', 'reflections', 'retrospective', 'thoughts',
  ],
  reviewHeadings: ['復習', '今日の復習', '学びの復習', 'review'],
  droppedWords: ['中止', '見送り', 'やめた', '不要', 'dropped', 'cancelled', 'canceled'],
  carriedHeadings: ['持ち越し', '前日からの持ち越し', '持ち越したこと', 'carried over', 'carry-over', 'carry over'],
  continuingHeadings: ['継続中の問題', '未解決の問題', 'open problems'],
};

/** A writer's own words over the defaults: any list may be given, the rest stay nisshi's. */
export type VocabularyOverrides = Partial<Omit<Vocabulary, 'sections' | 'problemParts' | 'metrics' | 'timeKinds'>> & {
  sections?: Partial<Vocabulary['sections']> | undefined;
  timeKinds?: Partial<Vocabulary['timeKinds']> | undefined;
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
    timeKinds: { ...defaultVocabulary.timeKinds, ...given(partial.timeKinds) },
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

const kindOrder: SectionKind[] = ['plans', 'goals', 'studyTime', 'studyTotal', 'problems', 'regrets', 'learnings', 'references', 'work'];

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

/**
 * The page `nisshi new` writes: the sections of the sample log, with short
 * placeholders in （　） for the writer to overwrite. Every placeholder is in a
 * place the parser understands, so an untouched template already reads back
 * as a clean record (no diagnostics), and a half-filled one stays valid too.
 *
 * Two constraints from the parser: the closing counts must match the slots
 * (one 問題, three plans) or it warns `count-mismatch`; and a plan placeholder
 * must not contain a horizon word (今日, 今週, 来週 …), because a plan written
 * only as "（…）" with a horizon inside is read as a bare horizon with no text.
 */
import { PLACEHOLDERS, placeholder, STUDY_TIME_PLACEHOLDER } from '../parse/placeholders.ts';

/** `2025-08-03` → `2025年8月3日`, the way the logs' headings write dates. */
export function japaneseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** The placeholders, each in （　）: src/parse/placeholders.ts recognises exactly these. */
const p = Object.fromEntries(Object.entries(PLACEHOLDERS).map(([key, word]) => [key, placeholder(word)])) as Record<keyof typeof PLACEHOLDERS, string>;

/**
 * @param carried sections placed after 今日の目標 (持ち越し, 継続中の問題), already
 *   written as Markdown; empty when there is nothing to carry.
 */
export function logTemplate(isoDate: string, carried = ''): string {
  return `# ${japaneseDate(isoDate)} - 学習ログ

<!-- （　）の中を書き換えてください。使わない行や節は消してかまいません。 -->

## 今日の目標
- [ ] ${p.goal1}
- [ ] ${p.goal2}

${carried}## 実施内容

### 1. ${p.did}
✅ **${p.done}**
- ${p.details}

❌ **${p.notDone}**
- ${p.details}

### 2. 問題と解決

#### 問題1: ${p.problemTitle}
**現状**: ${p.current}
**影響**: ${p.impact}
**解決方法**: ${p.solution}

## 学び
- ${p.learning}

## 次のステップ

### 今日中
- [ ] ${p.today}

### 今週中
- [ ] ${p.thisWeek}

### 来週
- [ ] ${p.nextWeek}

## 参考資料
- [${p.reference}](https://example.com/)

---
${STUDY_TIME_PLACEHOLDER}
**特定した問題**: 1件
**計画したタスク**: 3件
`;
}

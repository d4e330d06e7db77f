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

/** `2025-08-03` → `2025年8月3日`, the way the logs' headings write dates. */
export function japaneseDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

export function logTemplate(isoDate: string): string {
  return `# ${japaneseDate(isoDate)} - 学習ログ

<!-- （　）の中を書き換えてください。使わない行や節は消してかまいません。 -->

## 今日の目標
- [ ] （目標1）
- [ ] （目標2）

## 実施内容

### 1. （取り組んだこと）
✅ **（できたこと）**
- （詳しく）

❌ **（できなかったこと）**
- （詳しく）

### 2. 問題と解決

#### 問題1: （問題の見出し）
**現状**: （何が起きているか）
**影響**: （そのままだと何が困るか）
**解決方法**: （どう直したか、どう直すか）

## 学び
- （学んだこと）

## 次のステップ

### 今日中
- [ ] （急ぎのタスク）

### 今週中
- [ ] （短期のタスク）

### 来週
- [ ] （その次のタスク）

## 参考資料
- [（資料の名前）](https://example.com/)

---
**学習時間**: 0時間
**特定した問題**: 1件
**計画したタスク**: 3件
`;
}

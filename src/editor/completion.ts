/**
 * Completions at the start of a line: the section headings of the log's
 * vocabulary (`問題N:` with the next free number, 次のステップ with its
 * horizons), the titles of open problems after `問題N:` (a thread continues
 * only when the title is the same), the problem's field labels, and the
 * study-time line. Pure: the line's text up to the cursor in, items out.
 */
import { PLACEHOLDERS } from '../parse/placeholders.ts';
import type { LogContext } from './log-context.ts';
import { hoverTexts } from './hover-texts.ts';

export interface CompletionEntry {
  label: string;
  /** What replaces the line's text before the cursor. */
  insertText: string;
  detail: string;
  kind: 'section' | 'problem' | 'field' | 'line';
}

/** The problem heading being written: `#### 問題3: ` (title after it). */
const PROBLEM_HEADING = /^(#{1,6}[ \t]*(?:問題|課題)[ \t]*\d+[ \t]*[:：])(.*)$/u;

const SECTIONS = ['今日の目標', '実施内容', '学び', '参考資料'] as const;
const HORIZONS = ['今日中', '今週中', '来週'] as const;
const FIELDS = ['現状', '影響', '原因', '解決方法', '状態'] as const;

/** The completions for a line whose text before the cursor is `before`. */
export function completionsAt(context: Pick<LogContext, 'record' | 'threads' | 'language'>, before: string): CompletionEntry[] {
  const say = hoverTexts(context.language).completion;
  const heading = PROBLEM_HEADING.exec(before);
  if (heading) {
    const typed = heading[2]!.trim();
    const open = context.threads.filter((thread) => thread.status === 'open' && thread.title.includes(typed));
    return open.map((thread) => ({ label: thread.title, insertText: `${heading[1]} ${thread.title}`, detail: `${say.openProblem} · ${thread.firstSeen}`, kind: 'problem' }));
  }
  const trimmed = before.trimStart();
  if (trimmed.startsWith('#') || trimmed === '') {
    const next = Math.max(0, ...context.record.problems.map((problem) => problem.number ?? 0)) + 1;
    const entries: CompletionEntry[] = [
      ...SECTIONS.map((name): CompletionEntry => ({ label: `## ${name}`, insertText: `## ${name}`, detail: say.section, kind: 'section' })),
      { label: `#### 問題${next}: `, insertText: `#### 問題${next}: `, detail: say.nextProblem, kind: 'section' },
      { label: '## 次のステップ', insertText: `## 次のステップ\n\n${HORIZONS.map((horizon) => `### ${horizon}\n- [ ] `).join('\n\n')}`, detail: say.section, kind: 'section' },
      ...HORIZONS.map((horizon): CompletionEntry => ({ label: `### ${horizon}`, insertText: `### ${horizon}`, detail: say.section, kind: 'section' })),
    ];
    if (trimmed === '') entries.push(...fieldEntries(say.field), studyTimeEntry(say.studyTime));
    return entries;
  }
  if (trimmed.startsWith('*')) return [...fieldEntries(say.field), studyTimeEntry(say.studyTime)];
  return [];
}

function fieldEntries(detail: string): CompletionEntry[] {
  return FIELDS.map((name) => ({ label: `**${name}**: `, insertText: `**${name}**: `, detail, kind: 'field' }));
}

function studyTimeEntry(detail: string): CompletionEntry {
  return { label: '**学習時間**: ', insertText: '**学習時間**: ', detail, kind: 'line' };
}

/** The template's placeholder words (for a client that wants to show them). */
export const PLACEHOLDER_WORDS: readonly string[] = Object.values(PLACEHOLDERS);

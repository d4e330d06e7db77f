/**
 * The outline of a log (goals, problems, plans, each under its own group) and
 * the workspace's symbols (problem threads by title). Pure.
 */
import type { LogRecord } from '../record/schema.ts';
import type { ProblemCore, ProblemThread } from '../stats/index.ts';
import type { MessageLanguage } from '../record/messages.ts';
import { hoverTexts } from './hover-texts.ts';

export interface OutlineEntry {
  name: string;
  kind: 'group' | 'goal' | 'problem' | 'plan';
  /** 1-based lines it spans. */
  line: number;
  endLine: number;
  children: OutlineEntry[];
}

export function outlineOf(record: Pick<LogRecord, 'goals' | 'problems' | 'plans'>, language: MessageLanguage): OutlineEntry[] {
  const say = hoverTexts(language).symbols;
  const groups: OutlineEntry[] = [];
  const group = (name: string, kind: OutlineEntry['kind'], items: ReadonlyArray<{ text: string; line: number }>) => {
    if (items.length === 0) return;
    const children = items.map((item) => ({ name: item.text || '…', kind, line: item.line, endLine: item.line, children: [] }));
    groups.push({ name, kind: 'group', line: Math.min(...children.map((c) => c.line)), endLine: Math.max(...children.map((c) => c.line)), children });
  };
  group(say.goals, 'goal', record.goals);
  group(say.problems, 'problem', record.problems.map((problem) => ({ text: problem.number === null ? problem.title : `問題${problem.number}: ${problem.title}`, line: problem.line })));
  group(say.plans, 'plan', record.plans);
  return groups;
}

export interface ThreadSymbol {
  name: string;
  status: 'open' | 'resolved';
  /** Where the thread was last written. */
  slug: string;
  line: number;
}

/** The threads whose title holds the query (case folded), open ones first, newest first. */
export function threadSymbols(threads: ReadonlyArray<ProblemThread<ProblemCore>>, query: string, limit = 200): ThreadSymbol[] {
  const folded = query.trim().toLowerCase();
  return threads
    .filter((thread) => thread.title.toLowerCase().includes(folded))
    .sort((a, b) => (a.status === b.status ? (a.lastSeen < b.lastSeen ? 1 : a.lastSeen > b.lastSeen ? -1 : 0) : a.status === 'open' ? -1 : 1))
    .slice(0, limit)
    .map((thread) => {
      const last = thread.occurrences.at(-1)!;
      return { name: thread.title, status: thread.status, slug: last.slug, line: last.line };
    });
}

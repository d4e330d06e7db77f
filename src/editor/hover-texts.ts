/** The editor's words (hovers, completions, code actions), Japanese first, English with `locale`. */
import type { MessageLanguage } from '../record/messages.ts';
import type { Figure } from '../record/schema.ts';
import type { PlanState } from '../stats/index.ts';

export interface StudyTimeFacts {
  today: number;
  week: number;
  target: number | null;
  missing: number;
  daysLeft: number;
  pace: number;
}

export interface HoverTexts {
  figure(figure: Pick<Figure, 'raw' | 'value' | 'unit' | 'kind' | 'approximate'>): string;
  studyTime(facts: StudyTimeFacts): string;
  thread(facts: { title: string; firstSeen: string; days: number; status: 'open' | 'resolved'; resolvedOn: string | null }): string;
  chain(facts: { text: string; plannedOn: string; carried: number; due: string | null; status: PlanState; doneOn: string | null; droppedOn: string | null }): string;
  carriedFrom(plannedOn: string, found: boolean): string;
  continuedFrom(since: string): string;
  actions: {
    resolveProblem: string;
    markPlanDone: string;
    dropPlan: string;
    renameFile(name: string): string;
    fixDate(date: string): string;
    deletePlaceholderLine: string;
    removePlaceholder(text: string): string;
  };
  completion: { nextProblem: string; openProblem: string; field: string; section: string; studyTime: string };
  symbols: { goals: string; problems: string; plans: string };
  /** The binary or unreadable file's one finding. */
  notText: string;
}

function hours(minutes: number, language: MessageLanguage): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (language === 'en') return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
  return h === 0 ? `${m}分` : m === 0 ? `${h}時間` : `${h}時間${m}分`;
}

const ja: HoverTexts = {
  figure: ({ raw, value, unit, kind, approximate }) => {
    const about = approximate ? '・概算' : '';
    if (kind === 'duration' && value !== null) return `**${raw}** → ${value} 分${about}`;
    if (kind === 'count' && value !== null) return `**${raw}** → ${value}${unit ?? ''}${about}`;
    if (kind === 'number' && value !== null) return `**${raw}** → ${value}${unit && unit !== 'minute' ? unit : ''}${about}`;
    return `**${raw}** → 数として読めない値です（文字として扱います）`;
  },
  studyTime: ({ today, week, target, missing, daysLeft, pace }) =>
    [
      `今日の合計: ${hours(today, 'ja')}`,
      target === null ? `今週の合計: ${hours(week, 'ja')}（週の目標は未設定）` : `今週の合計: ${hours(week, 'ja')} / 目標 ${hours(target, 'ja')}`,
      target === null ? null : missing === 0 ? '今週の目標は達成しています' : daysLeft > 0 ? `あと ${hours(missing, 'ja')}。残り ${daysLeft} 日で 1 日 ${hours(pace, 'ja')} のペースが必要です` : `あと ${hours(missing, 'ja')}（今週は今日が最後の日です）`,
    ].filter((line) => line !== null).join('  \n'),
  thread: ({ title, firstSeen, days, status, resolvedOn }) =>
    [`問題「${title}」`, `初出: ${firstSeen}`, `書いた日数: ${days} 日`, `状態: ${status === 'resolved' ? `解決済み（${resolvedOn}）` : '未解決'}`].join('  \n'),
  chain: ({ text, plannedOn, carried, due, status, doneOn, droppedOn }) =>
    [`計画「${text}」`, `計画した日: ${plannedOn}`, `持ち越し: ${carried} 回`, `期限: ${due ?? 'なし'}`, `状態: ${planState(status, doneOn, droppedOn, 'ja')}`].join('  \n'),
  carriedFrom: (plannedOn, found) => (found ? `${plannedOn} のログの計画から持ち越した項目です` : `${plannedOn} の計画から持ち越した項目です（その日のログに同じ計画が見つかりません）`),
  continuedFrom: (since) => `${since} から続いている問題です`,
  actions: {
    resolveProblem: '問題を解決済みにする（**状態**: 解決済み を加える）',
    markPlanDone: '計画を済みにする（- [x]）',
    dropPlan: '計画をやめる（取り消し線）',
    renameFile: (name) => `ファイル名を ${name} に変える`,
    fixDate: (date) => `日付を ${date} に直す`,
    deletePlaceholderLine: 'テンプレートの仮の行を消す',
    removePlaceholder: (text) => `仮の文字 ${text} を消す`,
  },
  completion: { nextProblem: '次の問題（空いている番号）', openProblem: '未解決の問題（同じ見出しで続ける）', field: '問題の項目', section: 'ログの節', studyTime: '学習時間の行' },
  symbols: { goals: '今日の目標', problems: '問題', plans: '次のステップ' },
  notText: 'このファイルは文字のファイルとして読めません（バイナリか、UTF-8 以外の文字コードです）。ログは UTF-8 の Markdown で書いてください',
};

const en: HoverTexts = {
  figure: ({ raw, value, unit, kind, approximate }) => {
    const about = approximate ? ', approximate' : '';
    if (kind === 'duration' && value !== null) return `**${raw}** → ${value} min${about}`;
    if (kind === 'count' && value !== null) return `**${raw}** → ${value} ${unit ?? ''}${about}`.replace(/ ,/, ',');
    if (kind === 'number' && value !== null) return `**${raw}** → ${value}${unit && unit !== 'minute' ? unit : ''}${about}`;
    return `**${raw}** → not read as a number (kept as text)`;
  },
  studyTime: ({ today, week, target, missing, daysLeft, pace }) =>
    [
      `Today: ${hours(today, 'en')}`,
      target === null ? `This week: ${hours(week, 'en')} (no weekly target set)` : `This week: ${hours(week, 'en')} of ${hours(target, 'en')}`,
      target === null ? null : missing === 0 ? "This week's target is met" : daysLeft > 0 ? `${hours(missing, 'en')} to go: ${hours(pace, 'en')} a day over the ${daysLeft} days left` : `${hours(missing, 'en')} to go (today is the week's last day)`,
    ].filter((line) => line !== null).join('  \n'),
  thread: ({ title, firstSeen, days, status, resolvedOn }) =>
    [`Problem "${title}"`, `First written: ${firstSeen}`, `Written on ${days} day${days === 1 ? '' : 's'}`, `Status: ${status === 'resolved' ? `resolved (${resolvedOn})` : 'open'}`].join('  \n'),
  chain: ({ text, plannedOn, carried, due, status, doneOn, droppedOn }) =>
    [`Plan "${text}"`, `Planned on: ${plannedOn}`, `Carried over: ${carried} time${carried === 1 ? '' : 's'}`, `Due: ${due ?? 'none'}`, `Status: ${planState(status, doneOn, droppedOn, 'en')}`].join('  \n'),
  carriedFrom: (plannedOn, found) => (found ? `Carried over from the plans of ${plannedOn}` : `Carried over from the plans of ${plannedOn} (no such plan found in that day's log)`),
  continuedFrom: (since) => `A problem continued since ${since}`,
  actions: {
    resolveProblem: 'Mark the problem resolved (add **状態**: 解決済み)',
    markPlanDone: 'Mark the plan done (- [x])',
    dropPlan: 'Drop the plan (strike it through)',
    renameFile: (name) => `Rename the file to ${name}`,
    fixDate: (date) => `Change the date to ${date}`,
    deletePlaceholderLine: "Delete the template's placeholder line",
    removePlaceholder: (text) => `Remove the placeholder ${text}`,
  },
  completion: { nextProblem: 'the next problem (next free number)', openProblem: 'an open problem (keep its title to continue the thread)', field: 'a part of a problem', section: 'a section of the log', studyTime: 'the study time line' },
  symbols: { goals: 'Goals', problems: 'Problems', plans: 'Next steps' },
  notText: 'This file cannot be read as text (binary, or not UTF-8); write logs as UTF-8 Markdown',
};

function planState(status: PlanState, doneOn: string | null, droppedOn: string | null, language: MessageLanguage): string {
  if (language === 'en') return status === 'done' ? `done (${doneOn})` : status === 'dropped' ? `dropped (${droppedOn})` : status;
  return status === 'done' ? `済み（${doneOn}）` : status === 'dropped' ? `中止（${droppedOn}）` : status === 'overdue' ? '期限切れ' : '未完了';
}

export function hoverTexts(language: MessageLanguage): HoverTexts {
  return language === 'en' ? en : ja;
}

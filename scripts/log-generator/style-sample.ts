/**
 * The sample log's own layout (logs/2025-08-03.md): numbered ### sections,
 * ✅/❌ paragraphs, #### 問題N, horizons in brackets after the headings.
 */
import { codeBlock, japaneseDuration, type Day } from './format.ts';
import type { Random } from './random.ts';
import { measurementTable, timeline } from './extras.ts';
import { reflections } from './reflections.ts';
import type { Item, Topic } from './topic.ts';

export interface StyleInput {
  day: Day;
  random: Random;
  topic: Topic;
  /** A second topic some days touch on. */
  side: Topic;
  /** About 1 for a log the size of the sample; 0.4 is a short day, 2 a long one. */
  size: number;
  studyMinutes: number;
}

function count(random: Random, size: number, base: number, max: number): number {
  return Math.max(1, Math.min(max, Math.round(base * size + random.float() - 0.5)));
}

function itemBlock(mark: string, item: Item): string {
  return [`${mark} **${item.title}**`, ...item.details.map((detail) => `- ${detail}`)].join('\n');
}

export function renderSampleStyle({ day, random, topic, side, size, studyMinutes }: StyleInput): string {
  const out: string[] = [];
  const pool = (pick: (t: Topic) => readonly Item[]) => [...pick(topic), ...pick(side)];
  out.push(`# ${day.year}年${day.month}月${day.day}日 - 学習ログ`, '');
  out.push('## 今日の目標', ...random.sample([...topic.goals, ...side.goals], count(random, size, 3, 5)).map((goal) => `- ${goal}`), '');
  out.push('## 実施内容', '');
  if (random.chance(0.5)) {
    out.push('### 作業の流れ', timeline(random, [...topic.sections, ...side.sections], count(random, size, 6, 10)), '');
  }

  const sectionCount = count(random, size, 3, 5);
  const sections = random.sample([...topic.sections, ...side.sections], sectionCount);
  const done = random.sample(pool((t) => t.done), 6);
  const notDone = random.sample(pool((t) => t.notDone), 4);
  let number = 1;
  for (const title of sections) {
    out.push(`### ${number}. ${title}`, '');
    const finished = done.splice(0, random.int(1, 2));
    if (finished.length > 0) {
      out.push(`#### ${number}.1 完了済みの項目`, ...finished.flatMap((item) => [itemBlock('✅', item), '']));
    }
    const open = notDone.splice(0, random.int(0, 2));
    if (open.length > 0) {
      out.push(`#### ${number}.2 未完了の項目`, ...open.flatMap((item) => [itemBlock('❌', item), '']));
    }
    if (random.chance(0.6)) out.push(random.pick([...topic.notes, ...side.notes, ...reflections]), '');
    if (random.chance(0.25)) out.push(measurementTable(random), '');
    number++;
  }

  const problems = random.sample([...topic.problems, ...side.problems], count(random, size, 3, 5));
  out.push(`### ${number}. 問題の特定と解決`, '');
  problems.forEach((problem, index) => {
    out.push(`#### 問題${index + 1}: ${problem.title}`, `**現状**: ${problem.current}`, `**影響**: ${problem.impact}`);
    if (random.chance(0.3)) out.push(`**原因**: ${problem.cause}`);
    out.push('');
    if (problem.code && random.chance(0.7)) {
      out.push('**解決方法**:', codeBlock(problem.code.lang, problem.code.body), '');
    } else {
      out.push(`**解決方法**: ${problem.solution}`, '');
    }
  });
  number++;

  out.push(`### ${number}. 技術的な学び`, '');
  const learningGroups = count(random, size, 2, 3);
  const learnings = random.sample([...topic.learnings, ...side.learnings], learningGroups * 3);
  for (let group = 0; group < learningGroups; group++) {
    const title = group === 0 ? topic.name : random.chance(0.5) ? side.name : `${topic.name}の応用`;
    out.push(`#### ${number}.${group + 1} ${title}`);
    out.push(...learnings.slice(group * 3, group * 3 + 3).map(([term, text]) => `- **${term}**: ${text}`), '');
  }
  number++;

  out.push(`### ${number}. 次のステップ（優先順位順）`, '');
  const horizons = [
    ['緊急対応', '今日中'],
    ['短期目標', '今週中'],
    ['中期目標', '来週'],
  ] as const;
  const steps = random.sample(pool((t) => t.nextSteps), 6);
  let planned = 0;
  horizons.forEach(([label, horizon], index) => {
    out.push(`#### ${number}.${index + 1} ${label}（${horizon}）`);
    const chosen = [...steps.slice(index * 2, index * 2 + count(random, size, 2, 2))];
    chosen.forEach((step, k) => {
      out.push(`${k + 1}. **${step.title}**`, ...step.details.map((detail) => `   - ${detail}`));
      if (index === 0 && k === 0 && random.chance(0.6)) {
        const snippet = random.pick([...topic.snippets, ...side.snippets]);
        out.push('', codeBlock(snippet.lang, snippet.body, '   '));
      }
      out.push('');
      planned++;
    });
  });

  number++;
  out.push(`### ${number}. 実装計画`, '');
  const plans = [
    ['今日の実装タスク', count(random, size, 2, 4)],
    ['明日の実装タスク', count(random, size, 2, 3)],
    ['今週末の実装タスク', count(random, size, 2, 3)],
  ] as const;
  const tasks = random.sample(pool((t) => t.nextSteps), 8);
  const snippets = random.sample([...topic.snippets, ...side.snippets], 3);
  plans.forEach(([label, howMany], index) => {
    out.push(`#### ${number}.${index + 1} ${label}`);
    tasks.slice(index * 2, index * 2 + howMany).forEach((task, k) => {
      out.push(`${k + 1}. **${task.title}**`);
      const snippet = index === 0 ? snippets[k] : undefined;
      if (snippet) out.push(codeBlock(snippet.lang, snippet.body, '   '), '');
    });
    out.push('');
  });

  if (size > 0.9) {
    number++;
    out.push(`### ${number}. 技術的課題`, '');
    const extra = random.sample(side.learnings, 3);
    out.push(`#### ${number}.1 ${side.name}まわり`, ...extra.map(([term, text]) => `- **${term}**: ${text}`), '');
  }

  out.push('## 今日の成果', '', '### 完了した作業');
  out.push(...random.sample(pool((t) => t.done), 3).map((item, k) => `${k + 1}. **${item.title}**: ${item.details[0] ?? ''}`), '');
  out.push('### 技術的学び', ...learnings.slice(0, 3).map(([term, text]) => `- **${term}**: ${text}`), '');
  out.push('### 振り返り', random.sample(reflections, count(random, size, 2, 3)).join(''), '');
  out.push('### 次のアクション');
  out.push(...steps.slice(0, 3).map((step, k) => `${k + 1}. **${step.title}** (今日中)`), '');

  out.push('## 参考資料', ...[...topic.references, ...random.sample(side.references, 1)].map((ref) => `- [${ref.title}](${ref.url})`), '');
  out.push(
    '---',
    `**学習時間**: ${japaneseDuration(studyMinutes, random)}`,
    `**特定した問題**: ${problems.length}件`,
    `**計画したタスク**: ${planned}件`,
    `**技術的学び**: ${learnings.slice(0, 3).map(([term]) => term).join('、')}`,
  );
  return `${out.join('\n')}\n`;
}

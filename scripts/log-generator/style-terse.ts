/**
 * A third writer: short days, a slash date with the weekday, ✅/❌ lines instead
 * of lists, 問題 as ## headings, next steps with the horizon in brackets, `90分`.
 */
import { minutesDuration } from './format.ts';
import type { StyleInput } from './style-sample.ts';

export function renderTerseStyle({ day, random, topic, side, size, studyMinutes }: StyleInput): string {
  const out: string[] = [];
  out.push(`# ${day.year}/${day.month}/${day.day}（${day.weekday}）振り返り`, '');
  out.push(`今日は${topic.name}を中心に進めた。${random.pick(topic.notes)}`, '');

  out.push('## 今日の目標');
  const goals = random.sample(topic.goals, Math.max(2, Math.round(3 * size)));
  for (const goal of goals) out.push(`${random.chance(0.7) ? '✅' : '❌'} ${goal}`, '');

  out.push('## 実施内容');
  for (const item of random.sample([...topic.done, ...side.done], Math.max(1, Math.round(3 * size)))) {
    out.push(`- ${item.title}`, ...item.details.map((detail) => `  - ${detail}`));
  }
  out.push('');

  const problems = random.sample(topic.problems, Math.max(1, Math.round(1.5 * size)));
  problems.forEach((problem, index) => {
    out.push(
      `## 問題${index + 1}: ${problem.title}`,
      `**現状**: ${problem.current}`,
      `**影響**: ${problem.impact}`,
      `**解決方法**: ${problem.solution}`,
      '',
    );
  });

  out.push('## 学び');
  out.push(...random.sample(topic.learnings, Math.max(1, Math.round(3 * size))).map(([term, text]) => `- ${term}: ${text}`), '');

  out.push('## 次のステップ');
  const horizons = ['今日中', '今週中', '来週'];
  const steps = random.sample([...topic.nextSteps, ...side.nextSteps], Math.max(2, Math.round(4 * size)));
  steps.forEach((step, index) => out.push(`- ${step.title}（${horizons[Math.min(index, 2)]}）`));
  out.push('');

  if (random.chance(0.6)) {
    out.push('## 参考資料', ...random.sample(topic.references, 2).map((ref) => `- [${ref.title}](${ref.url})`), '');
  }
  out.push(`**学習時間**: ${minutesDuration(studyMinutes)}`, `**特定した問題**: ${problems.length}件`);
  return `${out.join('\n')}\n`;
}

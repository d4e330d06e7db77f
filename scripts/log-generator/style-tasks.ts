/**
 * A second writer: YAML frontmatter (title, date, tags, sometimes draft),
 * GFM task lists everywhere, 問題N with 原因, 次のステップ split into
 * 今日中 / 今週中 / 来週 headings, study time as `1h30m`.
 */
import { codeBlock, compactDuration } from './format.ts';
import { measurementTable, timeline } from './extras.ts';
import { reflections } from './reflections.ts';
import type { StyleInput } from './style-sample.ts';

export function renderTaskStyle({ day, random, topic, side, size, studyMinutes }: StyleInput): string {
  const out: string[] = [];
  const goals = random.sample([...topic.goals, ...side.goals], Math.max(2, Math.round(4 * size)));
  const title = `${topic.name}: ${goals[0] ?? topic.name}`;
  const draft = random.chance(0.04);
  out.push('---', `title: "${title}"`, `date: ${day.iso}`, `tags: [${[...topic.tags, ...random.sample(side.tags, 1)].join(', ')}]`);
  if (draft) out.push('draft: true');
  out.push('---', '');
  out.push(random.chance(0.5) ? `# ${title}` : `# ${day.iso} (${day.weekday}) 学習メモ`, '');

  let done = 0;
  out.push('## 今日の目標');
  for (const goal of goals) {
    const finished = random.chance(0.65);
    if (finished) done++;
    out.push(`- [${finished ? 'x' : ' '}] ${goal}`);
  }
  out.push('');

  out.push('## やったこと', '');
  if (random.chance(0.6)) {
    out.push('### タイムライン', timeline(random, [topic.name, side.name], Math.max(4, Math.round(8 * size))), '');
  }
  const sections = random.sample([...topic.sections, ...side.sections], Math.max(2, Math.round(4 * size)));
  const notes = random.sample([...topic.notes, ...side.notes, ...reflections], sections.length * 2);
  const doneItems = random.sample([...topic.done, ...side.done], sections.length * 2);
  const openItems = random.sample([...topic.notDone, ...side.notDone], sections.length);
  sections.forEach((section, index) => {
    out.push(`### ${section}`, '', notes.slice(index * 2, index * 2 + random.int(1, 2)).join(''), '');
    for (const item of doneItems.slice(index * 2, index * 2 + 2)) {
      out.push(`- [x] ${item.title}`, ...item.details.map((detail) => `  - ${detail}`));
    }
    const open = openItems[index];
    if (open) out.push(`- [ ] ${open.title}`, ...open.details.map((detail) => `  - ${detail}`));
    out.push('');
    if (random.chance(0.3)) out.push(measurementTable(random), '');
    if (random.chance(0.6)) {
      const snippet = random.pick([...topic.snippets, ...side.snippets]);
      out.push(codeBlock(snippet.lang, snippet.body), '');
    }
  });

  const problems = random.sample([...topic.problems, ...side.problems], Math.max(1, Math.round(3.5 * size)));
  out.push('## 問題と解決', '');
  problems.forEach((problem, index) => {
    out.push(
      `### 問題${index + 1}: ${problem.title}`,
      `**現状**: ${problem.current}`,
      `**原因**: ${problem.cause}`,
      `**影響**: ${problem.impact}`,
      `**解決方法**: ${problem.solution}`,
      '',
    );
    if (problem.code && random.chance(0.6)) out.push(codeBlock(problem.code.lang, problem.code.body), '');
  });

  out.push('## 学び');
  const learnings = random.sample([...topic.learnings, ...side.learnings], Math.max(2, Math.round(5 * size)));
  out.push(...learnings.map(([term, text]) => `- **${term}**: ${text}`), '');

  out.push('## 振り返り', '', random.sample(reflections, Math.max(2, Math.round(4 * size))).join(''), '');

  out.push('## 次のステップ', '');
  const steps = random.sample([...topic.nextSteps, ...side.nextSteps], 6);
  let planned = 0;
  for (const [heading, from, to] of [['今日中', 0, 2], ['今週中', 2, 4], ['来週', 4, 6]] as const) {
    const chosen = steps.slice(from, random.chance(0.3) ? from + 1 : to);
    if (chosen.length === 0) continue;
    out.push(`### ${heading}`);
    for (const step of chosen) {
      out.push(`- [ ] ${step.title}`, ...step.details.map((detail) => `  - ${detail}`));
      planned++;
    }
    out.push('');
  }

  out.push('## 参考資料', ...random.sample([...topic.references, ...side.references], 3).map((ref) => `- [${ref.title}](${ref.url})`), '');

  const total = random.chance(0.3) ? `（累計 ${(studyMinutes / 60 + random.int(20, 400)).toFixed(1)}h）` : '';
  out.push(
    '---',
    `**学習時間**: ${compactDuration(studyMinutes)}${total}`,
    `**完了した目標**: ${done}件`,
    `**解決した問題**: ${problems.length}件`,
    `**計画したタスク**: ${planned}件`,
  );
  return `${out.join('\n')}\n`;
}

import { readFileSync } from 'node:fs';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseLog, remarkNisshi } from '../../src/index.ts';
import { fixtureText } from './helpers.ts';

function viaPlugin(text: string, path: string, options?: Parameters<typeof remarkNisshi>[0]) {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkNisshi, options);
  const file = new VFile({ value: text, path });
  processor.runSync(processor.parse(file), file);
  return file.data.nisshi!;
}

describe('remarkNisshi in a plain remark pipeline', () => {
  it('puts the same record on file.data as parseLog returns', () => {
    const path = 'logs/2025-08-03.md';
    const text = readFileSync(new URL('../../logs/2025-08-03.md', import.meta.url), 'utf8');
    expect(viaPlugin(text, path)).toEqual(parseLog(text, { path }));
  });

  it('ignores what a pipeline without remark-frontmatter made of the YAML', () => {
    const text = fixtureText('dates/frontmatter-wins.md');
    const record = viaPlugin(text, 'logs/x.md');
    expect(record).toMatchObject({ date: '2025-08-03', dateSource: 'frontmatter', title: '見出しより前付けが優先' });
    expect(record).toEqual(parseLog(text, { path: 'logs/x.md' }));
  });

  it('takes a vocabulary of the writer\'s own headings', () => {
    const text = '# 2025-08-03\n\n## やりたいこと\n- 筋トレ\n\n## 目標\n- 目標ではなくなる\n';
    const record = viaPlugin(text, 'logs/x.md', { vocabulary: { sections: { goals: ['やりたいこと'], plans: [], learnings: [], references: [], studyTime: [], studyTotal: [], work: [] } } });
    expect(record.goals.map((goal) => goal.text)).toEqual(['筋トレ']);
    expect(parseLog(text, { path: 'x.md', vocabulary: { sections: { goals: ['やりたいこと'], plans: [], learnings: [], references: [], studyTime: [], studyTotal: [], work: [] } } }).goals).toHaveLength(1);
  });
});

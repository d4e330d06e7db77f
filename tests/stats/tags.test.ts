/** tagSummaries: each tag's logs, days, hours, last use and months. */
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/parse/parse-log.ts';
import { tagSummaries } from '../../src/stats/tags.ts';

const log = (date: string, tags: string[], time: string) => parseLog(`---\ntags: [${tags.join(', ')}]\n---\n# ${date}\n\n**学習時間**: ${time}\n`, { path: `logs/${date}.md` });

describe('tagSummaries', () => {
  it('sums each tag\'s days and hours, month by month, most recently used first', () => {
    const summaries = tagSummaries([log('2025-07-30', ['aws'], '1時間'), log('2025-08-02', ['aws', 'go'], '約2時間'), log('2025-08-02', ['aws'], '30分'), log('2025-06-01', ['rust'], '3時間')]);
    expect(summaries.map((summary) => summary.tag)).toEqual(['aws', 'go', 'rust']);
    expect(summaries[0]).toEqual({
      tag: 'aws', logs: 3, days: 2, minutes: 210, approximate: true, lastUsed: '2025-08-02',
      months: [{ month: '2025-07', minutes: 60, approximate: false, logs: 1 }, { month: '2025-08', minutes: 150, approximate: true, logs: 2 }],
    });
  });
});

/** The weekly target of src/site.config.ts (600 minutes) on the built dashboard and year page. */
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { siteSettings } from '../../src/site.config.ts';

const dist = inject('siteDir');
const read = (path: string) => readFile(`${dist}/${path}`, 'utf8');

describe('the weekly target', () => {
  it('is in the settings the site was built with', () => {
    expect(siteSettings.targets?.weeklyMinutes).toBe(600);
  });

  it('shows this week\'s progress on the dashboard and a target line on the weekly chart', async () => {
    const page = await read('index.html');
    expect(page).toMatch(/<span class="value">[\d.]+ \/ 10 時間<\/span>/);
    expect(page).toMatch(/<progress[^>]*max="600"/);
    expect(page).toContain('目標（週10時間）');
    expect(page).toMatch(/線は目標の週10時間で、達成した週は\d+週。/);
  });

  it('lists on the year page the weeks that met it', async () => {
    const page = await read('logs/2025/index.html');
    expect(page).toContain('目標（週10時間）を達成した週');
    expect(page).toMatch(/\d+週のうち\d+週。/);
  });
});

describe('two logs of one date', () => {
  it('each page names the other and says the day\'s time is their sum; previous and next skip to other dates', async () => {
    for (const [slug, other] of [['2025-08-05', '2025-08-05-evening'], ['2025-08-05-evening', '2025-08-05']]) {
      const page = await read(`logs/${slug}/index.html`);
      expect(page).toContain('この日のログは2件あります');
      expect(page).toContain(`href="/logs/${other}/"`);
      expect(page).toContain('学習時間 3.5時間');
      expect(page).toMatch(/rel="prev" href="\/logs\/2025-08-04\/"/);
      expect(page).toMatch(/rel="next" href="\/logs\/2025-08-06\/"/);
    }
  });
});

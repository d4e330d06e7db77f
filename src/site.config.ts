/**
 * Site settings: the one file to edit. The CLI (`nisshi check`, `parse`,
 * `new`, `deploy`), astro.config.mjs, the content loader and the pages all
 * read these values, validated by src/settings/settings.ts when anything
 * starts: a bad value stops it with a message naming the field.
 * Some can be set through the environment variables named beside them.
 */
import { parseSettings, type Settings, type SettingsInput } from './settings/settings.ts';

export type SiteSettings = Settings;

export const settingsInput: SettingsInput = {
  title: process.env.NISSHI_TITLE ?? '日誌 — 学習ログ',
  description: '毎日の学習ログと進捗',
  site: process.env.NISSHI_SITE_URL ?? 'https://example.com',
  timezone: 'Asia/Tokyo',
  weekStart: 'monday',
  locale: 'ja',
  logsDir: process.env.NISSHI_LOGS_DIR ?? 'logs',
  allowRawHtml: false,
  maxLogBytes: 1024 * 1024,
  maxNesting: 100,
  publicFrontmatter: [],
  // vocabulary: { sections: { goals: ['やりたいこと'] } },
  // cacheRules: [{ pattern: '_astro/**', cacheControl: 'public, max-age=31536000, immutable' }, { pattern: '**', cacheControl: 'public, max-age=0, must-revalidate' }],
};

export const siteSettings: SiteSettings = parseSettings(settingsInput);

/**
 * Site settings: the one file to edit. The CLI (`nisshi check`, `parse`,
 * `new`, `deploy`), astro.config.mjs, the content loader and the pages all
 * read these values, validated by src/settings/settings.ts when anything
 * starts: a bad value stops it with a message naming the field (values that
 * were valid before are remembered as validated: src/site/validated-settings.ts).
 * Some can be set through the environment variables named beside them.
 */
import type { Settings, SettingsInput } from './settings/settings.ts';
import { validatedSettings } from './site/validated-settings.ts';

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
  // 一日の始まり: これより前の時刻は前日として数えます（nisshi new、ダッシュボードの今日、連続日数、今週の進み具合）。
  dayStartsAt: '00:00',
  // 目標: 週あたりの学習時間（分）。ダッシュボード、年のページ、nisshi status に出ます。
  targets: { weeklyMinutes: 600 },
  // 持ち越し: 期限（最後に書いた日の期限）から maxAgeDays 日を過ぎた計画は持ち越さずバックログへ。
  // nisshi new が書くのは新しい順に maxItems 件と、最近書いた順に継続中の問題 maxProblems 件まで（残りは nisshi status --all）。
  carryOver: { maxAgeDays: 14, maxItems: 15, maxProblems: 10 },
  // 非公開にする見出し（見出しの末尾が 🔒 の節も非公開）。
  // privateHeadings: ['非公開', 'private'],
  maxLogBytes: 1024 * 1024,
  maxNesting: 100,
  publicFrontmatter: [],
  // vocabulary: { sections: { goals: ['やりたいこと'] } },
  // cacheRules: [{ pattern: '_astro/**', cacheControl: 'public, max-age=31536000, immutable' }, { pattern: '**', cacheControl: 'public, max-age=0, must-revalidate' }],
};

export const siteSettings: SiteSettings = await validatedSettings(settingsInput);

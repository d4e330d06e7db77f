import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests, and the site tests that build the Astro site once (global setup) and drive Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // The tests written before the message catalogue read nisshi's English messages; the tests of the
          // catalogue set NISSHI_LANG themselves (ja, en, and unset for the Japanese default).
          env: { NISSHI_LANG: 'en' },
          include: ['tests/**/*.test.ts'],
          // Some unit tests do real work (hundreds of logs, worker threads); on a loaded 2-core CI machine 5 s is too tight a ceiling.
          testTimeout: 30_000,
          exclude: ['tests/site/**', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'site',
          env: { NISSHI_LANG: 'en' },
          include: ['tests/site/**/*.test.ts'],
          globalSetup: ['tests/site/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

/**
 * Lint: only what keeps the site safe from the writer's text. Every regular
 * expression in src/ and scripts/ must run in time linear in its input
 * (issue 9: one pasted line of spaces must never hang a build), so
 * eslint-plugin-regexp's two backtracking rules are errors. They report
 * "potential" cases too, and patterns used as parts of others: a log line can
 * be a megabyte long, and a pattern that is only quadratic still hangs a build.
 * Sticky (`y`) patterns cannot move, so no-super-linear-move leaves them alone
 * (the rule's default); the scanner that calls them (src/parse/quantity.ts)
 * tries each run of digits once, and the fuzz test in tests/parser covers it.
 *
 * Patterns built at run time from the writer's vocabulary are out of a
 * linter's sight: tests/lint/regex-safety.test.ts analyses those as built.
 */
import regexp from 'eslint-plugin-regexp';
import * as stripTypesParser from './scripts/lint/strip-types-parser.js';

export default [
  { ignores: ['dist/**', 'node_modules/**', '.astro/**', 'test-artifacts/**'] },
  {
    files: ['src/**/*.{ts,js,mjs}', 'scripts/**/*.{ts,js,mjs}', '*.{js,mjs}'],
    languageOptions: { parser: stripTypesParser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
      'regexp/no-super-linear-move': ['error', { report: 'potential', ignorePartial: false }],
    },
  },
];

/**
 * The shape of nisshi's settings, validated with zod when anything starts
 * (the CLI, astro.config.mjs, the content collection): one bad value stops
 * everything at once with a message naming the field and what to write,
 * instead of a wrong page or a crash deep in a build.
 *
 * The values live in src/site.config.ts, the one file a writer edits. Only
 * the edges (CLI commands, astro.config.mjs, content.config.ts, the pages)
 * read it; pure modules (parse, stats, render, deploy planning) receive the
 * settings they need as arguments.
 */
import { z } from 'zod';
import type { VocabularyOverrides } from '../parse/vocabulary.ts';
import { NESTING_CEILING } from '../parse/limits.ts';
import { messageLanguage, messages, type MessageLanguage, type SettingsIssue } from '../record/messages.ts';
import { SettingsError } from './settings-error.ts';

/** The schema's own messages are the catalogue's English ones; parseSettings says them in the writer's language. */
const issue = messages('en').settingsIssue;

const words = z.array(z.string().min(1));

const horizonSchema = z.enum(['today', 'tomorrow', 'weekend', 'this-week', 'next-week', 'this-month', 'next-month', 'someday']);

/** A writer's own words for parts of a log, over nisshi's defaults (lists replace the default lists). */
const vocabularySchema = z
  .object({
    sections: z.object({
      goals: words, work: words, plans: words, learnings: words, references: words, studyTime: words, studyTotal: words, problems: words, regrets: words,
    }).partial(),
    horizons: z.array(z.object({ horizon: horizonSchema, words })),
    problemWords: words,
    problemParts: z.object({ current: words, impact: words, cause: words, solution: words, notes: words }).partial(),
    failureWords: words,
    noneWords: words,
    metrics: z.object({
      studyMinutes: words, studyTotalMinutes: words, problemsFound: words, tasksPlanned: words, tasksDone: words,
    }).partial(),
    todayWords: words,
    notTodayWords: words,
    totalWords: words,
    periodWords: words,
    timeKinds: z.object({ plan: words, difference: words, actual: words, sum: words }).partial(),
    studyTimeKeys: words,
    reflectionHeadings: words,
    reviewHeadings: words,
    droppedWords: words,
    carriedHeadings: words,
    continuingHeadings: words,
  })
  .partial()
  .strict();

const cacheRuleSchema = z.object({
  pattern: z.string().min(1),
  cacheControl: z.string().min(1),
}).strict();

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

function isAbsoluteUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

export const settingsSchema = z
  .object({
    title: z.string().min(1).meta({ description: 'Shown in the header, the <title> of every page and the feed.' }),
    description: z.string(),
    site: z.string().refine(isAbsoluteUrl, issue.site)
      .meta({ description: 'Absolute URL the site is served from, for the feed, the sitemap and canonical links.' }),
    timezone: z.string().refine(isTimeZone, issue.timezone)
      .meta({ description: 'Dates are the writer\'s: "today" (the site\'s and `nisshi new`\'s), weeks and streaks are counted in this time zone.' }),
    weekStart: z.enum(['monday', 'sunday']).meta({ description: 'The first day of a week for weekly totals and plan due dates.' }),
    locale: z.string().refine(isLocale, issue.locale).meta({ description: 'The site\'s language (html lang, feed).' }),
    logsDir: z.string().min(1, issue.logsDir)
      .meta({ description: 'Folder holding the logs, relative to the project root: the site\'s, and `nisshi check`\'s and `nisshi new`\'s default.' }),
    allowRawHtml: z.boolean().meta({ description: 'Let raw HTML in logs through unsanitised. Off: no <script>, on* attributes or javascript: URLs reach the site.' }),
    vocabulary: vocabularySchema.optional()
      .meta({ description: 'Heading names and labels, where the writer\'s differ from nisshi\'s defaults: read alike by the CLI and the site.' }),
    privateHeadings: z.array(z.string().min(1)).optional()
      .meta({ description: 'Headings whose section is private (kept off the site, like a heading ending with 🔒); default 非公開, private.' }),
    dayStartsAt: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, issue.dayStartsAt).optional()
      .meta({ description: 'When the writer\'s day starts (default 00:00): before it, `nisshi new`, the dashboard\'s today, streaks and the week\'s progress count the previous day.' }),
    targets: z.object({
      weeklyMinutes: z.number().int(issue.wholeMinutes).positive(issue.positiveMinutes).max(7 * 24 * 60, issue.weekMinutes)
        .meta({ description: 'Study minutes a week the writer aims for, e.g. 600 for 10 hours.' }),
    }).strict().optional()
      .meta({ description: 'Goals shown on the dashboard, the year pages and by `nisshi status`.' }),
    carryOver: z.object({
      maxAgeDays: z.number().int().min(0).max(3650)
        .meta({ description: 'Days after its due date (its last writing\'s) a plan, or a task left open, is still carried over; older ones go to the backlog as stale (default 14).' }),
      maxItems: z.number().int().min(0).max(1000)
        .meta({ description: 'Carried plans and tasks `nisshi new` lists in a new log, newest first (default 15).' }),
      maxProblems: z.number().int().min(0).max(1000)
        .meta({ description: 'Continuing problems `nisshi new` lists in a new log, most recently written first (default 10).' }),
    }).partial().strict().optional()
      .meta({ description: 'How much `nisshi new` carries over: what is left out is counted in one line and listed by `nisshi status --all`.' }),
    maxLogBytes: z.number().int().min(1).optional()
      .meta({ description: 'Largest log nisshi reads, in bytes (default 1 MiB); a larger one is an error, not parsed.' }),
    maxNesting: z.number().int().min(1).max(NESTING_CEILING).optional()
      .meta({ description: `Deepest nesting of quotes, lists and inline marks in a log (default 100, at most ${NESTING_CEILING}); deeper is an error.` }),
    publicFrontmatter: z.array(z.string().min(1)).optional()
      .meta({ description: 'Frontmatter keys, besides the ones nisshi reads, that may appear on the site (/data/logs/<year>.json). Default none.' }),
    cacheRules: z.array(cacheRuleSchema).optional()
      .meta({ description: 'Cache-Control per site path for `nisshi deploy`, first match wins; default: hashed assets immutable, everything else revalidated.' }),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

// The settings' vocabulary must stay something the parser takes.
type Assignable<T extends U, U> = T;
export type VocabularyFits = Assignable<NonNullable<Settings['vocabulary']>, VocabularyOverrides>;

export { SettingsError };

/**
 * Validates settings; throws a SettingsError naming each bad field, its value
 * and what to write instead, in the writer's language: NISSHI_LANG, else the
 * `locale` the settings give (even when another field is wrong), else Japanese.
 */
export function parseSettings(input: unknown, source = 'src/site.config.ts'): Settings {
  const result = settingsSchema.safeParse(input);
  if (result.success) return result.data;
  const locale = input !== null && typeof input === 'object' && typeof (input as { locale?: unknown }).locale === 'string' ? (input as { locale: string }).locale : undefined;
  const language = messageLanguage(locale);
  const say = messages(language);
  const line = (path: readonly PropertyKey[], text: string, value: unknown): string => {
    const field = path.map(String).join('.') || '(settings)';
    return `  ${field}${value === undefined ? '' : say.settingsValue(JSON.stringify(value))}: ${text}`;
  };
  const lines = result.error.issues.flatMap((found) =>
    // An unknown key is named on a line of its own, with its value (not the whole object around it).
    found.code === 'unrecognized_keys'
      ? found.keys.map((key) => line([...found.path, key], say.settingsUnknownKey, valueAt(input, [...found.path, key])))
      : [line(found.path, issueText(found, valueAt(input, found.path), language), valueAt(input, found.path))],
  );
  throw new SettingsError(`${say.settingsHeader(source, lines.length)}\n${lines.join('\n')}`, language);
}

const issueNames = new Map(Object.entries(issue).map(([name, text]) => [text, name as SettingsIssue]));

/** One zod issue in the writer's words: the schema's own message from the catalogue, zod's kinds of issue said plainly. */
function issueText(found: z.core.$ZodIssue, value: unknown, language: MessageLanguage): string {
  const say = messages(language);
  const named = issueNames.get(found.message);
  if (named) return say.settingsIssue[named];
  const quote = (values: readonly unknown[]): string => values.map((value) => JSON.stringify(value)).join(', ');
  switch (found.code) {
    case 'invalid_type':
      return say.settingsType(found.expected, receivedType(value));
    case 'invalid_value':
      return say.settingsChoice(quote(found.values));
    case 'too_small':
      return say.settingsTooSmall(String(found.minimum), found.origin);
    case 'too_big':
      return say.settingsTooBig(String(found.maximum), found.origin);
    default:
      return say.settingsInvalid;
  }
}

function receivedType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

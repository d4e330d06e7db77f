/**
 * When a plan is due, in the order the site lists them: the one list that
 * the record's schema (schema.ts) and the statistics (stats/plan-chains.ts)
 * both read. Apart from the schema so that a command that only counts plans
 * does not build every zod schema of a record to know them.
 */
export const HORIZONS = ['today', 'tomorrow', 'this-week', 'weekend', 'next-week', 'this-month', 'next-month', 'someday', 'later'] as const;

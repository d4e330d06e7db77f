/**
 * Deterministic generator of realistic Japanese daily study logs, for the
 * benchmarks and for tests that need many logs: the sample's layout plus the
 * variants other writers use (frontmatter and task lists, terse ✅/❌ days).
 * Same count, seed and start date → byte-identical logs, on every machine.
 *
 *   npm run generate-logs -- --count 3650 --out bench-out/logs [--seed 1] [--start 2016-01-01] [--layout flat|nested]
 *
 * (through npm, which runs it on the Node 24 that npm ci installs: the machine's
 * Node 20 cannot run a .ts file)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { dayFromUtc, pad, type Day } from './log-generator/format.ts';
import { Random } from './log-generator/random.ts';
import { renderSampleStyle, type StyleInput } from './log-generator/style-sample.ts';
import { renderTaskStyle } from './log-generator/style-tasks.ts';
import { renderTerseStyle } from './log-generator/style-terse.ts';
import { backendTopics } from './log-generator/topics-backend.ts';
import { frontendTopics } from './log-generator/topics-frontend.ts';
import type { Topic } from './log-generator/topic.ts';

export interface GenerateOptions {
  seed?: number;
  /** First day, YYYY-MM-DD; one log per consecutive day from here. */
  startDate?: string;
  /** `flat`: 2025-08-03.md; `nested`: 2025/08/03.md. */
  layout?: 'flat' | 'nested';
}

export interface GeneratedLog {
  /** Relative path with `/`, e.g. `2025-08-03.md`. */
  path: string;
  text: string;
}

const topics: readonly Topic[] = [...backendTopics, ...frontendTopics];
const styles = {
  sample: renderSampleStyle,
  tasks: renderTaskStyle,
  terse: renderTerseStyle,
} satisfies Record<string, (input: StyleInput) => string>;
const styleWeights = { sample: 6, tasks: 3, terse: 1 };

const DAY_MS = 86_400_000;

export function generateLogs(count: number, options: GenerateOptions = {}): GeneratedLog[] {
  const { seed = 1, startDate = '2016-01-01', layout = 'flat' } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number ≥ 0, not ${count}`);
  const start = Date.parse(`${startDate}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || Number.isNaN(start)) {
    throw new RangeError(`startDate must be YYYY-MM-DD, not "${startDate}"`);
  }
  const logs: GeneratedLog[] = [];
  for (let index = 0; index < count; index++) {
    const day = dayFromUtc(new Date(start + index * DAY_MS));
    logs.push({ path: logPath(day, layout), text: generateLog(day, index, seed) });
  }
  return logs;
}

function logPath(day: Day, layout: 'flat' | 'nested'): string {
  return layout === 'nested' ? `${day.year}/${pad(day.month)}/${pad(day.day)}.md` : `${day.iso}.md`;
}

/** Each day has its own random stream, so a log does not change when `count` does. */
function generateLog(day: Day, index: number, seed: number): string {
  const random = new Random(mix(seed, index));
  // A writer stays on one subject for about a week.
  const weekly = new Random(mix(seed, 1_000_000 + Math.floor(index / 7)));
  const topic = weekly.pick(topics);
  const side = random.pick(topics.filter((candidate) => candidate !== topic));
  const size = Math.min(2.4, Math.max(0.4, 1.45 * Math.exp(0.3 * normal(random))));
  const studyMinutes = 15 * Math.max(2, Math.min(24, Math.round((size * 120 + random.int(-30, 60)) / 15)));
  const style = styles[random.weighted(styleWeights)];
  return style({ day, random, topic, side, size, studyMinutes });
}

function mix(seed: number, index: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
}

/** Standard normal by Box–Muller. */
function normal(random: Random): number {
  const u = 1 - random.float();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.float());
}

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '365' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      start: { type: 'string', default: '2016-01-01' },
      layout: { type: 'string', default: 'flat' },
    },
  });
  if (!values.out) throw new Error('give --out DIR, the folder to write the logs to');
  if (values.layout !== 'flat' && values.layout !== 'nested') throw new Error('--layout must be flat or nested');
  const logs = generateLogs(Number(values.count), {
    seed: Number(values.seed),
    startDate: values.start,
    layout: values.layout,
  });
  let bytes = 0;
  for (const log of logs) {
    const target = path.join(values.out, log.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, log.text);
    bytes += Buffer.byteLength(log.text);
  }
  process.stdout.write(`wrote ${logs.length} logs (${(bytes / 1e6).toFixed(1)} MB) to ${values.out}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await cli();
  } catch (error) {
    process.stderr.write(`generate-logs: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}

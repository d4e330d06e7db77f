import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseLog, type LogRecord } from '../../src/index.ts';

const fixtures = fileURLToPath(new URL('../fixtures/parser/', import.meta.url));

export function fixtureText(name: string): string {
  return readFileSync(fixtures + name, 'utf8');
}

/** Parse a fixture as if it were the log at `path` (default: its own name under logs/). */
export function parseFixture(name: string, path = `logs/${name}`): LogRecord {
  return parseLog(fixtureText(name), { path });
}

export function rules(record: LogRecord): string[] {
  return record.diagnostics.map((diagnostic) => diagnostic.rule);
}

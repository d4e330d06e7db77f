/**
 * Writes schema/log-record.schema.json, the JSON Schema of the records that
 * `nisshi parse` prints, generated from the zod schema so the two cannot drift
 * (tests/cli/json-schema.test.ts fails when the committed file is stale).
 *
 *   npm run schema
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { logRecordSchema } from '../src/record/schema.ts';

export const jsonSchemaPath = fileURLToPath(new URL('../schema/log-record.schema.json', import.meta.url));

export function logRecordJsonSchemaText(): string {
  const { $schema, ...shape } = z.toJSONSchema(logRecordSchema);
  const schema = {
    $schema,
    title: 'nisshi log record',
    description: 'One parsed daily log, as printed by `nisshi parse`. Generated from src/record/schema.ts by `npm run schema`.',
    ...shape,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(jsonSchemaPath, logRecordJsonSchemaText());
  process.stdout.write(`wrote ${jsonSchemaPath}\n`);
}

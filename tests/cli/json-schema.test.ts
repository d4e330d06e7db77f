import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { logRecordSchema } from '../../src/record/schema.ts';
import { jsonSchemaPath, logRecordJsonSchemaText } from '../../scripts/write-json-schema.ts';
import { parseLog } from '../../src/index.ts';
import { logTemplate } from '../../src/cli/template.ts';

describe('schema/log-record.schema.json', () => {
  it('is what src/record/schema.ts generates now (run `npm run schema` after changing the schema)', async () => {
    const committed = await readFile(jsonSchemaPath, 'utf8');
    expect(committed, 'schema/log-record.schema.json is stale: run npm run schema and commit it').toBe(
      logRecordJsonSchemaText(),
    );
  });

  it('describes the record: its required keys are the zod schema’s', () => {
    const schema = JSON.parse(logRecordJsonSchemaText()) as { required: string[]; properties: Record<string, unknown> };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(logRecordSchema.shape).sort());
    expect(schema.required).toContain('diagnostics');
    // A record from the parser is one the zod schema accepts.
    expect(() => logRecordSchema.parse(parseLog(logTemplate('2025-08-03'), { path: 'logs/2025-08-03.md' }))).not.toThrow();
  });

  it('documents every field, and names the part of the parser that fills each top-level one', () => {
    interface Node { description?: string; properties?: Record<string, Node>; items?: Node; anyOf?: Node[] }
    const schema = JSON.parse(logRecordJsonSchemaText()) as Node;
    const undocumented: string[] = [];
    const visit = (node: Node, where: string): void => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        const described = child.description ?? child.items?.description ?? child.anyOf?.find((branch) => branch.description)?.description;
        if (!described) undocumented.push(`${where}${key}`);
        visit(child, `${where}${key}.`);
        if (child.items) visit(child.items, `${where}${key}[].`);
      }
    };
    visit(schema, '');
    expect(undocumented).toEqual([]);
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      const described = child.description ?? child.items?.description ?? '';
      expect(described, key).toMatch(/src\/(?:parse|record)\/[\w/.-]+\.ts/);
    }
  });
});

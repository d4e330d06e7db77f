/**
 * The floor of the small-log bench: a process of its own that reads every
 * `*.md` below a folder and parses it with remark-parse + remark-gfm, nothing
 * more. `nisshi parse` and `nisshi check` are measured against it.
 *
 *   node scripts/bench/floor-remark.ts <folder>
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const root = process.argv[2];
if (!root) throw new Error('give the folder of logs');
const processor = unified().use(remarkParse).use(remarkGfm);
let nodes = 0;
for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
  nodes += processor.parse(readFileSync(path.join(entry.parentPath, entry.name), 'utf8')).children.length;
}
process.stdout.write(`${nodes}\n`);

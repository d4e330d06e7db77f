/** File name → its path in the writer's repository, from a corpus folder's SOURCES.md table (| file | repo | path | … |). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function sourcePaths(folder: string): Map<string, string> {
  const sources = path.join(folder, 'SOURCES.md');
  const paths = new Map<string, string>();
  if (!existsSync(sources)) return paths;
  for (const row of readFileSync(sources, 'utf8').split('\n')) {
    const cells = row.split('|').map((cell) => cell.trim());
    if (cells.length > 4 && cells[1]?.endsWith('.md') && cells[3]?.endsWith('.md')) paths.set(cells[1], cells[3]);
  }
  return paths;
}

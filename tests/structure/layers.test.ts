/**
 * The layers of src/ point one way:
 *
 *   cli → pages → layouts/client → components | integrations → loader | deploy | site (+ site.config) | cards
 *       → lsp → record-index → editor → settings | files | search | edit → stats | render → check → parse → record | threads
 *
 * A module may import from its own layer or from any layer below it, never
 * from a layer above, nor from a sibling on the same level (loader, deploy and
 * site know nothing of each other; nor do stats and render). This test reads
 * every import statement of src/** and fails on one that breaks the rule,
 * or on a file that belongs to no layer (so a new folder must say where it sits).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../../src/', import.meta.url));

/** Layer name and level; the first rule whose prefix matches a path (relative to src/) wins. */
const layers: ReadonlyArray<{ prefix: string; layer: string; level: number }> = [
  { prefix: 'record/', layer: 'record', level: 0 },
  { prefix: 'styles/', layer: 'styles', level: 0 },
  // Worker threads by request (ThreadPool, answerRequests): Node's alone, under every layer that runs work on threads.
  { prefix: 'threads/', layer: 'threads', level: 0 },
  { prefix: 'user-error.ts', layer: 'record', level: 0 },
  { prefix: 'parse/', layer: 'parse', level: 1 },
  // What `nisshi check` reports, pure over records: shared by `check` and the language server.
  { prefix: 'check/', layer: 'check', level: 1.5 },
  { prefix: 'index.ts', layer: 'parse', level: 1 },
  { prefix: 'stats/', layer: 'stats', level: 2 },
  { prefix: 'render/', layer: 'render', level: 2 },
  { prefix: 'settings/', layer: 'settings', level: 3 },
  { prefix: 'files/', layer: 'files', level: 3 },
  // The editor's answers (hover text, completions, symbols, code action edits), pure over records and text.
  { prefix: 'editor/', layer: 'editor', level: 3.2 },
  { prefix: 'record-index/', layer: 'record-index', level: 3.5 },
  // The search index: built after the site, read by the search page, its layout known to the output reuse and the deploy.
  { prefix: 'search/', layer: 'search', level: 3 },
  // Edits nisshi writes into a log (text in, text edit out), for the CLI and the language server.
  { prefix: 'edit/', layer: 'edit', level: 3 },
  { prefix: 'loader/', layer: 'loader', level: 4 },
  { prefix: 'deploy/', layer: 'deploy', level: 4 },
  { prefix: 'site/', layer: 'site', level: 4 },
  { prefix: 'cards/', layer: 'cards', level: 4 },
  // The language server's protocol plumbing over the editor's answers and the record index.
  { prefix: 'lsp/', layer: 'lsp', level: 4.5 },
  { prefix: 'site.config.ts', layer: 'site', level: 4 },
  { prefix: 'components/', layer: 'components', level: 5 },
  // Build plumbing (Astro integrations, for astro.config.mjs): may use the loader and files, never the pages.
  { prefix: 'integrations/', layer: 'integrations', level: 5 },
  { prefix: 'layouts/', layer: 'layouts', level: 6 },
  // Code that runs in the browser (bundled by Astro from the pages' <script> tags).
  { prefix: 'client/', layer: 'client', level: 6 },
  { prefix: 'pages/', layer: 'pages', level: 7 },
  { prefix: 'content.config.ts', layer: 'pages', level: 7 },
  { prefix: 'cli/', layer: 'cli', level: 8 },
];

function layerOf(relative: string): { layer: string; level: number } | undefined {
  return layers.find((rule) => relative === rule.prefix || relative.startsWith(rule.prefix));
}

/** Every `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')` of a file, relative ones only. */
function relativeImports(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s[^;]*?\sfrom\s+['"](\.{1,2}\/[^'"]+)['"]/gm,
    /^\s*import\s+['"](\.{1,2}\/[^'"]+)['"]/gm,
    /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]!);
  return found;
}

function check(sources: ReadonlyMap<string, string>): { violations: string[]; imports: number } {
  const violations: string[] = [];
  let imports = 0;
  for (const [file, source] of sources) {
    const from = layerOf(file);
    if (!from) continue; // reported by the test that every file has a layer
    for (const specifier of relativeImports(source)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      if (target.startsWith('../')) continue; // package.json and the like, outside src/
      imports++;
      const to = layerOf(target);
      if (!to) {
        violations.push(`${file} imports ${specifier}, which is in no layer`);
      } else if (to.layer !== from.layer && to.level >= from.level) {
        violations.push(`${file} (${from.layer}) imports ${target} (${to.layer}): a ${to.level > from.level ? 'higher' : 'sibling'} layer`);
      }
    }
  }
  return { violations, imports };
}

const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
  .map((name) => name.split(path.sep).join('/'))
  .filter((name) => /\.(?:ts|mts|js|mjs|astro)$/.test(name))
  .sort();

describe('the layers of src/', () => {
  it('finds the imports of a file, static and dynamic', () => {
    const source = "import { a } from '../parse/a.ts';\nimport type {\n  B,\n} from './b.ts';\nexport * from '../record/schema.ts';\nconst c = await import('../site.config.ts');\nimport 'node:fs';\n";
    expect(relativeImports(source)).toEqual(['../parse/a.ts', './b.ts', '../record/schema.ts', '../site.config.ts']);
  });

  it('puts every file of src/ in a layer', () => {
    expect(files.length).toBeGreaterThan(80);
    expect(files.filter((file) => layerOf(file) === undefined)).toEqual([]);
  });

  it('catches an import that points up or sideways', () => {
    const { violations } = check(new Map([
      ['parse/a.ts', "import { b } from '../loader/b.ts';"],
      ['loader/b.ts', "import { c } from '../deploy/c.ts';\nimport { d } from '../parse/a.ts';"],
      ['deploy/c.ts', "import { e } from '../nowhere/e.ts';"],
    ]));
    expect(violations).toEqual([
      'parse/a.ts (parse) imports loader/b.ts (loader): a higher layer',
      'loader/b.ts (loader) imports deploy/c.ts (deploy): a sibling layer',
      'deploy/c.ts imports ../nowhere/e.ts, which is in no layer',
    ]);
  });

  it('has no import from a higher layer or a sibling layer', () => {
    const sources = new Map(files.map((file) => [file, readFileSync(path.join(srcDir, file), 'utf8')]));
    const { violations, imports } = check(sources);
    expect(imports).toBeGreaterThan(200);
    expect(violations).toEqual([]);
  });
});

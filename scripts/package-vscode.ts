/**
 * `npm run package:vscode [-- OUT_DIR]`: the VS Code extension of
 * editors/vscode bundled with esbuild (vscode-languageclient inside, `vscode`
 * left to the editor) and packaged to a .vsix with @vscode/vsce, offline.
 * Works in a copy of the folder, so the source tree is left as it was.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Packages the extension; returns the .vsix's path. */
export async function packageVscode(outDir = path.join(root, 'editors', 'vscode')): Promise<string> {
  const work = mkdtempSync(path.join(tmpdir(), 'nisshi-vscode-'));
  try {
    cpSync(path.join(root, 'editors', 'vscode'), work, { recursive: true, filter: (source) => !source.endsWith('.vsix') && !source.includes(`${path.sep}out${path.sep}`) });
    await build({
      entryPoints: [path.join(work, 'src', 'extension.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      outfile: path.join(work, 'out', 'extension.js'),
      // Resolved from the project's node_modules: the extension folder has none of its own.
      nodePaths: [path.join(root, 'node_modules')],
      logLevel: 'warning',
    });
    const vsix = path.join(outDir, 'nisshi-vscode.vsix');
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    const run = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: work, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`vsce package failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
    return vsix;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const vsix = await packageVscode(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  process.stdout.write(`${vsix}\n`);
}

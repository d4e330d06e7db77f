/**
 * No dependency is patched: what the lock file names is what runs.
 *
 * nisshi once patched Astro's content-store files (patch-package after
 * `npm ci`, `git apply` in CI). The patch fell behind the next Astro release
 * and patch-package drops a patch that no longer applies with exit code 0,
 * so an `npm update` would have changed the build without a word. Speed now
 * comes through Astro's public APIs only. This test fails when a patch comes
 * back in any of the ways one is applied: a patches/ folder, a patch tool
 * among the dependencies, an install script, a patch step in CI — and, for
 * the packages whose internals were patched before, when an installed file
 * differs from the one the package's tarball ships (the tarball npm verified
 * against the lock file's integrity and keeps in its cache).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
};
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; integrity?: string }>;
};

/** Packages whose installed files are compared with their tarball: the ones nisshi patched before. */
const CHECKED_PACKAGES = ['astro'];
/** Tools whose only purpose is to change installed packages' files. */
const PATCH_TOOLS = ['patch-package', 'patch-package-fork', 'custompatch', '@pnpm/patch-package', 'patchwork'];
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];
/** A command that patches files (git apply, patch-package, patch) or writes into an installed package (Astro's cache folder aside). */
const PATCH_COMMAND =
  /\bgit\s+apply\b|\bpatch-package\b|(?:^|[\s;&|(])patch\s+(?:-p\d|<)|(?:\bsed\s+-i\b|>|\bcp\b|\bmv\b|\btee\b)[^\n;&|]*\bnode_modules\/(?!\.astro\/|\.bin\/)/m;

/** Every file below a folder, relative to it with '/', the folder `skip` left out. */
function filesBelow(folder: string, skip: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith(skip))
    .sort();
}

/** Where npm's cache keeps a tarball by its integrity (cacache's content address). */
function cachedTarball(integrity: string): string {
  const [algorithm, digest] = integrity.split('-', 2) as [string, string];
  const hex = Buffer.from(digest, 'base64').toString('hex');
  const cache = process.env.npm_config_cache ?? path.join(os.homedir(), '.npm');
  return path.join(cache, '_cacache', 'content-v2', algorithm, hex.slice(0, 2), hex.slice(2, 4), hex.slice(4));
}

describe('no patched dependency', () => {
  it('has no patches/ folder', () => {
    expect(existsSync(path.join(root, 'patches'))).toBe(false);
  });

  it('has no patch tool among the dependencies, and no patchedDependencies', () => {
    const all = { ...packageJson.dependencies, ...packageJson.devDependencies };
    expect(PATCH_TOOLS.filter((tool) => tool in all)).toEqual([]);
    expect(Object.keys(lock.packages).filter((name) => PATCH_TOOLS.some((tool) => name === `node_modules/${tool}`))).toEqual([]);
    expect(packageJson.patchedDependencies).toBeUndefined();
    expect((packageJson.pnpm as { patchedDependencies?: unknown } | undefined)?.patchedDependencies).toBeUndefined();
  });

  it('runs no script of its own at install time, and no script touches node_modules', () => {
    const scripts = packageJson.scripts ?? {};
    expect(INSTALL_SCRIPTS.filter((name) => name in scripts)).toEqual([]);
    const touching = Object.entries(scripts).filter(([, command]) => PATCH_COMMAND.test(command));
    expect(touching).toEqual([]);
  });

  it('applies no patch in CI (the workflow, .ci/run, and the script that times the workflow)', () => {
    const ciScripts = readdirSync(path.join(root, 'scripts/ci')).filter((name) => name.endsWith('.ts')).map((name) => `scripts/ci/${name}`);
    expect(ciScripts).toContain('scripts/ci/time-critical-path.ts');
    for (const file of ['.github/workflows/deploy.yml', '.ci/run', ...ciScripts]) {
      const commands = readFileSync(path.join(root, file), 'utf8')
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('#'))
        .join('\n');
      expect(PATCH_COMMAND.exec(commands)?.[0], file).toBeUndefined();
    }
  });

  it('recognises the ways a patch was applied', () => {
    expect(PATCH_COMMAND.test('npm ci --ignore-scripts\ngit apply patches/*.patch')).toBe(true);
    expect(PATCH_COMMAND.test('patch-package')).toBe(true);
    expect(PATCH_COMMAND.test('cd x && patch -p1 < fix.diff')).toBe(true);
    expect(PATCH_COMMAND.test("sed -i 's/a/b/' node_modules/astro/dist/content/data-store.js")).toBe(true);
    expect(PATCH_COMMAND.test('cp fixed.js node_modules/astro/dist/content/data-store.js')).toBe(true);
    expect(PATCH_COMMAND.test('node node_modules/.bin/astro build')).toBe(false);
    expect(PATCH_COMMAND.test('path: |\n  node_modules\n  !node_modules/.astro')).toBe(false);
    expect(PATCH_COMMAND.test('astro build && node scripts/build-search-index.ts dist')).toBe(false);
  });

  for (const name of CHECKED_PACKAGES) {
    it(`has ${name}'s files exactly as its tarball ships them`, () => {
      const locked = lock.packages[`node_modules/${name}`];
      if (!locked?.integrity || !locked.version) throw new Error(`package-lock.json has no integrity for ${name}`);
      const installedDir = path.join(root, 'node_modules', name);
      const installed = JSON.parse(readFileSync(path.join(installedDir, 'package.json'), 'utf8')) as { version: string };
      expect(installed.version, `node_modules/${name} is not the version the lock file names: run npm ci`).toBe(locked.version);

      const tarball = cachedTarball(locked.integrity);
      if (!existsSync(tarball)) {
        throw new Error(`${name}@${locked.version}'s tarball is not in npm's cache (${tarball}): run npm ci, which puts it there`);
      }
      const bytes = readFileSync(tarball);
      const [algorithm, digest] = locked.integrity.split('-', 2) as [string, string];
      expect(createHash(algorithm).update(bytes).digest('base64'), 'the cached tarball does not match the lock file').toBe(digest);

      const unpacked = mkdtempSync(path.join(os.tmpdir(), `nisshi-${name}-`));
      try {
        const tar = spawnSync('tar', ['-xzf', tarball, '-C', unpacked], { encoding: 'utf8' });
        expect(tar.status, tar.stderr).toBe(0);
        const shipped = path.join(unpacked, 'package');
        const shippedFiles = filesBelow(shipped, 'node_modules/');
        // Its own dependencies may be nested under node_modules/: they are other packages.
        expect(filesBelow(installedDir, 'node_modules/')).toEqual(shippedFiles);
        const differing = shippedFiles.filter((file) => !readFileSync(path.join(shipped, file)).equals(readFileSync(path.join(installedDir, file))));
        expect(differing, `files of node_modules/${name} changed after the install`).toEqual([]);
      } finally {
        rmSync(unpacked, { recursive: true, force: true });
      }
    });
  }
});

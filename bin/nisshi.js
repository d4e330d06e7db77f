#!/usr/bin/env node
// Launcher for the `nisshi` command. Plain JavaScript because it must run before
// TypeScript support is known to be on: the command itself is src/cli/*.ts.
import { spawnSync } from 'node:child_process';
import module from 'node:module';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const REEXEC_MARK = 'NISSHI_STRIP_TYPES_REEXEC';

if (!process.features.typescript) {
  // Node 22.6–22.17 can run .ts only with a flag (22.18+ and 23.6+ do by default).
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 6) || process.env[REEXEC_MARK]) {
    process.stderr.write(
      `nisshi: needs Node 22.12 or newer with TypeScript support (this is Node ${process.version}); ` +
        'run it as `npm run nisshi -- …`, which uses the Node 24 that `npm ci` installs\n',
    );
    process.exit(2);
  }
  // Re-run this file with the flag; the warning is silenced because nisshi
  // depends on type stripping on purpose and users cannot act on it.
  const child = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      '--experimental-strip-types',
      '--disable-warning=ExperimentalWarning',
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, [REEXEC_MARK]: '1' } },
  );
  if (child.error) {
    process.stderr.write(`nisshi: could not start ${process.execPath}: ${child.error.message}\n`);
    process.exit(2);
  }
  if (child.signal) process.kill(process.pid, child.signal);
  process.exit(child.status ?? 1);
}

// Node keeps the compiled (and type-stripped) modules in its cache folder
// (os.tmpdir()/node-compile-cache; NODE_DISABLE_COMPILE_CACHE=1 turns it off):
// a start takes about 0.4 s instead of 0.6 s, which a pre-commit hook feels.
module.enableCompileCache?.();

const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

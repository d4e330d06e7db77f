/** The launcher and the command table: help, unknown commands, the Node flags. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { usageText } from '../../src/cli/main.ts';
import { helpText } from '../../src/cli/io.ts';
import { checkCommand } from '../../src/cli/check.ts';
import { newCommand } from '../../src/cli/new.ts';
import { parseCommand } from '../../src/cli/parse.ts';
import { repoRoot, runCli } from './run-cli.ts';

/** The tests run with NISSHI_LANG=en (vitest.config.ts); tests/cli/languages.test.ts covers Japanese. */
const usage = usageText('en');

describe('nisshi', () => {
  it('prints the usage for --help and exits 0', () => {
    expect(runCli(['--help'], repoRoot)).toMatchObject({ status: 0, stdout: usage, stderr: '' });
    expect(usage).toContain('  parse <files or folders…>');
    expect(usage).toContain('  check [paths…]');
    expect(usage).toContain('  new [--date YYYY-MM-DD]');
  });

  it.each([
    ['parse', helpText(parseCommand, 'en')],
    ['check', helpText(checkCommand, 'en')],
    ['new', helpText(newCommand, 'en')],
  ])('prints the help of %s', (name, help) => {
    expect(runCli([name, '--help'], repoRoot)).toMatchObject({ status: 0, stdout: help, stderr: '' });
    expect(runCli(['help', name], repoRoot)).toMatchObject({ status: 0, stdout: help });
  });

  it('answers an unknown command with the usage on stderr and exit 2', () => {
    const run = runCli(['build'], repoRoot);
    expect(run).toMatchObject({ status: 2, stdout: '', stderr: `nisshi: unknown command "build"\n\n${usage}` });
  });

  it('prints the usage on stderr and exits 2 without a command', () => {
    expect(runCli([], repoRoot)).toMatchObject({ status: 2, stdout: '', stderr: usage });
  });

  it('re-runs itself with --experimental-strip-types where Node does not strip types, without warnings', () => {
    // --no-experimental-strip-types makes Node 24 behave like Node 22.12 here.
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const run = runCli(['--version'], repoRoot, ['--no-experimental-strip-types']);
    expect(run).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: '' });
    const failing = runCli(['check', 'missing'], repoRoot, ['--no-experimental-strip-types']);
    expect(failing).toMatchObject({ status: 2, stderr: 'nisshi check: no such file or folder: missing\n' });
  });
});

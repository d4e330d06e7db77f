/**
 * A real editor: Debian's Neovim (headless, its built-in LSP client) opens a
 * broken log with `nisshi lsp` attached; the test reads what Neovim holds —
 * vim.diagnostic.get() and a hover's text (tests/lsp/nvim/read-log.lua).
 * .ci/run installs neovim.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, repoRoot } from '../cli/run-cli.ts';
import { copyLspFixtures } from './lsp-client.ts';

interface NvimResult {
  diagnostics: Array<{ lnum: number; col: number; severity: number; message: string; code: string }>;
  hover: string | null;
  error: string | null;
}

describe('Neovim with nisshi lsp', () => {
  it('shows check findings of a broken log and a hover text', async () => {
    const root = await copyLspFixtures();
    const out = path.join(root, 'nvim-result.json');
    const run = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${path.join(repoRoot, 'tests/lsp/nvim/read-log.lua')}`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 90_000,
      env: {
        ...process.env,
        NISSHI_NODE: process.execPath,
        NISSHI_BIN: binPath,
        NISSHI_ROOT: root,
        NISSHI_LOG: path.join(root, 'logs', '2025-08-03.md'),
        NISSHI_HOVER_LINE: '10',
        NISSHI_NVIM_OUT: out,
        NISSHI_LANG: 'ja',
      },
    });
    expect(run.error).toBeUndefined();
    const result = JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
    expect(result.error).toBeNull();
    expect(result.diagnostics.map(({ lnum, col, severity, code }) => ({ lnum, col, severity, code }))).toEqual([
      { lnum: 0, col: 0, severity: 2, code: 'date-mismatch' },
      { lnum: 3, col: 6, severity: 2, code: 'template-placeholder' },
    ]);
    expect(result.diagnostics[1]!.message).toBe('"（目標1）" はテンプレートの仮の文字です。自分の言葉に書き換えるか、その行を消してください');
    // Line 11: **学習時間**: 1時間 — what nisshi read, and the week against the target.
    expect(result.hover).toContain('**1時間** → 60 分');
    expect(result.hover).toContain('今週の合計:');
  }, 120_000);
});

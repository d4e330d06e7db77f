/**
 * Fuzz: random incremental edits of a log and random requests at random
 * positions (inside the text and past it). The server answers every one
 * (a result or an error response), lives on, and its diagnostics for the
 * final text are those `nisshi check` gives for that text on disk.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { runCli } from '../cli/run-cli.ts';
import { copyLspFixtures, startLsp, type LspSession } from './lsp-client.ts';

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces a writer types: headings, problems, plans, figures, placeholders, dates, stray marks, astral characters. */
const PIECES = [
  '\n', '\n\n', '#', '## ', '#### 問題2: ', '問題1: ビルドが遅い', '**現状**: ', '**状態**: 解決済み\n', '- [ ] ', '- [x] ', '~~', '（目標1）', '（8/1 の計画）',
  '**学習時間**: 約3時間\n', '**特定した問題**: 2件\n', '# 2025年8月5日\n', '2025-08-02', '---\n', '```\n', '`', '*', '[link](x)', '😀', '𠮷野家', 'テスト', ' ', '：', '<!-- private -->\n',
];

describe('nisshi lsp under random edits', () => {
  let cwd: string;
  let lsp: LspSession;
  beforeAll(async () => {
    cwd = await copyLspFixtures();
    lsp = await startLsp(cwd);
  });
  afterAll(async () => {
    await lsp?.stop();
  });

  it('answers every request, lives on, and ends with check\'s diagnostics for the final text', async () => {
    const next = random(20250803);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const file = 'logs/2025-08-02.md';
    let document = TextDocument.create(lsp.uri(file), 'markdown', 1, readFileSync(path.join(cwd, file), 'utf8'));
    const uri = lsp.open(file, document.getText());
    const requests: Array<Promise<unknown>> = [];
    let answered = 0;
    let refused = 0;
    for (let step = 0; step < 200; step++) {
      const length = document.getText().length;
      const start = Math.floor(next() * (length + 1));
      const end = Math.min(length, start + Math.floor(next() * 12));
      const text = next() < 0.3 ? '' : Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(PIECES)).join('');
      const range = { start: document.positionAt(start), end: document.positionAt(end) };
      document = TextDocument.update(document, [{ range, text }], document.version + 1);
      await lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: document.version }, contentChanges: [{ range, text }] });
      // A request now and then, at a position that may be past the end or inside a surrogate pair.
      if (step % 3 === 0) {
        const method = pick(['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references', 'textDocument/codeAction', 'textDocument/documentSymbol']);
        const line = Math.floor(next() * (document.lineCount + 3)) - 1;
        const position = { line, character: Math.floor(next() * 30) };
        const params = method === 'textDocument/codeAction'
          ? { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }
          : { textDocument: { uri }, position, context: { includeDeclaration: true } };
        requests.push(lsp.connection.sendRequest(method, params).then(() => answered++, () => refused++));
      }
    }
    await Promise.all(requests);
    expect(answered + refused).toBe(requests.length);
    expect(answered).toBeGreaterThan(0);
    // The server has the final text: its last findings are for the last version.
    const final = document.version;
    await lsp.waitForDiagnostics(uri, () => lsp.publishedVersion(uri) === final, 30_000);
    const diagnostics = lsp.diagnostics(uri)!;
    writeFileSync(path.join(cwd, file), document.getText());
    const check = JSON.parse(runCli(['check', '--format', 'json'], cwd).stdout) as Array<{ path: string; line: number; column: number; rule: string; message: string }>;
    const expected = check.filter((found) => found.path === file);
    const lines = document.getText().split('\n');
    const asCheck = (diagnostic: Diagnostic) => {
      const line = lines[diagnostic.range.start.line] ?? '';
      // Back from UTF-16 to check's code-point columns.
      const column = [...line.slice(0, diagnostic.range.start.character)].length + 1;
      return { path: file, line: diagnostic.range.start.line + 1, column, rule: String(diagnostic.code), message: diagnostic.message };
    };
    expect(diagnostics.map(asCheck)).toEqual(expected.map(({ path: p, line, column, rule, message }) => ({ path: p, line, column, rule, message })));
    expect(lsp.child.exitCode).toBeNull();
    const symbols = await lsp.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    expect(Array.isArray(symbols)).toBe(true);
  }, 120_000);
});

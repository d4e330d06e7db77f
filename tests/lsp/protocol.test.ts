/**
 * `nisshi lsp` driven over stdio by a real client library
 * (vscode-languageserver-protocol): diagnostics appear and clear as `check`
 * says them, hovers, definition, references, completion, code actions whose
 * edits are applied and then checked by the real `nisshi check`, symbols,
 * an edit made on disk, and bad input that leaves the server alive.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, Location, SymbolInformation, TextEdit } from 'vscode-languageserver-protocol';
import { applyChanges } from '../../src/editor/code-actions.ts';
import { runCli } from '../cli/run-cli.ts';
import { copyLspFixtures, startLsp, type LspSession } from './lsp-client.ts';

/** What `nisshi check --format json` finds in one file, as the server should publish it. */
function checkFindings(cwd: string, file: string): Array<{ line: number; rule: string; severity: number; message: string }> {
  const run = runCli(['check', '--format', 'json'], cwd);
  const found = JSON.parse(run.stdout) as Array<{ path: string; line: number; rule: string; severity: string; message: string }>;
  return found.filter((entry) => entry.path === file).map((entry) => ({ line: entry.line - 1, rule: entry.rule, severity: entry.severity === 'error' ? 1 : 2, message: entry.message }));
}

function published(diagnostics: readonly Diagnostic[]) {
  return diagnostics.map((diagnostic) => ({ line: diagnostic.range.start.line, rule: String(diagnostic.code), severity: diagnostic.severity!, message: diagnostic.message }));
}

function hoverText(hover: Hover | null): string {
  const contents = hover?.contents as { value: string } | undefined;
  return contents?.value ?? '';
}

describe('nisshi lsp over stdio', () => {
  let cwd: string;
  let lsp: LspSession;
  const read = (relative: string) => readFileSync(path.join(cwd, relative), 'utf8');

  beforeAll(async () => {
    cwd = await copyLspFixtures();
    lsp = await startLsp(cwd);
  });
  afterAll(async () => {
    await lsp?.stop();
  });

  it('publishes what check finds, in the same positions and words, and clears it once fixed (incremental changes)', async () => {
    const uri = lsp.open('logs/2025-08-03.md', read('logs/2025-08-03.md'));
    const diagnostics = await lsp.waitForDiagnostics(uri);
    expect(published(diagnostics)).toEqual(checkFindings(cwd, 'logs/2025-08-03.md'));
    expect(diagnostics.map((d) => d.code)).toEqual(['date-mismatch', 'template-placeholder']);
    // The placeholder: its column in UTF-16 code units, as the protocol counts.
    expect(diagnostics[1]!.range.start).toEqual({ line: 3, character: 6 });
    // Fix the heading's day and the goal, one small change each.
    await lsp.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 0, character: 9 }, end: { line: 0, character: 10 } }, text: '3' },
        { range: { start: { line: 3, character: 6 }, end: { line: 3, character: 11 } }, text: 'テストを書く' },
      ],
    });
    expect(await lsp.waitForDiagnostics(uri, (found) => found.length === 0)).toEqual([]);
    // Broken again: the finding comes back.
    await lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 10 } }, text: '5' }] });
    const again = await lsp.waitForDiagnostics(uri, (found) => found.length === 1);
    expect(again[0]!.code).toBe('date-mismatch');
    expect(again[0]!.message).toContain('2025-08-05');
    await lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('says nothing about Markdown outside the logs folder', async () => {
    writeFileSync(path.join(cwd, 'NOTES.md'), '# 2025年8月9日\n- （目標1）\n');
    const uri = lsp.open('NOTES.md', read('NOTES.md'));
    expect(await lsp.waitForDiagnostics(uri)).toEqual([]);
    expect(await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } })).toBeNull();
  });

  it('hovers: a figure, the study-time line, a problem heading, a plan, a carried item', async () => {
    const uri = lsp.open('logs/2025-08-02.md', read('logs/2025-08-02.md'));
    await lsp.waitForDiagnostics(uri);
    const hover = async (line: number) => hoverText(await lsp.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } }));
    // **学習時間**: 1時間30分 (line 21): the figure, today's and this week's totals against the 600-minute target.
    const studyTime = await hover(20);
    expect(studyTime).toContain('**1時間30分** → 90 min');
    expect(studyTime).toContain('Today: 1 h 30 min');
    // 2025-08-01 (約2時間) and 2025-08-02 (1時間30分) are the week's only logs; Sunday 08-03 is left.
    expect(studyTime).toContain('This week: 3 h 30 min of 10 h');
    expect(studyTime).toContain('6 h 30 min to go: 6 h 30 min a day over the 1 days left');
    expect(await hover(21)).toBe('**1件** → 1 件');
    const problem = await hover(10);
    expect(problem).toContain('Problem "ビルドが遅い"');
    expect(problem).toContain('First written: 2025-08-01');
    expect(problem).toContain('Written on 2 days');
    expect(problem).toContain('Status: open');
    const plan = await hover(17);
    expect(plan).toContain('Plan "ドキュメントを書く"');
    expect(plan).toContain('Planned on: 2025-08-02');
    expect(plan).toContain('Due: 2025-08-10');
    const carried = await hover(6);
    expect(carried).toContain('Carried over from the plans of 2025-08-01');
    expect(carried).toContain('Plan "テストを書く"');
    // A line nisshi reads nothing from.
    expect(await lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 0 } })).toBeNull();
    const first = lsp.uri('logs/2025-08-01.md');
    const firstUri = lsp.open('logs/2025-08-01.md', read('logs/2025-08-01.md'));
    expect(firstUri).toBe(first);
    expect(hoverText(await lsp.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: first }, position: { line: 23, character: 2 } }))).toContain('**約2時間** → 120 min, approximate');
  });

  it('goes from a carried item and a continued problem to where they were first written, and lists every log of a thread', async () => {
    const uri = lsp.uri('logs/2025-08-02.md');
    const first = lsp.uri('logs/2025-08-01.md');
    const carried = await lsp.connection.sendRequest<Location | null>('textDocument/definition', { textDocument: { uri }, position: { line: 6, character: 4 } });
    expect(carried).toEqual({ uri: first, range: { start: { line: 20, character: 0 }, end: { line: 20, character: 0 } } });
    const problem = await lsp.connection.sendRequest<Location | null>('textDocument/definition', { textDocument: { uri }, position: { line: 10, character: 4 } });
    expect(problem?.uri).toBe(first);
    expect(problem?.range.start.line).toBe(10);
    const references = await lsp.connection.sendRequest<Location[]>('textDocument/references', { textDocument: { uri }, position: { line: 10, character: 4 }, context: { includeDeclaration: true } });
    expect(references.map((found) => [found.uri, found.range.start.line])).toEqual([[first, 10], [uri, 10]]);
  });

  it('completes headings with the next free problem number, open problem titles and field labels', async () => {
    const uri = lsp.uri('logs/2025-08-02.md');
    const at = async (line: number, character: number) => lsp.connection.sendRequest<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    const headings = await at(1, 0);
    expect(headings.map((item) => item.label)).toEqual(expect.arrayContaining(['## 今日の目標', '## 実施内容', '#### 問題2: ', '## 次のステップ', '### 今日中', '**現状**: ', '**学習時間**: ']));
    // After `#### 問題1: ` (line 11, 11 characters typed): the open problems' titles, the whole line replaced.
    const titles = await at(10, 11);
    expect(titles.map((item) => item.label)).toEqual(['ビルドが遅い']);
    expect(titles[0]!.textEdit).toEqual({ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 11 } }, newText: '#### 問題1: ビルドが遅い' });
    const fields = await at(11, 2);
    expect(fields.map((item) => item.label)).toEqual(['**現状**: ', '**影響**: ', '**原因**: ', '**解決方法**: ', '**状態**: ', '**学習時間**: ']);
  });

  it('outlines a log and finds problem threads across the logs', async () => {
    const uri = lsp.uri('logs/2025-08-02.md');
    const outline = await lsp.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(outline.map((group) => [group.name, group.children?.map((child) => child.name)])).toEqual([
      ['Goals', ['ビルドを見直す']],
      ['Problems', ['問題1: ビルドが遅い']],
      ['Next steps', ['ドキュメントを書く']],
    ]);
    const threads = await lsp.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'ビルド' });
    expect(threads.map((symbol) => [symbol.name, symbol.location.uri])).toEqual([['ビルドが遅い', uri]]);
    expect(await lsp.connection.sendRequest<SymbolInformation[]>('workspace/symbol', { query: 'ない問題' })).toEqual([]);
  });

  it('answers a position past the end, an unknown method and a handler that throws with an error, and lives on', async () => {
    const uri = lsp.uri('logs/2025-08-02.md');
    await expect(lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 500, character: 0 } })).rejects.toMatchObject({ code: -32602 });
    await expect(lsp.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: -1, character: 0 } })).rejects.toMatchObject({ code: -32602 });
    await expect(lsp.connection.sendRequest('nisshi/noSuchMethod', {})).rejects.toMatchObject({ code: -32601 });
    // No textDocument at all: the handler throws inside; the client gets an error, not silence.
    await expect(lsp.connection.sendRequest('textDocument/hover', { position: { line: 0, character: 0 } })).rejects.toMatchObject({ code: expect.any(Number) });
    expect(hoverText(await lsp.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 2 } }))).toContain('ビルドが遅い');
    expect(lsp.child.exitCode).toBeNull();
  });
});

describe('code actions of nisshi lsp, applied and checked', () => {
  let cwd: string;
  let lsp: LspSession;
  beforeAll(async () => {
    cwd = await copyLspFixtures();
    lsp = await startLsp(cwd);
  });
  afterAll(async () => {
    await lsp?.stop();
  });

  const actionsAt = (uri: string, line: number, diagnostics: Diagnostic[] = []) =>
    lsp.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line, character: 0 }, end: { line, character: 0 } }, context: { diagnostics } });

  /** Applies a text edit action to the file on disk, as the editor would, then saves. */
  function apply(uri: string, action: CodeAction): string {
    const file = fileURLToPath(uri);
    const edits = action.edit!.changes![uri] as TextEdit[];
    const text = applyChanges(readFileSync(file, 'utf8'), edits);
    writeFileSync(file, text);
    return text;
  }

  it('fixes a date mismatch in the heading and takes the placeholder line out: check then passes', async () => {
    const file = 'logs/2025-08-03.md';
    const uri = lsp.open(file, readFileSync(path.join(cwd, file), 'utf8'));
    const diagnostics = await lsp.waitForDiagnostics(uri, (found) => found.length === 2);
    const dateActions = await actionsAt(uri, 0, [diagnostics[0]!]);
    expect(dateActions.map((action) => action.title)).toEqual(['Rename the file to 2025-08-04.md', 'Change the date to 2025年8月3日']);
    expect(dateActions[1]!.diagnostics?.map((d) => d.code)).toEqual(['date-mismatch']);
    apply(uri, dateActions[1]!);
    const placeholder = await actionsAt(uri, 3);
    expect(placeholder.map((action) => action.title)).toEqual(["Delete the template's placeholder line"]);
    apply(uri, placeholder[0]!);
    const run = runCli(['check', file], cwd);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(0);
  });

  it('renames a file whose name says another day: check then passes', async () => {
    writeFileSync(path.join(cwd, 'logs/2025-08-07.md'), '# 2025年8月8日\n\n## 学び\n- 名前を直す\n');
    const uri = lsp.open('logs/2025-08-07.md', readFileSync(path.join(cwd, 'logs/2025-08-07.md'), 'utf8'));
    await lsp.waitForDiagnostics(uri, (found) => found.length === 1);
    const [rename] = await actionsAt(uri, 0);
    expect(rename!.title).toBe('Rename the file to 2025-08-08.md');
    const change = rename!.edit!.documentChanges![0] as { kind: string; oldUri: string; newUri: string };
    expect(change).toEqual({ kind: 'rename', oldUri: uri, newUri: lsp.uri('logs/2025-08-08.md') });
    renameSync(fileURLToPath(change.oldUri), fileURLToPath(change.newUri));
    const run = runCli(['check', 'logs/2025-08-08.md'], cwd);
    expect(run.stdout).toBe('');
  });

  it('marks a problem resolved and a plan done: the record says so, check passes', async () => {
    const file = 'logs/2025-08-02.md';
    const uri = lsp.open(file, readFileSync(path.join(cwd, file), 'utf8'));
    await lsp.waitForDiagnostics(uri);
    const [resolve] = await actionsAt(uri, 10);
    expect(resolve!.title).toBe('Mark the problem resolved (add **状態**: 解決済み)');
    const resolved = apply(uri, resolve!);
    expect(resolved.split('\n').slice(10, 14)).toEqual(['#### 問題1: ビルドが遅い', '**現状**: キャッシュを入れて3分になった', '**影響**: まだ待たされる', '**状態**: 解決済み']);
    await lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: resolved }] });
    // The plan is a line further down now.
    const [done] = (await actionsAt(uri, 18)).filter((action) => action.title.startsWith('Mark the plan done'));
    expect(done).toBeDefined();
    apply(uri, done!);
    const parsed = JSON.parse(runCli(['parse', file], cwd).stdout) as Array<{ problems: Array<{ status: string }>; checklist: Array<{ text: string; done: boolean }> }>;
    expect(parsed[0]!.problems[0]!.status).toBe('resolved');
    expect(parsed[0]!.checklist.find((item) => item.text === 'ドキュメントを書く')?.done).toBe(true);
    expect(runCli(['check', file], cwd).status).toBe(0);
  });
});

describe('dropping a plan through nisshi lsp', () => {
  it('strikes the plan through: the chain reads dropped and check passes', async () => {
    const cwd = await copyLspFixtures();
    const lsp = await startLsp(cwd);
    try {
      const file = 'logs/2025-08-01.md';
      const uri = lsp.open(file, readFileSync(path.join(cwd, file), 'utf8'));
      await lsp.waitForDiagnostics(uri);
      const actions = await lsp.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 20, character: 0 }, end: { line: 20, character: 0 } }, context: { diagnostics: [] } });
      const drop = actions.find((action) => action.title === 'Drop the plan (strike it through)');
      expect(drop).toBeDefined();
      const text = applyChanges(readFileSync(path.join(cwd, file), 'utf8'), drop!.edit!.changes![uri] as TextEdit[]);
      expect(text.split('\n')[20]).toBe('- [ ] ~~テストを書く~~');
      writeFileSync(path.join(cwd, file), text);
      await lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
      const hover = hoverText(await lsp.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 20, character: 2 } }));
      expect(hover).toContain('Status: dropped (2025-08-01)');
      expect(runCli(['check', file], cwd).status).toBe(0);
    } finally {
      await lsp.stop();
    }
  });
});

describe('nisshi lsp and the files on disk', () => {
  for (const watching of ['client', 'own'] as const) {
    it(`reads a log written outside the editor (${watching === 'client' ? 'the client watches files' : 'its own watcher'}): a clash appears and goes`, async () => {
      const cwd = await copyLspFixtures();
      const capabilities = watching === 'client' ? { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } : {};
      const lsp = await startLsp(cwd, { capabilities });
      try {
        const uri = lsp.open('logs/2025-08-01.md', readFileSync(path.join(cwd, 'logs/2025-08-01.md'), 'utf8'));
        expect(await lsp.waitForDiagnostics(uri)).toEqual([]);
        const other = path.join(cwd, 'logs', 'extra.md');
        writeFileSync(other, '# 2025年8月1日\n\n## 学び\n- 同じ日\n');
        const notify = (type: number) => lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lsp.uri('logs/extra.md'), type }] });
        if (watching === 'client') await notify(1);
        const clash = await lsp.waitForDiagnostics(uri, (found) => found.length === 1);
        expect(clash[0]!.code).toBe('same-date');
        expect(published(clash)).toEqual(checkFindings(cwd, 'logs/2025-08-01.md'));
        rmSync(other);
        if (watching === 'client') await notify(3);
        expect(await lsp.waitForDiagnostics(uri, (found) => found.length === 0)).toEqual([]);
      } finally {
        await lsp.stop();
      }
    });
  }

  it('updates hovers from a log written on disk: a problem thread grows and shrinks', async () => {
    const cwd = await copyLspFixtures();
    const lsp = await startLsp(cwd, { capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    try {
      const uri = lsp.open('logs/2025-08-02.md', readFileSync(path.join(cwd, 'logs/2025-08-02.md'), 'utf8'));
      await lsp.waitForDiagnostics(uri);
      const thread = async () => hoverText(await lsp.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 2 } }));
      expect(await thread()).toContain('Written on 2 days');
      const later = path.join(cwd, 'logs/2025-08-05.md');
      writeFileSync(later, '# 2025年8月5日\n\n#### 問題1: ビルドが遅い\n**現状**: まだ遅い\n**状態**: 解決済み\n');
      await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lsp.uri('logs/2025-08-05.md'), type: 1 }] });
      await expect.poll(thread, { timeout: 10_000 }).toContain('Written on 3 days');
      expect(await thread()).toContain('Status: resolved (2025-08-05)');
      rmSync(later);
      await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lsp.uri('logs/2025-08-05.md'), type: 3 }] });
      await expect.poll(thread, { timeout: 10_000 }).toContain('Written on 2 days');
      expect(await thread()).toContain('Status: open');
    } finally {
      await lsp.stop();
    }
  });

  it('answers a hover while a large log is still being parsed (parsing is off the message loop)', async () => {
    const cwd = await copyLspFixtures();
    const lsp = await startLsp(cwd);
    try {
      const small = lsp.open('logs/2025-08-02.md', readFileSync(path.join(cwd, 'logs/2025-08-02.md'), 'utf8'));
      await lsp.waitForDiagnostics(small);
      // Just under the size limit: thousands of problems and plans to read.
      const large = `# 2025年8月12日\n\n${Array.from({ length: 4000 }, (_, n) => `#### 問題${n + 1}: 大きなログの問題${n}\n**現状**: まだ\n- [ ] 計画${n}を立てる\n`).join('\n')}`;
      const order: string[] = [];
      const largeUri = lsp.open('logs/2025-08-12.md', large);
      const published = lsp.waitForDiagnostics(largeUri, () => true, 60_000).then(() => order.push('large log read'));
      // Asked once the server has the large log in hand (a parse on the message loop would answer only after it).
      await new Promise((resolve) => setTimeout(resolve, 100));
      const hover = lsp.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: small }, position: { line: 10, character: 2 } }).then((answer) => {
        order.push('hover answered');
        return answer;
      });
      expect(hoverText(await hover)).toContain('ビルドが遅い');
      await published;
      expect(order).toEqual(['hover answered', 'large log read']);
    } finally {
      await lsp.stop();
    }
  });

  it('refuses a log over the size limit as check does, and gives a file that is not UTF-8 one finding', async () => {
    const cwd = await copyLspFixtures();
    const big = `# 2025年8月10日\n\n${'- とても長い行です。\n'.repeat(60_000)}`;
    writeFileSync(path.join(cwd, 'logs/2025-08-10.md'), big);
    // 「問題」 in Shift_JIS, with a date heading: not UTF-8.
    writeFileSync(path.join(cwd, 'logs/2025-08-11.md'), Buffer.concat([Buffer.from('# 2025-08-11\n\n'), Buffer.from([0x96, 0xe2, 0x91, 0xe8, 0x0a])]));
    const lsp = await startLsp(cwd);
    try {
      const bigUri = lsp.open('logs/2025-08-10.md', big);
      const refused = await lsp.waitForDiagnostics(bigUri);
      expect(published(refused)).toEqual(checkFindings(cwd, 'logs/2025-08-10.md'));
      expect(refused.map((d) => d.code)).toEqual(['log-too-large']);
      const lossy = new TextDecoder().decode(readFileSync(path.join(cwd, 'logs/2025-08-11.md')));
      const bytesUri = lsp.open('logs/2025-08-11.md', lossy);
      const encoding = await lsp.waitForDiagnostics(bytesUri);
      expect(encoding.map((d) => d.code)).toEqual(['encoding']);
      expect(published(encoding)).toEqual(checkFindings(cwd, 'logs/2025-08-11.md'));
    } finally {
      await lsp.stop();
    }
  });
});

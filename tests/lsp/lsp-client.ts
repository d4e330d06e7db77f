/**
 * A real LSP client for the tests: `nisshi lsp --stdio` in a child process,
 * spoken to through vscode-languageserver-protocol (vscode-jsonrpc) as an
 * editor's client library does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  PublishDiagnosticsNotification,
  type Diagnostic,
  type ProtocolConnection,
  type ClientCapabilities,
} from 'vscode-languageserver-protocol/node';
import { binPath, repoRoot } from '../cli/run-cli.ts';

export const lspFixtures = path.join(repoRoot, 'tests', 'fixtures', 'lsp');

/** A fresh project folder with the fixture logs under logs/. */
export async function copyLspFixtures(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'nisshi-lsp-'));
  await cp(lspFixtures, folder, { recursive: true });
  return folder;
}

export interface LspSession {
  connection: ProtocolConnection;
  child: ChildProcess;
  stderr: () => string;
  uri(relative: string): string;
  /** The diagnostics last published for a document. */
  diagnostics(uri: string): Diagnostic[] | undefined;
  /** The document version the last diagnostics were published for. */
  publishedVersion(uri: string): number | undefined;
  /** Resolves with the next publication for `uri` that passes `test` (or the current one if it does). */
  waitForDiagnostics(uri: string, test?: (diagnostics: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  open(relative: string, text: string, version?: number): string;
  stop(): Promise<void>;
}

export async function startLsp(cwd: string, options: { capabilities?: ClientCapabilities; env?: Record<string, string> } = {}): Promise<LspSession> {
  const child = spawn(process.execPath, [binPath, 'lsp', '--stdio'], { cwd, env: { ...process.env, NO_COLOR: '1', ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published = new Map<string, Diagnostic[]>();
  const waiters: Array<{ uri: string; test: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
  const versions = new Map<string, number | undefined>();
  connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics, version }) => {
    published.set(uri, diagnostics);
    versions.set(uri, version);
    for (const waiter of [...waiters]) {
      if (waiter.uri === uri && waiter.test(diagnostics)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(diagnostics);
      }
    }
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const rootUri = pathToFileURL(cwd).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri, capabilities: options.capabilities ?? {}, workspaceFolders: [{ uri: rootUri, name: 'logs' }] });
  await connection.sendNotification('initialized', {});
  const uri = (relative: string) => pathToFileURL(path.join(cwd, relative)).href;
  return {
    connection,
    child,
    stderr: () => stderr,
    uri,
    diagnostics: (target) => published.get(target),
    publishedVersion: (target) => versions.get(target),
    waitForDiagnostics(target, test = () => true, timeoutMs = 20_000) {
      const current = published.get(target);
      if (current && test(current)) return Promise.resolve(current);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${target} in ${timeoutMs} ms; last: ${JSON.stringify(published.get(target))}\n${stderr}`)), timeoutMs);
        waiters.push({ uri: target, test, resolve: (d) => { clearTimeout(timer); resolve(d); } });
      });
    },
    open(relative, text, version = 1) {
      const target = uri(relative);
      published.delete(target);
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri: target, languageId: 'markdown', version, text } });
      return target;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        await connection.sendRequest('shutdown').catch(() => {});
        await connection.sendNotification('exit').catch(() => {});
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
        if (child.exitCode === null) child.kill();
      }
      connection.dispose();
    },
  };
}

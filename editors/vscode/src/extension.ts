/**
 * The VS Code extension: starts `nisshi lsp --stdio` in the workspace folder
 * (the project's own Node 24 from `npm ci`, else `node`) and attaches it to
 * Markdown files through vscode-languageclient. Everything it shows comes
 * from the server; this file only starts it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) return;
  const config = vscode.workspace.getConfiguration('nisshi');
  const projectNode = path.join(folder, 'node_modules', '.bin', 'node');
  const command = config.get<string>('server.command') || (existsSync(projectNode) ? projectNode : 'node');
  const configured = config.get<string[]>('server.args') ?? [];
  const args = configured.length > 0 ? configured : [path.join(folder, 'bin', 'nisshi.js'), 'lsp'];
  const serverOptions: ServerOptions = { command, args, transport: TransportKind.stdio, options: { cwd: folder } };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.md') },
  };
  client = new LanguageClient('nisshi', 'nisshi', serverOptions, clientOptions);
  context.subscriptions.push({ dispose: () => void client?.stop() });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

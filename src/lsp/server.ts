/**
 * `nisshi lsp`: the Language Server Protocol over a connection (stdio), on
 * vscode-languageserver with incremental text sync. Protocol plumbing only:
 * what it answers is worked out by the pure functions of src/editor over the
 * LogWorkspace (records through the record index, findings through the code
 * path `check` uses).
 *
 * A handler that throws answers with an error and the server goes on (the
 * library turns the exception into a ResponseError); a position outside the
 * text is refused with InvalidParams. Findings are worked out after the
 * messages already waiting (setImmediate), one log at a time, so a burst of
 * keystrokes is read once and a hover is never stuck behind them.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  MarkupKind,
  ResponseError,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type Location,
  type Position,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LocatedDiagnostic } from '../record/diagnostic-lines.ts';
import { actionsAt } from '../editor/code-actions.ts';
import { completionsAt } from '../editor/completion.ts';
import { hoverAt } from '../editor/hover.ts';
import { definitionOf, originAt, referencesOf } from '../editor/origins.ts';
import { outlineOf, threadSymbols, type OutlineEntry } from '../editor/symbols.ts';
import { linesOf, utf16Offset } from '../editor/text-lines.ts';
import type { LogPlace } from '../editor/log-context.ts';
import type { LogWorkspace, OpenLog } from './log-workspace.ts';
import { watchFolder, type FolderWatch } from './watch-folder.ts';

export interface ServerOptions {
  /** Lines for the writer (the index's notices): shown in the editor's log. */
  log?: (line: string) => void;
}

/** Serves one connection until the client says exit. */
export function serveLogs(connection: Connection, workspace: LogWorkspace, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const pending = new Set<string>();
  let scheduled = false;
  let clientWatches = false;
  let ownWatch: FolderWatch | null = null;

  connection.onInitialize((params) => {
    clientWatches = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        completionProvider: { triggerCharacters: ['#', '*', ':', '：'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
      },
      serverInfo: { name: 'nisshi' },
    };
  });

  connection.onInitialized(() => {
    if (clientWatches) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: { baseUri: pathToFileURL(workspace.baseDir).href, pattern: '**/*.md' } }],
      });
    } else {
      ownWatch = watchFolder(workspace.baseDir, (files) => void onDiskChange(files), options.log);
    }
  });

  /** Work out and send the findings of the logs asked for, after the messages already in. */
  const schedule = (uri: string) => {
    pending.add(uri);
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => void publishPending());
  };

  const publishPending = async () => {
    scheduled = false;
    const uris = [...pending];
    pending.clear();
    for (const uri of uris) {
      try {
        await publish(uri);
      } catch (error) {
        options.log?.(`nisshi lsp: ${uri}: ${(error as Error).stack ?? String(error)}`);
      }
    }
  };

  const publish = async (uri: string) => {
    const document = documents.get(uri);
    const file = filePath(uri);
    if (!document || file === null || !workspace.isLog(file)) {
      await connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    let log = workspace.get(file);
    if (!log || log.version !== document.version) log = await workspace.update(file, document.version, document.getText());
    const lines = linesOf(log.text);
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics: workspace.findings(log).map((found) => toLsp(found, lines)) });
  };

  const republishOthers = (uri: string) => {
    for (const document of documents.all()) if (document.uri !== uri) schedule(document.uri);
  };

  documents.onDidOpen(({ document }) => schedule(document.uri));
  documents.onDidChangeContent(({ document }) => {
    schedule(document.uri);
    // Another open log may clash with this one over its slug or date now, or no longer.
    if (documents.all().length > 1) republishOthers(document.uri);
  });
  documents.onDidSave(({ document }) => schedule(document.uri));
  documents.onDidClose(({ document }) => {
    const file = filePath(document.uri);
    if (file) workspace.close(file);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  const onDiskChange = async (files: readonly string[]) => {
    const changed = await workspace.refresh(files);
    if (changed) for (const document of documents.all()) schedule(document.uri);
  };

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    const files = changes.map((change) => filePath(change.uri)).filter((file): file is string => file !== null);
    await onDiskChange(files);
  });

  /** The open log a request is about, read from its current text; null for a file that is no log. */
  const logOf = async (uri: string, position?: Position): Promise<OpenLog | null> => {
    const document = documents.get(uri);
    const file = filePath(uri);
    if (!document || file === null || !workspace.isLog(file)) return null;
    if (position) checkPosition(document, position);
    const log = workspace.get(file);
    return log && log.version === document.version ? log : workspace.update(file, document.version, document.getText());
  };

  const location = (place: LogPlace): Location | null => {
    const file = workspace.fileOfSlug(place.slug);
    if (!file) return null;
    return { uri: pathToFileURL(file).href, range: { start: { line: place.line - 1, character: 0 }, end: { line: place.line - 1, character: 0 } } };
  };

  connection.onHover(async ({ textDocument, position }) => {
    const log = await logOf(textDocument.uri, position);
    if (!log) return null;
    const text = hoverAt(workspace.context(log), position.line + 1);
    return text === null ? null : { contents: { kind: MarkupKind.Markdown, value: text } };
  });

  connection.onDefinition(async ({ textDocument, position }) => {
    const log = await logOf(textDocument.uri, position);
    if (!log) return null;
    const origin = originAt(workspace.context(log), position.line + 1);
    const place = origin ? definitionOf(origin) : null;
    return place ? location(place) : null;
  });

  connection.onReferences(async ({ textDocument, position }) => {
    const log = await logOf(textDocument.uri, position);
    if (!log) return null;
    const origin = originAt(workspace.context(log), position.line + 1);
    return origin ? referencesOf(origin).map(location).filter((found): found is Location => found !== null) : [];
  });

  connection.onCompletion(async ({ textDocument, position }) => {
    const log = await logOf(textDocument.uri, position);
    if (!log) return [];
    const line = linesOf(log.text)[position.line] ?? '';
    const before = line.slice(0, position.character);
    return completionsAt(workspace.context(log), before).map((entry) => ({
      label: entry.label,
      kind: entry.kind === 'problem' ? CompletionItemKind.Reference : entry.kind === 'field' ? CompletionItemKind.Property : CompletionItemKind.Keyword,
      detail: entry.detail,
      filterText: entry.insertText,
      textEdit: { range: { start: { line: position.line, character: 0 }, end: position }, newText: entry.insertText },
    }));
  });

  connection.onCodeAction(async ({ textDocument, range, context }) => {
    const log = await logOf(textDocument.uri, range.end);
    if (!log) return [];
    checkPosition(documents.get(textDocument.uri)!, range.start);
    const lines = linesOf(log.text);
    const file = log.absolutePath;
    const actions = actionsAt({ record: log.record, text: log.text, lines, path: log.record.source, settings: workspace.settings, fileName: path.basename(file), fromLine: range.start.line + 1, toLine: range.end.line + 1, language: workspace.language });
    return actions.map((action): CodeAction => {
      const edit: WorkspaceEdit = action.renameTo
        ? { documentChanges: [{ kind: 'rename', oldUri: textDocument.uri, newUri: pathToFileURL(path.join(path.dirname(file), action.renameTo)).href }] }
        : { changes: { [textDocument.uri]: action.edits } };
      const fixes = action.fixes ? context.diagnostics.filter((diagnostic) => diagnostic.code === action.fixes!.rule && diagnostic.range.start.line === action.fixes!.line - 1) : [];
      return { title: action.title, kind: CodeActionKind.QuickFix, edit, ...(fixes.length > 0 ? { diagnostics: fixes } : {}) };
    });
  });

  connection.onDocumentSymbol(async ({ textDocument }) => {
    const log = await logOf(textDocument.uri);
    if (!log) return [];
    const lines = linesOf(log.text);
    return outlineOf(log.record, workspace.language).map((entry) => toSymbol(entry, lines));
  });

  connection.onWorkspaceSymbol(({ query }) => {
    return threadSymbols(workspace.facts().threads, query).flatMap((symbol) => {
      const found = location({ slug: symbol.slug, line: symbol.line });
      const status = workspace.language === 'en' ? symbol.status : symbol.status === 'open' ? '未解決' : '解決済み';
      return found ? [{ name: symbol.name, kind: SymbolKind.Event, location: found, containerName: status }] : [];
    });
  });

  connection.onShutdown(async () => {
    ownWatch?.close();
    await workspace.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

/** A `check` finding as an LSP diagnostic: 1-based code points → 0-based UTF-16, the rest of the line (or a word) underlined. */
export function toLsp(found: LocatedDiagnostic, lines: readonly string[]): LspDiagnostic {
  const text = lines[found.line - 1] ?? '';
  const start = utf16Offset(text, found.column);
  const end = Math.max(start, text.length);
  return {
    range: { start: { line: found.line - 1, character: start }, end: { line: found.line - 1, character: end === start ? start : end } },
    severity: found.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: found.rule,
    source: 'nisshi',
    message: found.message,
  };
}

function toSymbol(entry: OutlineEntry, lines: readonly string[]): DocumentSymbol {
  const end = (lines[entry.endLine - 1] ?? '').length;
  const range = { start: { line: entry.line - 1, character: 0 }, end: { line: entry.endLine - 1, character: end } };
  const kind = entry.kind === 'group' ? SymbolKind.Namespace : entry.kind === 'problem' ? SymbolKind.Event : entry.kind === 'plan' ? SymbolKind.Event : SymbolKind.Boolean;
  return { name: entry.name, kind, range, selectionRange: range, children: entry.children.map((child) => toSymbol(child, lines)) };
}

function filePath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** A position inside the text (a line past the end, or a negative one, is the client's mistake: InvalidParams). */
function checkPosition(document: TextDocument, position: Position): void {
  const valid = Number.isInteger(position.line) && Number.isInteger(position.character) && position.line >= 0 && position.character >= 0 && position.line < document.lineCount;
  if (!valid) throw new ResponseError(ErrorCodes.InvalidParams, `position ${position.line}:${position.character} is outside the text (${document.lineCount} lines)`);
}

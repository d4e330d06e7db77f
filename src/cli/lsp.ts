/** `nisshi lsp [--stdio]`: the language server (src/lsp) on stdin and stdout, for editors. */
import { createConnection } from 'vscode-languageserver/node';
import { parseCommandArgs } from './args.ts';
import { helpText, type Command } from './io.ts';
import { EXIT_OK } from './errors.ts';
import { helpCatalogue } from '../record/help-texts.ts';
import { messageLanguage } from '../record/messages.ts';
import { openLogRecords } from '../record-index/log-records.ts';
import { LogWorkspace, WORKSPACE_FIELDS, type WorkspaceRecord } from '../lsp/log-workspace.ts';
import { LogParserThread } from '../lsp/log-parser-thread.ts';
import { serveLogs } from '../lsp/server.ts';
import { writerDate } from '../site/today.ts';

export const lspCommand: Command = {
  name: 'lsp',
  help: helpCatalogue('en').help.lsp,
  helpIn: (language) => helpCatalogue(language).help.lsp,
  async run(args, io, settings) {
    const language = messageLanguage(settings.locale);
    const { values } = parseCommandArgs('lsp', args, { stdio: { type: 'boolean', default: true } }, false, language);
    if (values.help) {
      io.stdout(helpText(this, language));
      return EXIT_OK;
    }
    // stdout is the protocol's from here on: every other line goes to stderr (the editor's log of the server).
    const log = (line: string) => io.stderr(`${line}\n`);
    // The parser loads on its own thread while this one reads the record index.
    const parser = new LogParserThread({ settings, logsDir: settings.logsDir, cwd: io.cwd }, log);
    const records = await openLogRecords<WorkspaceRecord>({ folder: settings.logsDir, cwd: io.cwd, settings, fields: WORKSPACE_FIELDS, notice: (line) => log(`nisshi lsp: ${line}`) });
    const workspace = new LogWorkspace(records, parser, settings, io.cwd, () => writerDate(settings, io.now()));
    const connection = createConnection(process.stdin, process.stdout);
    serveLogs(connection, workspace, { log });
    // Served until the client says exit (the library ends the process then) or closes the pipe.
    await new Promise<void>((resolve) => connection.onExit(() => resolve()));
    return EXIT_OK;
  },
};

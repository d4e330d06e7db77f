/**
 * The server's own watch of the logs folder, for a client that does not watch
 * files for it (workspace/didChangeWatchedFiles): fs.watch, recursive, its
 * events gathered for a moment so a save that writes twice is read once.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface FolderWatch {
  close(): void;
}

/** Calls `changed` with the absolute paths of the Markdown files changed below `folder` (none when it cannot watch: said once). */
export function watchFolder(folder: string, changed: (files: string[]) => void, log?: (line: string) => void, settleMs = 50): FolderWatch {
  let watcher: FSWatcher;
  const seen = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  try {
    watcher = watch(folder, { recursive: true }, (_event, name) => {
      if (name === null || !String(name).endsWith('.md')) return;
      seen.add(path.join(folder, String(name)));
      timer ??= setTimeout(() => {
        timer = null;
        const files = [...seen];
        seen.clear();
        changed(files);
      }, settleMs);
    });
  } catch (error) {
    log?.(`nisshi lsp: cannot watch ${folder}: ${(error as Error).message}`);
    return { close() {} };
  }
  watcher.on('error', (error) => log?.(`nisshi lsp: watching ${folder}: ${error.message}`));
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}

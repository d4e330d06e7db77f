/**
 * `astro dev`: errors in logs go to Astro's error overlay in the browser
 * instead of stopping the server. (A loader that throws while `astro dev`
 * starts takes the whole server down, and one thrown from a file-watcher
 * event reaches nobody.) The server keeps the logs without errors; each save
 * updates the overlay, and once the last error is fixed the page reloads
 * without it.
 *
 * The loader keeps the errors and sends them; the integration of
 * src/integrations/dev-overlay.ts hands over the dev server's channel to the
 * browser. The two are loaded by different Vite module graphs, so they meet
 * on a global keyed by a registered symbol rather than on a module variable.
 */
import type { AstroIntegrationLogger } from 'astro';
import { formatDiagnosticLine, type LocatedDiagnostic } from '../record/diagnostic-lines.ts';
import { logErrorsError } from './report.ts';
import { messages, type MessageLanguage } from '../record/messages.ts';

/** The part of Vite's client hot channel we use; Astro turns an `error` payload into its overlay. */
export interface HotChannel {
  send(payload: { type: 'error'; err: Record<string, unknown> } | { type: 'full-reload'; path: string }): void;
  on(event: 'vite:client:connect', listener: () => void): void;
}

export interface OverlayChannel {
  hot: HotChannel | null;
  /** What every newly opened page should see, or null when all logs are fine. */
  current: Record<string, unknown> | null;
}

const channelKey = Symbol.for('nisshi.dev-overlay');

/** Where the dev server's channel (set by the integration) and the current errors (set by the loader) meet. */
export function overlayChannel(): OverlayChannel {
  const global = globalThis as { [channelKey]?: OverlayChannel };
  global[channelKey] ??= { hot: null, current: null };
  return global[channelKey];
}

/** Asks every open page to reload (after a saved log was rendered: see watch-logs.ts). */
export function reloadPages(): void {
  overlayChannel().hot?.send({ type: 'full-reload', path: '*' });
}

/** The errors of every log while `astro dev` runs, kept file by file as the writer saves. */
export class DevLogErrors {
  readonly #byPath = new Map<string, LocatedDiagnostic[]>();
  readonly #logger: AstroIntegrationLogger;
  readonly #rootDir: string;
  readonly #language: MessageLanguage;

  constructor(logger: AstroIntegrationLogger, rootDir: string, language: MessageLanguage = 'en') {
    this.#logger = logger;
    this.#rootDir = rootDir;
    this.#language = language;
  }

  /** After a full load: these are all the errors there are. */
  replaceAll(errors: readonly LocatedDiagnostic[]): void {
    this.#byPath.clear();
    for (const error of errors) {
      const list = this.#byPath.get(error.path);
      if (list) list.push(error);
      else this.#byPath.set(error.path, [error]);
    }
    for (const error of errors) this.#logger.error(formatDiagnosticLine(error));
    this.#publish();
  }

  /** After one file was saved (or deleted): its errors now, none if it is fine. */
  replaceFile(path: string, errors: readonly LocatedDiagnostic[]): void {
    const had = this.#byPath.has(path);
    if (errors.length > 0) this.#byPath.set(path, [...errors]);
    else this.#byPath.delete(path);
    for (const error of errors) this.#logger.error(formatDiagnosticLine(error));
    if (had && errors.length === 0) this.#logger.info(`${path}: fixed`);
    this.#publish();
  }

  #publish(): void {
    const overlay = overlayChannel();
    const errors = [...this.#byPath.values()].flat();
    if (errors.length === 0) {
      if (overlay.current) overlay.hot?.send({ type: 'full-reload', path: '*' });
      overlay.current = null;
      return;
    }
    const error = logErrorsError(errors, this.#rootDir, this.#language);
    // The overlay's heading is the error's name and title: in the writer's language, not the class name.
    const say = messages(this.#language);
    overlay.current = {
      name: say.overlayName,
      title: say.overlayTitle,
      message: error.message,
      hint: error.hint,
      loc: (error as { loc?: unknown }).loc,
      stack: '',
    };
    overlay.hot?.send({ type: 'error', err: overlay.current });
  }
}

/**
 * Opening the record index (record-index.ts): the scope's database in the
 * cache folder, or — with a one-line notice — none at all when it cannot be
 * had, and a fresh one when the one there is damaged. Records read with
 * private notes kept never touch it.
 */
import { messageLanguage, messages, type MessageLanguage } from '../record/messages.ts';
import type { ReadSettings } from '../parse/read-settings.ts';
import type { LogParser } from './log-parser.ts';
import { RecordIndex, reasonOf } from './record-index.ts';
import { IndexDamage, RecordStore } from './record-store.ts';
import { recordIndexScope } from './scope.ts';

export interface RecordIndexOptions {
  /** The index's folder (cacheFolder()); null: read every log and keep nothing (`--no-cache`). */
  folder: string | null;
  /** The settings logs are read with; only the part readSettingsOf() names keys the index. */
  settings: ReadSettings;
  /** Keep private notes in (`nisshi parse --include-private`): such a reading never touches the index. */
  includePrivate?: boolean | undefined;
  /** Where the index's one-line notices go (stderr, the build's log). */
  notice?: ((line: string) => void) | undefined;
  parse?: LogParser | undefined;
  /** Stands for another version of the parser's code in tests (scope.ts); the code's own digest otherwise. */
  parserVersion?: string | undefined;
}

export async function openRecordIndex(options: RecordIndexOptions): Promise<RecordIndex> {
  const say = messages(languageOf(options.settings));
  const notice = options.notice ?? (() => {});
  let store: RecordStore | null = null;
  if (options.folder !== null && !options.includePrivate) {
    const scope = recordIndexScope(options.settings, options.parserVersion);
    try {
      store = await RecordStore.open(options.folder, scope);
    } catch (error) {
      if (!(error instanceof IndexDamage)) {
        notice(say.indexUnavailable(options.folder, reasonOf(error)));
      } else {
        // Damaged before anything was read from it: start it again, nothing to rebuild.
        try {
          store = await RecordStore.openAfresh(options.folder, scope);
          notice(say.indexDamaged(store.file, error.message));
        } catch (again) {
          notice(say.indexUnavailable(options.folder, reasonOf(again)));
        }
      }
    }
  }
  return new RecordIndex(store, options, notice, say);
}

function languageOf(settings: ReadSettings): MessageLanguage {
  return settings.messages ?? messageLanguage(settings.locale);
}


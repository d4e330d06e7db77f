/** Bad settings (settings.ts): apart from the schema, so a command can tell this error without loading zod. */
import type { MessageLanguage } from '../record/messages.ts';

/** Bad settings: the message lists every bad field, each on its own line, and says where to fix them. */
export class SettingsError extends Error {
  /** The language the message is written in, for what the caller says around it. */
  readonly language: MessageLanguage;

  constructor(message: string, language: MessageLanguage = 'en') {
    super(message);
    this.name = 'SettingsError';
    this.language = language;
  }
}

/**
 * `missing-image` warnings as the images beside a log are now: the record
 * index keeps none (an image added or removed since would make them wrong),
 * so a reader adds them to a record taken from the index, or parsed on a
 * thread, as readLog adds them to a record it reads.
 */
import { localizeDiagnostic } from '../record/rules.ts';
import type { MessageLanguage } from '../record/messages.ts';
import type { Diagnostic } from '../record/schema.ts';
import { checkImages, imageDiagnostics, type ImageCheck, type LogImage } from '../parse/images.ts';
import type { ParsedLog } from './log-parser.ts';

/** The warnings for the images a log names, as the file system says now, in the writer's language (as readLog makes them). */
export function imageWarnings(images: readonly LogImage[], source: string, check: ImageCheck, language: MessageLanguage): Diagnostic[] {
  if (images.length === 0) return [];
  return imageDiagnostics(checkImages(images, check.logFile ?? source, check), check.logsDir).map((diagnostic) => localizeDiagnostic(diagnostic, language));
}

/** A record parsed on a thread, with its `missing-image` warnings (none for a log whose findings an encoding error stands for). */
export function withImageCheck(parsed: ParsedLog, source: string, check: ImageCheck | undefined, language: MessageLanguage): ParsedLog {
  if (check && !parsed.record.diagnostics.some((diagnostic) => diagnostic.rule === 'encoding')) {
    parsed.record.diagnostics.push(...imageWarnings(parsed.images, source, check, language));
  }
  return parsed;
}

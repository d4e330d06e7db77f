/**
 * Text a reader of one language would have to read in the other, as the tests
 * of nisshi's messages define it:
 *
 * - in Japanese output, an English sentence: three or more English words in a
 *   row ("give the log files"), once what is not prose is set aside — anything
 *   quoted ("…", '…', `…`, 「…」), a {…} field list or <…> placeholder, a rule id
 *   in […], a flag (--date, -h), a path, file name or URL (a word holding / or
 *   a dot or a colon: src/site.config.ts, path:line:column:), an identifier
 *   (logsDir, targets.weeklyMinutes), an upper-case placeholder (FILE,
 *   YYYY-MM-DD), a command line (nisshi parse logs, npm run build) and a
 *   severity word of a diagnostic line; single English words (JSON, Pagefind)
 *   are names, not sentences;
 * - in English output, any kana or kanji outside quotes ("…", 「…」) and
 *   outside the log's own words (`logText`: a plan or a problem title that
 *   status lists is the writer's, in the writer's language): the stretch of a
 *   line from its first Japanese character to its last must be quoted or
 *   written in the logs.
 *
 * Returns the offending passages, one per finding (empty: nothing untranslated).
 */
const quoted = /"[^"\n]*"|'[^'\n]*'|`[^`\n]*`|「[^」\n]*」|『[^』\n]*』|\{[^}\n]*\}|<[^>\n]*>|\[[^\]\n]*\]/gu;
/** In English, an apostrophe is a letter (the writer's log), not a quote. */
const quotedInEnglish = /"[^"\n]*"|`[^`\n]*`|「[^」\n]*」|『[^』\n]*』/gu;
/** A command as typed: nisshi and its command word, npm and its script, then only flags and paths. */
const commandLine = /\b(?:nisshi(?:\s+[a-z][\w-]*)?|npm\s+(?:run\s+[\w:.-]+|ci|test|install|exec)|(?:npx|node|git|aws|gh)\s+\S+)(?:\s+(?:--?[\w-]*(?:=\S*)?|\S*[./]\S*))*/gu;
const notProse = /(?:^|\s)(?:--?[A-Za-z][\w-]*(?:=\S*)?|\S*[/.:@\\]\S*|[a-z]+[A-Z]\w*|[A-Z][A-Z0-9_-]+(?:[\s|][A-Z][A-Z0-9_-]+)*)(?=\s|$)/gu;
const englishSentence = /[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){2,}/gu;
const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]+/gu;

export function untranslated(text: string, language: 'ja' | 'en', logText = ''): string[] {
  const found: string[] = [];
  for (const raw of text.split('\n')) {
    if (language === 'en') {
      const runs = [...raw.replace(quotedInEnglish, ' ').matchAll(japanese)];
      if (runs.length === 0) continue;
      const first = runs[0]!;
      const last = runs.at(-1)!;
      const stretch = raw.slice(first.index, last.index + last[0].length);
      if (!logText.includes(stretch)) found.push(`${stretch} (in: ${raw.trim()})`);
      continue;
    }
    // Repeated: removing one token can leave the next at a word boundary.
    let left = raw.replace(quoted, ' ').replace(commandLine, ' ');
    for (let i = 0; i < 3; i++) left = left.replace(notProse, ' ');
    for (const match of left.matchAll(englishSentence)) found.push(`${match[0]} (in: ${raw.trim()})`);
  }
  return found;
}

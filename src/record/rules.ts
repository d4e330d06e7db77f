/**
 * Every check nisshi makes of a log, by its stable rule id, with its severity
 * and the text of its message. Diagnostics are made only through here
 * (`diagnose`), so a rule id cannot be misspelt in one file, and the words a
 * writer reads live in one table (the base of a translated catalogue later).
 * Messages say what is wrong and what to do about it.
 */
import type { Diagnostic, Severity } from './schema.ts';
import type { MessageLanguage } from './messages.ts';

interface RuleDefinition<P> {
  severity: Severity;
  /** What the rule checks, for documentation and `nisshi check --help`-like listings. */
  summary: string;
  /** The message in English (rule ids and records' messages stay English unless the locale says otherwise). */
  message(params: P): string;
  /** The same message in Japanese, nisshi's default language for the writer. */
  ja(params: P): string;
}

function rule<P = Record<string, never>>(definition: RuleDefinition<P>): RuleDefinition<P> {
  return definition;
}

export const rules = {
  'encoding': rule<{ byte: string; offset: number; convert: { encoding: string; command: string } | null }>({
    severity: 'error',
    summary: 'the file is not UTF-8',
    message: ({ byte, offset, convert }) =>
      `not valid UTF-8 (byte 0x${byte} at offset ${offset}); ` +
      (convert ? `it reads as ${convert.encoding}: convert it to UTF-8 with: ${convert.command}` : 'save the log as UTF-8'),
    ja: ({ byte, offset, convert }) =>
      `UTF-8 ではありません（オフセット ${offset} のバイト 0x${byte}）。` +
      (convert ? `${convert.encoding} として読めます。次のコマンドで UTF-8 に変換してください: ${convert.command}` : 'UTF-8 で保存し直してください'),
  }),
  'frontmatter-unclosed': rule({
    severity: 'error',
    summary: 'frontmatter opened with "---" and never closed',
    message: () => 'frontmatter starts with "---" but has no closing "---" line; add one after the last key',
    ja: () => 'フロントマターが "---" で始まっていますが、閉じる "---" の行がありません。最後のキーの後に追加してください',
  }),
  'frontmatter-yaml': rule<{ reason: string | null }>({
    severity: 'error',
    summary: 'frontmatter that is not a YAML mapping',
    message: ({ reason }) =>
      reason === null
        ? 'frontmatter must be "key: value" lines (a YAML mapping)'
        : `frontmatter is not valid YAML: ${reason}; fix the line or quote the value`,
    ja: ({ reason }) =>
      reason === null
        ? 'フロントマターは "キー: 値" の行（YAML のマッピング）で書いてください'
        : `フロントマターが正しい YAML ではありません（YAML の読み取り: "${reason}"）。その行を直すか、値を引用符で囲んでください`,
  }),
  'frontmatter-toml': rule({
    severity: 'error',
    summary: 'TOML frontmatter ("+++"), which nisshi does not read',
    message: () =>
      'this log starts with TOML frontmatter ("+++"), which nisshi does not read (a draft setting in it would be lost); ' +
      'write it as YAML between "---" lines on the first line (draft: true, tags: [a, b])',
    ja: () =>
      'このログは TOML のフロントマター（"+++"）で始まっていますが、nisshi は TOML を読みません（下書きの設定が失われます）。' +
      '最初の行から "---" で囲んだ YAML で書いてください（draft: true, tags: [a, b]）',
  }),
  'frontmatter-not-first': rule<{ blankLines: boolean; comment: boolean; spaced: boolean; from: number; to: number }>({
    severity: 'warning',
    summary: 'frontmatter that does not start on the first line (after blank lines or an HTML comment, or with spaces around "---")',
    message: ({ blankLines, comment, spaced, from, to }) => {
      const why = [blankLines ? 'after blank lines' : '', comment ? 'after an HTML comment' : '', spaced ? 'with spaces around its delimiter' : ''].filter(Boolean).join(' and ');
      return `frontmatter ${why}: nisshi read lines ${from}–${to} as frontmatter; put "---" alone on the very first line`;
    },
    ja: ({ blankLines, comment, spaced, from, to }) => {
      const why = [blankLines ? '空行の後にありました' : '', comment ? 'HTML のコメントの後にありました' : '', spaced ? '"---" の前後に空白がありました' : ''].filter(Boolean).join('、');
      return `${from}〜${to} 行目をフロントマターとして読みました（${why}）。"---" だけの行をファイルの先頭に置いてください`;
    },
  }),
  'frontmatter-alias': rule<{ anchor: string }>({
    severity: 'error',
    summary: 'YAML anchors and aliases in the frontmatter',
    message: ({ anchor }) =>
      `frontmatter uses the YAML anchor "&${anchor}"; nisshi does not read anchors and aliases (*${anchor}), ` +
      'which can make a few lines stand for gigabytes: write each value out',
    ja: ({ anchor }) =>
      `フロントマターで YAML のアンカー "&${anchor}" が使われています。nisshi はアンカーとエイリアス（*${anchor}）を読みません（数行で何ギガバイトにもなり得るため）。値をそれぞれ書き出してください`,
  }),
  'frontmatter-tags': rule({
    severity: 'warning',
    summary: 'tags that are neither a list nor a string',
    message: () => 'tags should be a list (tags: [aws, lambda]) or a comma-separated string',
    ja: () => 'tags はリスト（tags: [aws, lambda]）かカンマ区切りの文字列で書いてください',
  }),
  'frontmatter-draft': rule<{ key: string; value: string; draft: boolean }>({
    severity: 'warning',
    summary: 'a draft flag that is not true or false, or a draft-like key other than "draft"',
    message: ({ key, value, draft }) =>
      key === 'draft'
        ? `draft should be true or false, not "${value}"; nisshi treats this log as ${draft ? 'a draft' : 'published'}`
        : `"${key}: ${value}" reads as a draft, so this log is not published; write "draft: true" (or remove the key and write "draft: false" to publish it)`,
    ja: ({ key, value, draft }) =>
      key === 'draft'
        ? `draft は true か false で書いてください（"${value}" ではなく）。このログは${draft ? '下書き' : '公開'}として扱います`
        : `"${key}: ${value}" は下書きの指定と読めるので、このログは公開しません。"draft: true" と書いてください（公開するならそのキーを消して "draft: false"）`,
  }),
  'frontmatter-nested': rule<{ key: string }>({
    severity: 'warning',
    summary: 'a published frontmatter key holding a mapping or a nested list, which is not published',
    message: ({ key }) =>
      `"${key}" holds a mapping or a list inside a list, which the site does not publish: nisshi left that part out; ` +
      'write plain values (text, numbers, true/false, or a list of them)',
    ja: ({ key }) =>
      `"${key}" の値にマッピングやリストの中のリストがあり、サイトには公開しないので取り除きました。` +
      '文字・数・true/false か、それらのリストで書いてください',
  }),
  'frontmatter-stray-draft': rule<{ text: string }>({
    severity: 'warning',
    summary: 'a draft setting written in the body instead of the frontmatter',
    message: ({ text }) =>
      `"${text}" reads as a frontmatter line, but it is not in the frontmatter: nisshi treats this log as a draft and does not publish it; ` +
      'move it into the frontmatter at the very top ("---" lines), or remove it to publish the log',
    ja: ({ text }) =>
      `"${text}" はフロントマターの行と読めますが、フロントマターの中にありません。このログは下書きとして扱い、公開しません。` +
      'ファイルの先頭の "---" の間に移すか、公開するならこの行を消してください',
  }),
  'tag-not-a-page': rule<{ tag: string; problem: string }>({
    severity: 'error',
    summary: 'a tag that cannot be a page name under /tags/',
    message: ({ tag, problem }) =>
      `tag ${JSON.stringify(tag)} cannot be a page under /tags/ (${problem}); ` +
      'rename it without "/", "\\", "%", "?", "#" or control characters, and not "." or ".."',
    ja: ({ tag, problem }) =>
      `タグ ${JSON.stringify(tag)} は /tags/ の下のページ名になれません（${problem}）。"/"、"\\"、"%"、"?"、"#"、制御文字を含まず、"." や ".." でない名前にしてください`,
  }),
  'log-too-large': rule<{ size: string; limit: string; settingsFile: string }>({
    severity: 'error',
    summary: 'a log over the size limit (maxLogBytes)',
    message: ({ size, limit, settingsFile }) =>
      `this log is ${size}, over the limit of ${limit}: nisshi did not read it; split it into smaller logs, or raise maxLogBytes in ${settingsFile}`,
    ja: ({ size, limit, settingsFile }) =>
      `このログは ${size} で、上限 ${limit} を超えているため読みませんでした。小さなログに分けるか、${settingsFile} の maxLogBytes を上げてください`,
  }),
  'nesting-too-deep': rule<{ depth: string; limit: number; settingsFile: string }>({
    severity: 'error',
    summary: 'quotes, lists or inline marks nested deeper than maxNesting',
    message: ({ depth, limit, settingsFile }) =>
      `quotes, lists or inline marks here are nested ${depth} levels deep, over the limit of ${limit}: ` +
      `nisshi did not read this log; flatten the nesting, or raise maxNesting in ${settingsFile}`,
    ja: ({ depth, limit, settingsFile }) =>
      `引用・リスト・インラインの記号が ${depth} 段の入れ子になっていて、上限 ${limit} を超えているため読みませんでした。入れ子を浅くするか、${settingsFile} の maxNesting を上げてください`,
  }),
  'marks-too-dense': rule<{ marks: string; limit: number }>({
    severity: 'error',
    summary: 'a paragraph with more emphasis, code or link marks than can be read in reasonable time without Sätteri',
    message: ({ marks, limit }) =>
      `this paragraph has ${marks} marks (*, _, ~, \` or [ ]), over ${limit}: without Sätteri nisshi cannot read it in reasonable time and did not read this log; ` +
      'split the paragraph with blank lines, escape the marks (\\*), or put them in a code block',
    ja: ({ marks, limit }) =>
      `この段落には記号（*、_、~、\`、[ ]）が ${marks} 個あり、${limit} 個を超えています。Sätteri なしでは現実的な時間で読めないため、このログは読みませんでした。` +
      '空行で段落を分けるか、記号をエスケープする（\\*）か、コードブロックに入れてください',
  }),
  'marks-read-fast': rule<{ marks: string; limit: number }>({
    severity: 'warning',
    summary: 'a log that needs the CommonMark reference reader, with a paragraph too dense for it',
    message: ({ marks, limit }) =>
      `this paragraph has ${marks} marks (*, _, ~, \` or [ ]), over ${limit}, too many for the CommonMark reference reader that this log's "\\**" or "_**" needs: ` +
      'nisshi read it with its fast reader, which may show those few marks as typed; split the paragraph with blank lines or escape the marks (\\*)',
    ja: ({ marks, limit }) =>
      `この段落には記号（*、_、~、\`、[ ]）が ${marks} 個あり（上限 ${limit}）、このログの "\\**" や "_**" に必要な CommonMark の参照実装では読み切れません。` +
      '速い読み方で読んだため、その記号は書いたとおりに表示されることがあります。空行で段落を分けるか、記号をエスケープしてください（\\*）',
  }),
  'invalid-date': rule<{ value: string }>({
    severity: 'error',
    summary: 'a frontmatter date that is not a date',
    message: ({ value }) => `frontmatter date "${value}" is not a date; write it as YYYY-MM-DD`,
    ja: ({ value }) => `フロントマターの date "${value}" は日付ではありません。YYYY-MM-DD で書いてください`,
  }),
  'no-date': rule({
    severity: 'error',
    summary: 'no date in the frontmatter, a heading, a date line or the file name',
    message: () =>
      'no date found; give it one of these ways: "date: YYYY-MM-DD" in the frontmatter, a date in the first heading (# 2025年8月3日), ' +
      'a line "日付: 2025-08-03" or a first line starting with the date, or a file name such as 2025-08-03.md or 2025/08/03.md ' +
      '(folders whose name starts with a dot are skipped)',
    ja: () =>
      '日付が見つかりません。次のどれかで日付を書いてください: フロントマターの "date: YYYY-MM-DD"、最初の見出しの日付（# 2025年8月3日）、' +
      '"日付: 2025-08-03" の行か日付で始まる最初の行、または 2025-08-03.md や 2025/08/03.md のようなファイル名' +
      '（名前がドットで始まるフォルダーは読みません）',
  }),
  'date-mismatch': rule<{ source: string; date: string; pathDate: string }>({
    severity: 'warning',
    summary: 'the log says another day than its file name',
    message: ({ source, date, pathDate }) =>
      `the ${source} says ${date} but the file name says ${pathDate}; nisshi uses ${date} — rename the file or fix the date if that is wrong`,
    ja: ({ source, date, pathDate }) =>
      `${source} は ${date} ですが、ファイル名は ${pathDate} です。nisshi は ${date} を使います。違っていればファイル名か日付を直してください`,
  }),
  'heading-missing-space': rule<{ text: string }>({
    severity: 'warning',
    summary: '"##見出し" without the space Markdown needs',
    message: ({ text }) => `"${text}" is not a heading in Markdown; put a space after the #`,
    ja: ({ text }) => `"${text}" は Markdown の見出しになりません。# の後に空白を入れてください`,
  }),
  'count-mismatch': rule<{ label: string; raw: string; count: number }>({
    severity: 'warning',
    summary: 'a declared problem count that differs from the problems written',
    message: ({ label, raw, count }) =>
      `"${label}: ${raw}" does not match the ${count} problem(s) the log has (numbered "問題N: …", or items of a problem section); correct the count or the problems`,
    ja: ({ label, raw, count }) =>
      `${label} は ${raw} ですが、書かれた問題（"問題N: …" や「詰まったこと」の下の項目）は ${count} 件です。件数か問題の書き方を直してください`,
  }),
  'study-time-unreadable': rule<{ label: string; raw: string }>({
    severity: 'warning',
    summary: 'a study time nisshi cannot read',
    message: ({ label, raw }) => `"${label}: ${raw}" is not a time nisshi can read; write it like "2時間30分", 1.5h or "90分"`,
    ja: ({ label, raw }) => `${label} "${raw}" は読み取れる時間ではありません。2時間30分、1.5h、90分 のように書いてください`,
  }),
  'study-time-implausible': rule<{ written: string; line: string | null; hours: number; summed?: boolean }>({
    severity: 'warning',
    summary: 'a study time longer than a day can hold (vocabulary.maxStudyMinutes), left out',
    message: ({ written, line, hours, summed }) =>
      line === null
        ? `the frontmatter's study time (${written}) is more than ${hours} hours in a day; nisshi leaves it out — give the day's time, in hours (study: 2) or as 2h30m`
        : summed
          ? `the study times ${written} (from "${line}" on) add up to more than ${hours} hours in a day; nisshi leaves them out — label the ones that are not today's (予定, 今週, 累計: …)`
          : `study time "${written}" in "${line}" is more than ${hours} hours in a day; nisshi leaves it out — if it is a running total, label it (累計: …) and give today's time (今日: 2h)`,
    ja: ({ written, line, hours, summed }) =>
      line === null
        ? `フロントマターの学習時間（${written}）が 1 日の ${hours} 時間を超えているため、使いません。その日の時間を時間数（study: 2）か 2h30m の形で書いてください`
        : summed
          ? `学習時間 ${written}（「${line}」から）を足すと 1 日の ${hours} 時間を超えるため、使いません。今日の分でないもの（予定、今週、累計: …）にはラベルを付けてください`
          : `「${line}」の学習時間「${written}」が 1 日の ${hours} 時間を超えているため、使いません。累計なら「累計: …」と書き、今日の時間を「今日: 2h」のように書いてください`,
  }),
  'study-time-ambiguous': rule<{ others: string; written: string; kinds?: boolean }>({
    severity: 'warning',
    summary: 'several study times, none marked as today\'s, or several kinds that disagree (実績 and 今日)',
    message: ({ others, written, kinds }) =>
      kinds
        ? `study times of several kinds disagree (${others}); nisshi took "${written}" (実績 first, then 今日, then an unlabelled 学習時間) — keep one day's time, or label the others (予定, 今週, 累計)`
        : `several study times (${others}) and none is marked as today's; nisshi took "${written}" — label them, e.g. "今日: 2h / 累計: 120h"`,
    ja: ({ others, written, kinds }) =>
      kinds
        ? `種類の違う学習時間が食い違っています（${others}）。「${written}」を使いました（実績、今日、ラベルのない学習時間の順）。今日の時間を 1 つにするか、ほかに（予定、今週、累計）のラベルを付けてください`
        : `学習時間が複数あり（${others}）、どれが今日の分か書かれていません。「${written}」を使いました。「今日: 2h / 累計: 120h」のようにラベルを付けてください`,
  }),
  'duplicate-slug': rule<{ slug: string; others: string }>({
    severity: 'error',
    summary: 'two published logs that would share one page',
    message: ({ slug, others }) =>
      `slug "${slug}" is also used by ${others}; two logs would share one page: merge them, or rename one so its slug differs`,
    ja: ({ slug, others }) =>
      `スラッグ "${slug}" は ${others} でも使われています。二つのログが一つのページになってしまいます。まとめるか、一方の名前を変えてください`,
  }),
  'private-unclosed': rule({
    severity: 'warning',
    summary: 'a <!-- private --> block with no <!-- /private --> after it',
    message: () => '"<!-- private -->" is never closed: everything after it is kept off the site; add "<!-- /private -->" where the private part ends',
    ja: () => '"<!-- private -->" が閉じられていないため、その後ろはすべてサイトに出しません。非公開の終わりに "<!-- /private -->" を書いてください',
  }),
  'template-placeholder': rule<{ text: string }>({
    severity: 'warning',
    summary: 'a placeholder of the `nisshi new` template left in the log',
    message: ({ text }) => `"${text}" is the template's placeholder; write your own text here or delete the line`,
    ja: ({ text }) => `"${text}" はテンプレートの仮の文字です。自分の言葉に書き換えるか、その行を消してください`,
  }),
  'same-date': rule<{ date: string; others: string }>({
    severity: 'warning',
    summary: 'two published logs for the same day',
    message: ({ date, others }) => `${others} is also the log of ${date}; the site shows both on that day and sums their figures — merge them if that is not what you meant`,
    ja: ({ date, others }) => `${others} も ${date} のログです。サイトではその日に両方を表示し、数値を合計します。意図しないものなら一つにまとめてください`,
  }),
  'link-outside-logs': rule<{ target: string }>({
    severity: 'error',
    summary: 'a symbolic link to a file outside the logs folder',
    message: ({ target }) =>
      `this is a link to ${target}, outside the logs folder; nisshi did not read it: move or copy the log into the logs folder, or remove the link`,
    ja: ({ target }) =>
      `これはログのフォルダの外にある ${target} へのリンクなので読みませんでした。ログをフォルダの中に移すかコピーするか、リンクを消してください`,
  }),
  'missing-image': rule<{ url: string; why: 'missing' | 'outside' }>({
    severity: 'warning',
    summary: 'an image beside the log that is not there, or not inside the logs folder',
    message: ({ url, why }) =>
      why === 'outside'
        ? `the image "${url}" is outside the logs folder, so the site does not copy it: put it inside the logs folder (beside the log, or in a folder such as logs/images/) and link it relatively`
        : `the image "${url}" does not exist; the page shows its text instead: put the file there or correct the path (relative to this log)`,
    ja: ({ url, why }) =>
      why === 'outside'
        ? `画像 "${url}" はログのフォルダの外にあるため、サイトにコピーしません。ログのフォルダの中（ログの隣や logs/images/ など）に置いて、相対パスで書いてください`
        : `画像 "${url}" がありません。ページには画像の代わりに説明の文字を出します。ファイルを置くか、パス（このログからの相対パス）を直してください`,
  }),
  'internal-error': rule<{ reason: string }>({
    severity: 'error',
    summary: 'nisshi failed on this log (a bug of ours)',
    message: ({ reason }) => `nisshi could not read this log (${reason}); please report this with the file`,
    ja: ({ reason }) => `このログを読めませんでした（"${reason}"）。nisshi の不具合です。ファイルを添えて報告してください`,
  }),
  'render-error': rule<{ reason: string }>({
    severity: 'error',
    summary: 'the site could not render this log as HTML (a bug of ours)',
    message: ({ reason }) => `nisshi could not render this log as HTML (${reason}); please report this with the file`,
    ja: ({ reason }) => `このログを HTML にできませんでした（"${reason}"）。nisshi の不具合です。ファイルを添えて報告してください`,
  }),
} as const;

export type RuleId = keyof typeof rules;
type ParamsOf<R extends RuleId> = Parameters<(typeof rules)[R]['message']>[0];

export function ruleMessage<R extends RuleId>(id: R, params: ParamsOf<R>, language: MessageLanguage = 'en'): string {
  const definition = rules[id] as unknown as RuleDefinition<ParamsOf<R>>;
  return language === 'ja' ? definition.ja(params) : definition.message(params);
}

/** The parameters each diagnostic was made with, so its message can be said again in another language. */
const paramsOfDiagnostic = new WeakMap<Diagnostic, object>();

/** A diagnostic's message in the given language (made with diagnose in this thread; others are kept as they are). */
export function localizeDiagnostic(diagnostic: Diagnostic, language: MessageLanguage): Diagnostic {
  const params = paramsOfDiagnostic.get(diagnostic);
  if (language === 'en' || params === undefined || !(diagnostic.rule in rules)) return diagnostic;
  return { ...diagnostic, message: ruleMessage(diagnostic.rule as RuleId, params as never, language) };
}

/** A diagnostic of rule `id` at a place in the file, with the rule's severity and message. */
export function diagnose<R extends RuleId>(id: R, line: number, column: number, ...params: ParamsOf<R> extends Record<string, never> ? [] : [ParamsOf<R>]): Diagnostic {
  const values = (params[0] ?? {}) as ParamsOf<R>;
  const diagnostic: Diagnostic = { severity: rules[id].severity, rule: id, line, column, message: ruleMessage(id, values) };
  paramsOfDiagnostic.set(diagnostic, values as object);
  return diagnostic;
}

/**
 * `nisshi drop <id or text>`: gives a plan or task up by writing the drop into
 * today's log (src/edit/drop-edit.ts: the carried line struck through, or a
 * struck line added under ## 持ち越し), never into the log it was written in,
 * and prints the line it wrote. The plan is found by its chain's id (as
 * /data/plans.json and `nisshi status --json` give it) or by its text, in any
 * spelling that is the same plan (plan-key.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { parseCommandArgs } from './args.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './errors.ts';
import { helpText, type Command } from './io.ts';
import { closeIndex, loadLogs, MORNING_FIELDS, openIndex } from './load.ts';
import { writeFileAtomically } from './write-atomic.ts';
import { applyTextEdit, dropEdit } from '../edit/drop-edit.ts';
import { findLogFiles } from '../files/log-files.ts';
import { resolveVocabulary } from '../parse/vocabulary.ts';
import { helpCatalogue } from '../record/help-texts.ts';
import { messageLanguage, messages } from '../record/messages.ts';
import { writerDate } from '../site/today.ts';
import { carriedItems, type CarryRecord } from '../stats/carry-over.ts';
import { planChains } from '../stats/plan-chains.ts';
import { keysMatch, planKeyer } from '../stats/plan-key.ts';
import type { StatsOptions } from '../stats/types.ts';

/** Something that can be dropped: an open plan chain, or a task left open. */
export interface DropCandidate {
  id: string | null;
  text: string;
  kind: 'plan' | 'unfinished';
  from: string;
}

const chainId = /^[0-9a-f]{12}$/u;

/**
 * The open plans (not done nor dropped, stale and いつか ones included) and the
 * tasks left open (the carry-over's, and today's own unticked ones), each once.
 */
export function dropCandidates(records: readonly CarryRecord[], options: StatsOptions): DropCandidate[] {
  const keyOf = planKeyer(resolveVocabulary(options.vocabulary));
  const seen = new Set<string>();
  const found: DropCandidate[] = [];
  const add = (candidate: DropCandidate) => {
    const key = keyOf(candidate.text);
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    found.push(candidate);
  };
  for (const chain of planChains(records, options)) {
    if (chain.status === 'open' || chain.status === 'overdue') add({ id: chain.id, text: chain.text, kind: 'plan', from: chain.plannedOn });
  }
  // The plans and tasks carried (the problems are not dropped this way).
  const carry = carriedItems(records, options.today, options);
  for (const item of [...carry.items, ...carry.stale]) add({ id: item.chainId, text: item.text, kind: item.kind, from: item.from });
  for (const record of records.filter((candidate) => candidate.date === options.today)) {
    const dropped = new Set(record.drops.map((drop) => drop.line));
    for (const item of record.checklist) {
      if (!item.done && !dropped.has(item.line)) add({ id: null, text: item.text, kind: item.carried?.kind ?? 'unfinished', from: item.carried?.from ?? options.today });
    }
  }
  return found;
}

/** The candidates a query names: by id, else by the same plan key, else by a key containing the other (keysMatch). */
export function matchDrop(candidates: readonly DropCandidate[], query: string, keyOf: (text: string) => string): DropCandidate[] {
  if (chainId.test(query)) return candidates.filter((candidate) => candidate.id === query);
  const key = keyOf(query);
  const exact = candidates.filter((candidate) => keyOf(candidate.text) === key);
  return exact.length > 0 ? exact : candidates.filter((candidate) => keysMatch(keyOf(candidate.text), key));
}

export const dropCommand: Command = {
  name: 'drop',
  help: helpCatalogue('en').help.drop,
  helpIn: (language) => helpCatalogue(language).help.drop,
  async run(args, io, settings) {
    const language = messageLanguage(settings.locale);
    const say = messages(language).drop;
    const { values, positionals } = parseCommandArgs('drop', args, { 'no-cache': { type: 'boolean', default: false } }, true, language);
    if (values.help) {
      io.stdout(helpText(this, language));
      return EXIT_OK;
    }
    const query = positionals.join(' ').trim();
    if (query === '') throw new CliError(say.needsTarget, EXIT_USAGE);
    const today = writerDate(settings, io.now());
    const folder = path.resolve(io.cwd, settings.logsDir);
    // The morning's slim records (record-columns.ts): what the plan chains and the carry-over read.
    const index = await openIndex('drop', io, settings, { noCache: values['no-cache'] });
    const loaded = existsSync(folder) ? await loadLogs(index.read(await findLogFiles([settings.logsDir], io.cwd), MORNING_FIELDS)) : [];
    await closeIndex('drop', index, io);
    const todays = loaded.filter((log) => log.record.date === today && !log.file.refusal).sort((a, b) => (a.record.slug < b.record.slug ? -1 : 1))[0];
    const newPath = path.join(settings.logsDir, `${today}.md`);
    if (!todays) throw new CliError(say.noTodayLog(today, newPath), EXIT_FINDINGS);
    // What the site reads: drafts and logs with errors do not count, and nothing after today.
    const records = loaded
      .map((log) => log.record)
      .filter((record) => record.date !== null && record.date <= today && !record.draft && !record.diagnostics.some((diagnostic) => diagnostic.severity === 'error'));
    const options: StatsOptions = { today, weekStart: settings.weekStart, vocabulary: settings.vocabulary, carryOver: settings.carryOver };
    const keyOf = planKeyer(resolveVocabulary(settings.vocabulary));
    const matches = matchDrop(dropCandidates(records, options), query, keyOf);
    if (matches.length === 0) throw new CliError(say.noMatch(query), EXIT_FINDINGS);
    if (matches.length > 1) {
      const listed = matches.map((candidate) => `  ${candidate.id ?? '-'.padEnd(12)}  ${candidate.text}（${candidate.from}）`).join('\n');
      throw new CliError(`${say.ambiguous(query, matches.length)}\n${listed}`, EXIT_FINDINGS);
    }
    const target = matches[0]!;
    const file = todays.file.absolutePath;
    const shown = todays.file.displayPath;
    // Read again just before writing: the editor may have saved since.
    const text = await readFile(file, 'utf8');
    const result = dropEdit(text, { text: target.text, kind: target.kind, from: target.from }, { path: todays.record.source, settings, date: today });
    if (result.kind === 'already') {
      io.stderr(`${say.already(target.text, `${shown}:${result.line}`)}\n`);
      return EXIT_OK;
    }
    try {
      await writeFileAtomically(file, applyTextEdit(text, result.edit));
    } catch (error) {
      throw new CliError(messages(language).cannotWrite(shown, (error as Error).message), EXIT_USAGE);
    }
    io.stdout(`${shown}:${result.line}: ${result.written}\n`);
    io.stderr(`${say.dropped(target.text)}\n`);
    return EXIT_OK;
  },
};

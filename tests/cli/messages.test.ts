/** The message catalogue: every diagnostic rule speaks Japanese and English; the language follows NISSHI_LANG, then locale. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseLog } from '../../src/parse/parse-log.ts';
import { messageLanguage, messages } from '../../src/record/messages.ts';
import { ruleMessage, rules, type RuleId } from '../../src/record/rules.ts';

const kana = /[\u3040-\u30ff]/;
/** Any parameter a message asks for: a word, so every branch that compares it takes its general path. */
const anyParams = new Proxy({}, { get: (_target, key) => (key === 'count' || key === 'limit' || key === 'offset' ? 3 : `「${String(key)}」`) });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('rule messages', () => {
  it.each(Object.keys(rules) as RuleId[])('%s has a Japanese and an English message', (id) => {
    const ja = ruleMessage(id, anyParams as never, 'ja');
    const en = ruleMessage(id, anyParams as never, 'en');
    expect(ja).toMatch(kana);
    expect(en.replace(/「[^」]*」/g, '')).not.toMatch(kana);
    expect(ja).not.toBe(en);
  });

  it('reach the record in the writer\'s language, rule ids in English', () => {
    const ja = parseLog('本文だけ\n', { path: 'notes.md', settings: { messages: 'ja' } });
    const en = parseLog('本文だけ\n', { path: 'notes.md', settings: { messages: 'en' } });
    expect(ja.diagnostics.map((diagnostic) => diagnostic.rule)).toEqual(['no-date']);
    expect(en.diagnostics.map((diagnostic) => diagnostic.rule)).toEqual(['no-date']);
    expect(ja.diagnostics[0]!.message).toBe(rules['no-date'].ja({}));
    expect(en.diagnostics[0]!.message).toBe(rules['no-date'].message({}));
  });
});

describe('the language of messages', () => {
  it('is Japanese by default, English with locale en or NISSHI_LANG=en', () => {
    expect(messageLanguage('ja', '')).toBe('ja');
    expect(messageLanguage(undefined, '')).toBe('ja');
    expect(messageLanguage('en', '')).toBe('en');
    expect(messageLanguage('en-US', '')).toBe('en');
    expect(messageLanguage('ja', 'en')).toBe('en');
    expect(messageLanguage('en', 'ja')).toBe('ja');
    vi.stubEnv('NISSHI_LANG', '');
    expect(messageLanguage('ja')).toBe('ja');
  });

  it('has every CLI sentence in both languages', () => {
    const ja = messages('ja');
    const en = messages('en');
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    expect(ja.carried(3)).toBe('3 件を持ち越しました');
    expect(en.carried(3)).toBe('carried over 3 item(s)');
    expect(ja.week(270, 600)).toBe('今週: 4.5 / 10 時間（45%）');
  });
});

describe('the build\'s and the dev overlay\'s error', () => {
  it('speaks the writer\'s language around the diagnostic lines', async () => {
    const { logErrorsError } = await import('../../src/loader/report.ts');
    const errors = [{ path: 'logs/a.md', line: 1, column: 1, severity: 'error' as const, message: 'x', rule: 'no-date' }];
    expect(logErrorsError(errors, '/', 'ja').message).toMatch(/^1 件のログに 1 件のエラー:\nlogs\/a\.md:1:1: error x \[no-date\]/);
    expect(logErrorsError(errors, '/', 'en').message).toMatch(/^1 error in 1 log:/);
  });
});

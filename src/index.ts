/** nisshi's parser: read a daily Japanese Markdown log into a typed record. */
export { parseLog, type ParseLogOptions } from './parse/parse-log.ts';
export { remarkNisshi, type NisshiOptions } from './parse/plugin.ts';
export { defaultVocabulary, resolveVocabulary, type Vocabulary, type SectionKind } from './parse/vocabulary.ts';
export * from './record/schema.ts';

/** nisshi's parser: read a daily Japanese Markdown log into a typed record. */
export { parseLog, type ParseLogOptions } from './parse/parse-log.ts';
export { remarkNisshi, extractLog, type NisshiOptions } from './parse/extract-log.ts';
export { readLog, type ReadLogOptions, type ReadSettings, type TreeBuilder } from './parse/read-log.ts';
export { remarkTree } from './parse/remark-tree.ts';
export { defaultVocabulary, resolveVocabulary, type Vocabulary, type SectionKind } from './parse/vocabulary.ts';
export * from './record/schema.ts';

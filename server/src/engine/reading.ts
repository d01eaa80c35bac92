// The engine's second public entry: what reading a manifest into the workspace model needs (the
// parse, the summaries, the size limits), without the rules. The indexing workers load only this,
// so each starts in a fraction of the time the whole engine (every rule) takes to load.
export { MAX_TEXT_LENGTH, parseFile, tooLarge } from './model/parse';
export type { ParsedFile } from './model/parse';
export { formatSize } from './size';
export { summarizeFile, summarizeText } from './workspace/summary';
export type { ObjectSummary } from './workspace/summary';

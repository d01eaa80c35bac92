// Minimal, style-preserving text edits on YAML: the building blocks of quick fixes. Pure (text
// and `yaml` nodes in, edits out): an edit never re-stringifies a document, it touches only the
// setting being hardened and follows the file's indentation, list style, quoting and line breaks.
export { applyEdits, applyFixes, fixToFixedPoint, mergeEdits } from './edit';
export type { ApplyFixesResult, ApplyResult, Fix, FixedPointResult, TextEdit } from './edit';
export type { RemoveOptions } from './common';
export { setIn, setScalar } from './map';
export { removeFromSeq, removeItem, removeItems, removeKey } from './remove';
export { appendItem, ensureInSeq } from './seq';
export { blockMapLines, blockItemLines, inlineValue, isPlainSafe, renderFlow, renderKey, renderScalar } from './render';
export type { RenderOptions, YamlScalar, YamlValue } from './render';
export { styleFor } from './style';
export type { Style } from './style';
export type { Target } from './nodes';

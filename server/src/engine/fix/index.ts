// Minimal, style-preserving text edits on YAML: the building blocks of quick fixes. Pure (text
// and `yaml` nodes in, edits out): an edit never re-stringifies a document, it touches only the
// setting being hardened and follows the file's indentation, list style, quoting and line breaks.
//
// Every primitive takes the original text, its parsed Document and the map or list to change
// (a node, or a yaml-nav Ref) and returns the edits of one fix:
//   - TextEdit[]: apply together (applyEdits for one fix, applyFixes for several at once);
//   - []: nothing to change (the value is already there, the key already absent);
//   - undefined: declined: the value lives elsewhere (an alias, a `<<` merge, a node an alias
//     shares), the document has errors, or the change cannot be written in the node's style.
export { applyEdits, applyFixes, fixToFixedPoint, mergeEdits } from './edit';
export type { ApplyFixesResult, ApplyResult, Fix, FixedPointResult, TextEdit } from './edit';
export type { RemoveOptions } from './common';
export { setIn, setScalar } from './map';
export { removeFromSeq, removeItem, removeItems, removeKey } from './remove';
export { appendItem, ensureInSeq } from './seq';
export { blockItemLines, blockMapLines, inlineValue, isPlainSafe, renderFlow, renderKey, renderScalar } from './render';
export type { Quote, RenderOptions, YamlScalar, YamlValue } from './render';
export { styleFor } from './style';
export type { Style } from './style';
export type { Target } from './nodes';
export { disableEscalation, removeFrom, setInContainer, setInherited, setInPod } from './workload';
export { keepingComments, removeItemPruning, removePruning, replaceEntry, setProfileType, setValue, titleLabel, together } from './workload';
export type { EditBuilder } from './workload';
export { removeVolume, replaceWithEmptyDir } from './volumes';
export { replaceItem, replaceKey } from './replace';
export { inTitle, removeFromContainer, removeFromPod, setInheritedAt } from './workload';
export { deepestFirst, emptyDirMountEdits } from './workload';
export { envValueToSecretRef } from './env';
export { appendDocument, createDocument, newDocumentFile } from './document';
export type { NewDocument } from './document';
export { defaultDenyPolicy, workloadPolicy } from './network';
export { removeVerb, replaceItemWithMany } from './rbac';
export { integrityOf, refusal } from './integrity';
export type { Integrity } from './integrity';
export { API_CONSTRAINTS, apiViolations } from './constraints';
export type { ApiConstraint } from './constraints';
export { NODE_AGENT_KEEPS, nodeAgentOf } from './node-agent';
export type { NodeAgent } from './node-agent';

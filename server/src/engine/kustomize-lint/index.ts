// Linting through Kustomize: render each root, judge what gets applied, report at the source
// line that decides it.
export { planKustomize, renderSafely } from './plan';
export type { KustomizePlan, PlanOptions, RootRender } from './plan';
export { judgeRenders, KUSTOMIZE_RULE_ID } from './judge';
export type { FindingSource, JudgedFinding, JudgeOptions } from './judge';
export { RenderedStreams } from './rendered-stream';
export { isKustomizeDirective, isOnSetValue } from './partial';
export { suppressInSource } from './suppress';
export { overlaySource, sourceFixes } from './source-fix';
export type { SourceFix, SourceFixContext, SourceFixKind } from './source-fix';
export { rootNames } from './judge';
export { objectSkeleton, patchEntryEdit, smpPatchFor } from './patch-files';

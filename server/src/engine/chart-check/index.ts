export { ChartJudging, chartValueSets, judgeChart, chartNote } from './judge';
export type { ChartFinding, ChartJudgement, ChartJudgeOptions, ChartRelated, SetFailure, SetRender, ValueSet } from './judge';
export { mapFinding, pointAt, spanOf } from './map-finding';
export type { MappedFinding, SourcePoint, SourceSpan, ValueOrigin } from './map-finding';
export { chartFix } from './chart-fix';
export type { ChartFileEdit, ChartFix, ChartFixOptions } from './chart-fix';

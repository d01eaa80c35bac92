// Where a finding on a rendered chart document points in the chart's sources: the template
// action that printed the offending text (and the values file node that set the value it
// printed), or the literal template text around it. Pure: the chart's files are handed in.
import type { Finding } from '../lint';
import { ChartDocument, originAt } from '../render/helm';
import { locateValueNode } from '../render/helm/values-locate';

/** 1-based line and column, as the CLI prints them. */
export interface SourcePoint { line: number; column: number }

/** A span of a chart file (path relative to the chart folder, `/`-separated). */
export interface SourceSpan { path: string; start: SourcePoint; end: SourcePoint; startOffset: number; endOffset: number }

/** The values file node that set the value a template printed. */
export interface ValueOrigin {
  /** The values file, relative to the chart folder (`values.yaml`, `ci/x-values.yaml`). */
  file: string;
  /** The path under `.Values`. */
  key: Array<string | number>;
  /** The key's span (the item's, in a sequence). */
  keySpan: SourceSpan;
  /** The value node's offsets, when it has one (`key:` alone has none). */
  value?: { start: number; end: number };
}

export interface MappedFinding { at: SourceSpan; value?: ValueOrigin; printedBy?: 'action' | 'text' }

/** 1-based line and column of an offset in a text. */
export function pointAt(text: string, offset: number): SourcePoint {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

export function spanOf(path: string, text: string, start: number, end: number): SourceSpan {
  return { path, start: pointAt(text, start), end: pointAt(text, end), startOffset: start, endOffset: end };
}

/** The chart folder a template belongs to, relative to the root chart ('' or `charts/sub/`). */
function chartFolderOf(templatePath: string): string {
  const dir = templatePath.includes('/') ? templatePath.slice(0, templatePath.lastIndexOf('/')) : '.';
  return dir.replace(/templates(\/.*)?$/, '');
}

/**
 * `sources`: the renderer's template name -> {path, text}. `valueFile`: the value set's own file
 * (tried first) and `fileText`: any chart file's text by its relative path.
 */
export function mapFinding(
  f: Pick<Finding, 'offsets'>, doc: ChartDocument, sources: Map<string, { path: string; text: string }>,
  valueFile: { path: string; text: string } | undefined, fileText: (path: string) => string | undefined,
): MappedFinding | undefined {
  const file = doc.file;
  if (!file) return undefined;
  const at = doc.offset + f.offsets[0];
  const o = originAt(file.origins, at);
  if (!o) return undefined;
  const src = sources.get(o.origin.file);
  if (!src) {
    // Text parsed by `tpl` has no file of its own: the innermost call site in a template stands for it.
    const site = [...o.origin.via].reverse().find(v => sources.has(v.file));
    if (!site) return undefined;
    const s = sources.get(site.file)!;
    return { at: spanOf(s.path, s.text, site.start, site.end) };
  }
  if (o.origin.kind === 'text') {
    const start = o.origin.offset + (at - o.start);
    const end = Math.min(start + (f.offsets[1] - f.offsets[0]), o.origin.offset + (o.end - o.start));
    return { at: spanOf(src.path, src.text, start, Math.max(end, start)), printedBy: 'text' };
  }
  const mapped: MappedFinding = { at: spanOf(src.path, src.text, o.origin.start, o.origin.end), printedBy: 'action' };
  const vp = o.origin.path;
  if (vp && vp[0] === 'Values') {
    const key = vp.slice(1);
    const own = `${chartFolderOf(src.path)}values.yaml`;
    const candidates = [valueFile, { path: own, text: fileText(own) }];
    for (const vf of candidates) {
      if (!vf || vf.text === undefined) continue;
      const hit = locateValueNode(vf.text, key);
      if (!hit) continue;
      mapped.value = {
        file: vf.path, key,
        keySpan: spanOf(vf.path, vf.text, hit.keyStart, hit.keyEnd),
        ...(hit.valueStart !== undefined ? { value: { start: hit.valueStart, end: hit.valueEnd! } } : {}),
      };
      break;
    }
  }
  return mapped;
}

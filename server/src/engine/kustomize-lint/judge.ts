// Lints what each kustomization root renders and brings every finding back to the line that
// decided it: a value to the node that set it (a patch's, when a patch did), something missing
// to the object's (or container's) node in the file that defines it. A finding is reported once
// per source location, naming the roots when it does not hold in every root reaching that file.
import type { Finding, LintResult, ResolvedConfig } from '../lint';
import type { ParsedFile } from '../model/parse';
import { appendAll } from '../util/arrays';
import { LineIndex } from '../model/text';
import type { FileSource, Origin, RenderedObject, RenderResult } from '../render/kustomize';
import { WorkspaceIndex } from '../workspace';
import { buildFinding, KUSTOMIZE_RULE_ID, problemFindings } from './problems';
import type { KustomizePlan } from './plan';
import { isIdentity, renderedPathAt } from './rendered-path';
import { RenderedStreams } from './rendered-stream';

export interface JudgedFinding {
  /** The source file (as the FileSource names it) the finding lands in. */
  file: string;
  /** Offsets and range in that file; no fix (the edit would be to the rendered text). */
  finding: Finding;
  /** For a finding on a rendered object (not a kustomization problem): where it comes from. */
  source?: FindingSource;
}

export interface FindingSource {
  /** The roots whose render holds the finding (sorted). */
  roots: string[];
  /** True when the finding sits on a value this file's node sets (else: something missing). */
  set: boolean;
  /** The document (or generator entry) that defines the object. */
  definedAt: Origin;
}

export interface JudgeOptions {
  /** The model of everything no rendered root covers; each root's objects join a copy of it. */
  workspace: WorkspaceIndex;
  /** The configuration a root is judged with. */
  configFor(root: string): ResolvedConfig;
  /** The URI the rendered objects of a root get in the model (inside the root's folder). */
  renderedUri(root: string): string;
  /**
   * Findings of a render judged earlier with the same workspace and configuration (the editor
   * keeps one per model generation): a root whose render did not change is not linted again.
   */
  rootCache?: WeakMap<RenderResult, RootFindings>;
  /**
   * The last lint of each root's rendered stream (the editor's): a new render of a root is
   * parsed and linted from it, so only the objects an edit changed are parsed and linted again.
   */
  streams?: RenderedStreams;
}

/** One root's findings, placed in source files, before they are merged across roots. */
export type RootFindings = Array<JudgedFinding & { definedAt: Origin; set: boolean }>;

export { KUSTOMIZE_RULE_ID };

export function judgeRenders(fs: FileSource, plan: KustomizePlan, options: JudgeOptions): JudgedFinding[] {
  const texts = new Map<string, LineIndex | undefined>();
  const lines = (file: string) => {
    if (!texts.has(file)) {
      const t = fs.readFile(file);
      texts.set(file, t === undefined ? undefined : options.streams ? options.streams.lines(file, t) : new LineIndex(t));
    }
    return texts.get(file);
  };
  // Source location -> the finding and the roots it holds in.
  const merged = new Map<string, { judged: JudgedFinding; definedAt: Origin; set: boolean; roots: string[] }>();
  for (const { root, result } of plan.renders) {
    if (!result.ok) continue;
    const found = options.rootCache?.get(result) ?? judgeRoot(root, result.objects, result.texts, options, lines);
    options.rootCache?.set(result, found);
    for (const { key, judged, definedAt, set } of keyedFindings(found)) {
      const seen = merged.get(key);
      if (seen) { if (!seen.roots.includes(root)) seen.roots.push(root); } else merged.set(key, { judged, definedAt, set, roots: [root] });
    }
  }
  const rendered = plan.renders.filter(r => r.result.ok).map(r => r.root);
  const names = new Map<string, string>();
  const shortName = rootNames(rendered);
  // Asked for every finding's roots: each root's name once.
  const name = (root: string) => { let n = names.get(root); if (n === undefined) names.set(root, n = shortName(root)); return n; };
  // Asked for two files of every finding (thousands in a large root): once per file.
  const reached = new Map<string, string[]>();
  const reach = (file: string) => {
    let roots = reached.get(file);
    if (!roots) reached.set(file, roots = (plan.inclusions.get(file) ?? []).map(i => i.root).filter(r => rendered.includes(r)));
    return roots;
  };
  // Roots' names depend on which roots rendered: part of what a merged finding says.
  const context = rendered.join('\0');
  const missing = (list: readonly string[], roots: readonly string[]) => list.some(r => !roots.includes(r));
  const out: JudgedFinding[] = [];
  for (const { judged, definedAt, set, roots } of merged.values()) {
    // Not in every root that applies the object (or the file): say where it holds.
    const partial = missing(reach(judged.file), roots) || missing(reach(definedAt.file), roots);
    // The same finding in the same roots as last time: the same answer (a root that did not
    // render again gives the same findings, and most of a keystroke's findings are theirs).
    const before = merges.get(judged);
    if (before && before.partial === partial && before.context === context && before.set === set && before.definedAt === definedAt
      && before.roots.length === roots.length && before.roots.every((r, i) => r === roots[i])) { out.push(before.out); continue; }
    const named = roots.map(name).sort();
    const sorted = roots.length > 1 ? [...roots].sort() : roots;
    const suffix = partial ? ` (in ${named.length === 1 ? 'overlay' : 'overlays'} ${named.join(', ')})` : '';
    const result: JudgedFinding = { file: judged.file, finding: { ...judged.finding, message: judged.finding.message + suffix }, source: { roots: sorted, set, definedAt } };
    merges.set(judged, { partial, roots, context, set, definedAt, out: result });
    out.push(result);
  }
  return [...out, ...problemFindings(plan, lines)];
}

interface KeyedFinding { key: string; judged: JudgedFinding; definedAt: Origin; set: boolean }

/**
 * A root's findings with their merge keys: kept by the root's findings array (a root whose render
 * did not change gives the same one) and by each finding (a page placed as before gives the same
 * findings, placedPages), so a finding keeps one identity while it holds.
 */
const keyedLists = new WeakMap<RootFindings, KeyedFinding[]>();
const keyedOnes = new WeakMap<RootFindings[number], KeyedFinding>();

/** Each finding merged last time, and what it gave. */
const merges = new WeakMap<JudgedFinding, { partial: boolean; roots: readonly string[]; context: string; set: boolean; definedAt: Origin; out: JudgedFinding }>();

function keyedFindings(found: RootFindings): KeyedFinding[] {
  let list = keyedLists.get(found);
  if (!list) {
    list = found.map((f) => {
      let one = keyedOnes.get(f);
      if (!one) {
        const { definedAt, set, ...judged } = f;
        const key = `${judged.file}\0${judged.finding.offsets[0]}\0${judged.finding.offsets[1]}\0${judged.finding.ruleId}\0${judged.finding.messageId}`;
        keyedOnes.set(f, one = { key, judged, definedAt, set });
      }
      return one;
    });
    keyedLists.set(found, list);
  }
  return list;
}

function judgeRoot(root: string, objects: readonly RenderedObject[], texts: readonly string[], options: JudgeOptions,
  lines: (file: string) => LineIndex | undefined): RootFindings {
  const uri = options.renderedUri(root);
  const { pages } = (options.streams ?? new RenderedStreams()).lint(root, uri, texts, options.configFor(root), options.workspace);
  const out: RootFindings = [];
  pages.forEach(({ parsed, result }, i) => {
    const object = objects[i];
    if (!object) return;
    // The same lint of the same tree, placed in the same source texts: placed as before.
    const kept = placedPages.get(result);
    if (kept && kept.tree === object.tree && kept.uri === uri && sameOrigin(kept.findings[0]?.definedAt, object.definedAt)
      && kept.files.every(([file, index]) => lines(file) === index)) {
      appendAll(out, kept.findings);
      return;
    }
    const files = new Map<string, LineIndex | undefined>();
    const findings = placePage(object, parsed, result, uri, file => { const index = lines(file); files.set(file, index); return index; });
    placedPages.set(result, { tree: object.tree, uri, files: [...files], findings });
    appendAll(out, findings);
  });
  return out;
}

const sameOrigin = (a: Origin | undefined, b: Origin) => !a || (a.file === b.file && a.range[0] === b.range[0] && a.range[1] === b.range[1]);

/** A page's findings placed in source files, kept by its lint (a keystroke elsewhere places them again for nothing). */
const placedPages = new WeakMap<LintResult, { tree: object; uri: string; files: Array<[string, LineIndex | undefined]>; findings: RootFindings }>();

/** One rendered object's findings (its page: offsets within its text) placed in source files. */
function placePage(object: RenderedObject, parsed: ParsedFile, result: LintResult, uri: string, lines: (file: string) => LineIndex | undefined): RootFindings {
  const out: RootFindings = [];
  for (const f of result.findings) {
    const doc = parsed.documents[f.object.docIndex];
    if (!doc) continue;
    const where = renderedPathAt(doc.doc.contents, f.offsets[0]);
    const at = sourceOf(object, where);
    const index = lines(at.file);
    if (!index) continue;
    // A finding on an entry's key (a securityContext that lacks a setting) marks that key again.
    const last = String(where.path[where.path.length - 1]);
    const key = where.onKey && at.whole ? keyBefore(index.text, at.range[0], last)
      // A patch repeated the name the finding sits on: the defining file's own name, as a lint of it marks.
      : where.onValue && at.parentOfLast ? valueOnFirstLine(index.text, at.range, last) : undefined;
    const mapped = buildFinding(index, key ?? at.range, f, !key && !at.exact);
    mapped.related = f.related.filter(r => r.uri !== uri);
    out.push({ file: at.file, finding: mapped, definedAt: object.definedAt, set: at.exact && where.onValue && !isIdentity(where.path) });
  }
  return out;
}

/**
 * Where a finding on the rendered node at `path` belongs. A value lands where it was set. A
 * finding on a map or list (something missing in it) lands on the nearest enclosing node the
 * defining file wrote: a patch that only adds a securityContext is not where a missing setting
 * is missing from.
 */
function sourceOf(object: RenderedObject, at: { path: (string | number)[]; onValue: boolean }): { file: string; range: [number, number]; exact: boolean; whole: boolean; parentOfLast: boolean } {
  const defining = object.definedAt.file;
  const setting = at.onValue && !isIdentity(at.path);
  for (let n = at.path.length; n >= 0; n--) {
    const origin: Origin | undefined = object.originAt(at.path.slice(0, n));
    if (!origin) continue;
    const exact = n === at.path.length && (setting || origin.file === defining);
    if (exact || origin.file === defining) return { ...origin, exact, whole: n === at.path.length, parentOfLast: n === at.path.length - 1 };
  }
  return { ...object.definedAt, exact: false, whole: false, parentOfLast: false };
}

/**
 * Short names for roots: their paths below the folder all of them share (`production`,
 * `staging` for overlays/production and overlays/staging); a root that is that folder keeps its
 * last segment.
 */
export function rootNames(roots: readonly string[]): (root: string) => string {
  const split = roots.map(r => r.split('/'));
  let common = split.length ? split[0].length : 0;
  for (const parts of split) {
    let i = 0;
    while (i < common && i < parts.length && parts[i] === split[0][i]) i++;
    common = i;
  }
  if (roots.length === 1) common = Math.max(0, split[0].length - 1);
  return root => {
    const parts = root.split('/');
    const below = parts.slice(common).join('/');
    return below || parts[parts.length - 1] || root;
  };
}

/** The range of `key:` written just before a value that starts at `valueStart`, if it is there. */
function keyBefore(text: string, valueStart: number, key: string): [number, number] | undefined {
  const from = Math.max(0, valueStart - key.length - 400);
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(["']?)${escaped}\\1[ \\t]*:[ \\t]*(#[^\\n]*)?\\s*(-[ \\t]*)?$`).exec(text.slice(from, valueStart));
  return m ? [from + m.index, from + m.index + m[1].length * 2 + key.length] : undefined;
}

/** The value of `key: value` when it is the first line of the map at `range`. */
function valueOnFirstLine(text: string, range: [number, number], key: string): [number, number] | undefined {
  const line = text.slice(range[0], range[1]).split(/\r?\n/)[0];
  const m = /^(["']?)([^"':]+)\1[ \t]*:[ \t]*(["']?)([^"'#\s]+)\3/.exec(line);
  if (!m || m[2] !== key) return undefined;
  const start = range[0] + m[0].length - m[3].length * 2 - m[4].length + m[3].length;
  return [start, start + m[4].length];
}

// Fixes where the value lives. A finding judged through a render is fixed in a source file: the
// node that set the offending value (the patch, when a patch did), or, for a missing setting,
// either the base object (every overlay gets it) or one overlay's patch for the object (its
// existing strategic-merge patch, else a new patch file listed in its kustomization). The edit
// itself is the rule's own fix, built on the source file's text as written; nothing is offered
// until the edits are applied to the file set, the roots rendered and judged again, and the
// finding is gone with every edited file still parsing.
import type { Finding, ResolvedConfig } from '../lint';
import type { FixSafety } from '../rule';
import { lintParsed } from '../lint';
import { fixRefusal } from '../fixing';
import { applyEdits, TextEdit } from '../fix/edit';
import { integrityOf } from '../fix/integrity';
import { parseFile } from '../model/parse';
import type { FileSource, RenderResult } from '../render/kustomize';
import { isKustomizationPath, kustomizationFilesIn } from '../render/kustomize/file-names';
import { judgeRenders, JudgedFinding, JudgeOptions } from './judge';
import { planKustomize, renderSafely } from './plan';
import { objectSkeleton, patchEntryEdit, smpPatchFor } from './patch-files';

export type SourceFixKind = 'node' | 'base' | 'patch' | 'new-patch';

export interface SourceFix {
  title: string;
  kind: SourceFixKind;
  safety: FixSafety;
  /** What an unsafe fix may break (the rule's words). */
  risk?: string;
  /** Edits of existing files, by path (over their current text). */
  edits: Array<{ file: string; edits: TextEdit[] }>;
  /** A file to create (its path is free: never an overwrite). */
  create?: { file: string; text: string };
}

export interface SourceFixContext {
  fs: FileSource;
  /** Folders holding a kustomization (the roots are found among them). */
  dirs: readonly string[];
  judge: JudgeOptions;
  /** A free path for a new file named like `name` in folder `dir` (never one that exists), or undefined. */
  freePath(dir: string, name: string): string | undefined;
  /** Short name of a root, for titles. */
  rootName(root: string): string;
  /**
   * How a root is rendered while a fix is proven (`changed`: the files the fix writes): the
   * editor reuses the render of a root that read none of them. Default: render it.
   */
  render?(fs: FileSource, root: string, changed: ReadonlySet<string>): RenderResult;
}

/** Every proven fix of one judged finding, in the order they are offered. */
export function sourceFixes(ctx: SourceFixContext, judged: JudgedFinding): SourceFix[] {
  const source = judged.source;
  if (!source) return [];
  const config = ctx.judge.configFor(source.roots[0]);
  const candidates: SourceFix[] = [];
  const own = ruleFixIn(ctx.fs.readFile(judged.file), judged.finding, config, sameNode(judged.finding));
  if (source.set) {
    if (own) candidates.push({ title: own.title, kind: 'node', safety: own.safety, risk: own.risk, edits: [{ file: judged.file, edits: own.edits }] });
    return candidates.filter(c => proven(ctx, judged, c, source.roots));
  }
  const proofs: Array<{ fix: SourceFix; roots: string[] }> = [];
  if (own && judged.file === source.definedAt.file) {
    proofs.push({ fix: { title: `${own.title} in the base (every overlay)`, kind: 'base', safety: own.safety, risk: own.risk, edits: [{ file: judged.file, edits: own.edits }] }, roots: source.roots });
  }
  for (const root of source.roots) {
    // A root that lists the defining file itself is the base: its "patch" would be the object. An
    // object a kustomization generated (a chart's) has no file: a patch is how it is changed.
    const generated = isKustomizationPath(source.definedAt.file);
    if (!generated && source.definedAt.file.startsWith(`${root}/`) && !source.definedAt.file.slice(root.length + 1).includes('/')) continue;
    const fix = overlayPatchFix(ctx, judged, root, config);
    if (fix) proofs.push({ fix, roots: [root] });
  }
  return proofs.filter(p => proven(ctx, judged, p.fix, p.roots)).map(p => p.fix);
}

/** Add the missing setting to the overlay's strategic-merge patch for the object, or to a new one. */
function overlayPatchFix(ctx: SourceFixContext, judged: JudgedFinding, root: string, config: ResolvedConfig): SourceFix | undefined {
  const skeleton = skeletonOf(ctx, judged, root);
  if (!skeleton) return undefined;
  const overlay = ctx.rootName(root);
  const existing = smpPatchFor(ctx.fs, root, skeleton.identity);
  if (existing) {
    const fix = ruleFixIn(ctx.fs.readFile(existing.file), judged.finding, config, sameFinding(judged.finding));
    if (fix) {
      return { title: `${fix.title} in overlay ${overlay}'s patch ${baseName(existing.file)}`, kind: 'patch', safety: fix.safety, risk: fix.risk, edits: [{ file: existing.file, edits: fix.edits }] };
    }
  }
  const fix = ruleFixIn(skeleton.text, judged.finding, config, sameFinding(judged.finding));
  const file = ctx.freePath(root, `${skeleton.identity.name}-${judged.finding.ruleId}.yaml`);
  const kustomization = existing?.kustomization ?? kustomizationFile(ctx.fs, root);
  const kustomizationText = kustomization && ctx.fs.readFile(kustomization);
  if (!fix || !file || !kustomization || kustomizationText === undefined) return undefined;
  const entry = patchEntryEdit(kustomizationText, baseName(file));
  if (!entry) return undefined;
  const text = applyEdits(skeleton.text, fix.edits).text;
  return {
    title: `${fix.title} in a new patch ${baseName(file)} of overlay ${overlay}`, kind: 'new-patch', safety: fix.safety, risk: fix.risk,
    edits: [{ file: kustomization, edits: [entry] }], create: { file, text },
  };
}

/**
 * The patch skeleton of the judged object: from the document that defines it, or, for an object a
 * kustomization's generator made (a Helm chart's, defined at its entry), from its rendered text.
 */
function skeletonOf(ctx: SourceFixContext, judged: JudgedFinding, root: string): ReturnType<typeof objectSkeleton> {
  const { definedAt } = judged.source!;
  if (!isKustomizationPath(definedAt.file)) {
    const text = ctx.fs.readFile(definedAt.file);
    return text === undefined ? undefined : objectSkeleton(text, definedAt.range[0], judged.finding.data);
  }
  const result = ctx.render ? ctx.render(ctx.fs, root, new Set()) : renderSafely(ctx.fs, root);
  if (!result.ok) return undefined;
  const { kind, name } = judged.finding.object;
  const i = result.objects.findIndex(o => o.definedAt.file === definedAt.file && o.definedAt.range[0] === definedAt.range[0] && o.definedAt.range[1] === definedAt.range[1]
    && plainField(o.value, 'kind') === kind && plainField(plainField(o.value, 'metadata'), 'name') === name);
  return i < 0 ? undefined : objectSkeleton(result.texts[i], 0, judged.finding.data);
}

function plainField(v: unknown, key: string): unknown {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
}

/** The rule's own fix for the finding in a source text linted as written, if it offers one. */
function ruleFixIn(text: string | undefined, finding: Finding, config: ResolvedConfig, matches: (f: Finding) => boolean): { title: string; safety: FixSafety; risk?: string; edits: TextEdit[] } | undefined {
  if (text === undefined) return undefined;
  let found: Finding | undefined;
  try {
    found = lintParsed(parseFile(text), config).findings.find(f => f.ruleId === finding.ruleId && f.messageId === finding.messageId && matches(f));
  } catch {
    return undefined;
  }
  const edits = found?.fix?.edits();
  if (!found?.fix || !edits?.length || fixRefusal(text, edits)) return undefined;
  return { title: found.fix.title, safety: found.fix.safety, ...(found.fix.risk ? { risk: found.fix.risk } : {}), edits };
}

const sameNode = (target: Finding) => (f: Finding) => f.offsets[0] === target.offsets[0] && sameData(f, target);
const sameFinding = (target: Finding) => (f: Finding) => sameData(f, target);

function sameData(a: Finding, b: Finding): boolean {
  const keys = new Set([...Object.keys(a.data), ...Object.keys(b.data)]);
  return [...keys].every(k => String(a.data[k]) === String(b.data[k]));
}

/**
 * Applies the fix to the file set, renders and judges again: the finding must be gone from the
 * roots it is meant to fix, and every file the fix writes must parse.
 */
function proven(ctx: SourceFixContext, judged: JudgedFinding, fix: SourceFix, roots: readonly string[]): boolean {
  const changed = new Map<string, string>();
  for (const { file, edits } of fix.edits) {
    const before = ctx.fs.readFile(file);
    if (before === undefined) return false;
    const after = applyEdits(before, edits);
    if (after.dropped.length > 0 || integrityOf(after.text).errors > 0) return false;
    changed.set(file, after.text);
  }
  if (fix.create) {
    if (ctx.fs.kindOf(fix.create.file) !== undefined || integrityOf(fix.create.text).errors > 0) return false;
    changed.set(fix.create.file, fix.create.text);
  }
  const fs = overlaySource(ctx.fs, changed);
  const target = judged.finding;
  const written = new Set(changed.keys());
  const render = ctx.render;
  const plan = planKustomize(fs, ctx.dirs, f => f === judged.file || f === judged.source!.definedAt.file,
    render ? { render: (source, root) => render(source, root, written) } : {});
  if (roots.some(root => !plan.renders.some(r => r.root === root && r.result.ok))) return false;
  return !judgeRenders(fs, plan, ctx.judge).some(j => j.source && j.finding.ruleId === target.ruleId && j.finding.messageId === target.messageId
    && j.finding.object.kind === target.object.kind && j.finding.object.name === target.object.name && sameData(j.finding, target)
    && j.source.roots.some(r => roots.includes(r)));
}

/** `inner` with some files' texts replaced or added (their folders listed as holding them). */
export function overlaySource(inner: FileSource, files: ReadonlyMap<string, string>): FileSource {
  const parentOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';
  return {
    readFile: p => files.get(p) ?? inner.readFile(p),
    kindOf: p => (files.has(p) ? 'file' : inner.kindOf(p)),
    listDir: p => {
      const names = inner.listDir(p);
      const added = [...files.keys()].filter(f => parentOf(f) === p).map(f => f.slice(p.length + 1));
      if (!added.length) return names;
      return [...new Set([...(names ?? []), ...added])].sort();
    },
  };
}

function kustomizationFile(fs: FileSource, dir: string): string | undefined {
  return kustomizationFilesIn(dir).find(f => fs.kindOf(f) === 'file');
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

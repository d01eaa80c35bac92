// A kustomization folder built as part of a larger build (a base, a sub-kustomization) is kept,
// with everything it read, and handed to the next build that includes it with the same inputs:
// the other overlays of the same base, and the next keystroke in an overlay's patch, never build
// that base again. The kept objects are shared, not copied (resource.ts copies a tree on its
// first write), so what an overlay changes costs a copy of the objects it changes only.
//
// What a folder's build depends on besides its path: every file text, listing and file kind it
// read (checked again on each use, which also records them for the caller's own bookkeeping),
// the load restrictions, the transformer configuration and the var names declared before it
// (earlier resources may have merged configurations or declared vars), and the folders being
// built around it (a cycle through it must still be reported).
import { FileSource } from './file-source';
import { keptRead, Read, readsHold } from './reads';
import { RenderNote } from './notes';
import { Resource } from './resource';
import { defaultTransformerConfig, TransformerConfig } from './transformer-config';
import { BoundVar } from './vars';

/** Kept builds (the last one of each folder and load restriction); the oldest go first. */
const KEPT_LIMIT = 64;

interface KeptBuild {
  reads: Read[];
  restrictToRoot: boolean;
  configBefore: string;
  varsBefore: string;
  /** Every folder the build went into (itself first). */
  visited: string[];
  resources: Resource[];
  notes: RenderNote[];
  /** Vars it declared, each bound to one of `resources`. */
  vars: Array<{ bound: BoundVar; index: number }>;
  configAfter: TransformerConfig;
  configAfterKey: string | undefined;
  /** Set when the build rendered charts: the namespace they were rendered into by default. */
  helm?: { namespace: string | undefined };
}

const kept = new Map<string, KeptBuild>();

/**
 * Builds of kept folders since start: made, and taken from the memo; and transformer
 * configurations copied because a kustomization merged into one a kept build holds (tests read it).
 */
export const buildStats = { built: 0, reused: 0, configCopies: 0 };

export function clearBuildMemo(): void { kept.clear(); }

/** What a folder's build reads of the build around it, and changes in it. */
export interface FolderBuildState {
  fs: TrackingSource;
  notes: RenderNote[];
  stack: string[];
  restrictToRoot: boolean;
  vars: BoundVar[];
  config: TransformerConfig;
  /** `config` as JSON while it is known (the build clears it when a kustomization merges configurations). */
  configKey?: string;
  /** True while `config` is a kept build's too: never changed in place (ownConfig copies it first). */
  configShared?: boolean;
  /** Every folder built so far, in order (a kept build adds the ones it went into). */
  visited: string[];
  /** The namespace charts without their own are rendered into (the nearest enclosing kustomization's). */
  helmNamespace?: string;
  /** Kustomizations with `helmCharts` built so far: a build that had any depends on `helmNamespace`. */
  helmCharts?: number;
}

/**
 * The objects of the folder `dir` (built by `build`, which loads its kustomization), from the memo
 * when every input reads the same; each call gets its own objects, sharing the kept trees.
 */
export function buildFolder(state: FolderBuildState, dir: string, build: () => Resource[]): Resource[] {
  const key = `${state.restrictToRoot ? 'r' : 'n'}\0${dir}`;
  const configBefore = (state.configKey ??= JSON.stringify(state.config));
  const varsBefore = state.vars.map((v) => v.name).join('\0');
  const hit = kept.get(key);
  if (hit && hit.configBefore === configBefore && hit.varsBefore === varsBefore
    && (!hit.helm || hit.helm.namespace === state.helmNamespace)
    && !hit.visited.some((d) => state.stack.includes(d)) && readsHold(hit.reads, state.fs)) {
    buildStats.reused++;
    if (hit.helm) state.helmCharts = (state.helmCharts ?? 0) + 1;
    kept.delete(key);
    kept.set(key, hit);
    return handOut(state, hit);
  }
  const notesFrom = state.notes.length, varsFrom = state.vars.length, visitedFrom = state.visited.length, chartsFrom = state.helmCharts ?? 0;
  const reads = state.fs.record();
  let resources: Resource[];
  try {
    resources = build();
  } finally {
    state.fs.stopRecording(reads);
  }
  buildStats.built++;
  const vars = state.vars.slice(varsFrom).map((bound) => ({ bound, index: resources.indexOf(bound.target) }));
  // A var bound to an object the build dropped again cannot be handed over: not kept.
  if (vars.some((v) => v.index < 0)) return resources;
  const entry: KeptBuild = {
    reads, restrictToRoot: state.restrictToRoot, configBefore, varsBefore, visited: state.visited.slice(visitedFrom),
    resources, notes: state.notes.slice(notesFrom), vars, configAfter: state.config, configAfterKey: state.configKey,
    ...((state.helmCharts ?? 0) > chartsFrom ? { helm: { namespace: state.helmNamespace } } : {}),
  };
  // Kept as it is: whoever changes it next copies it (ownConfig).
  state.configShared = true;
  kept.delete(key);
  kept.set(key, entry);
  if (kept.size > KEPT_LIMIT) kept.delete(kept.keys().next().value!);
  // The kept objects are never handed out themselves: the caller writes its own.
  state.vars.length = varsFrom;
  state.visited.length = visitedFrom;
  state.notes.length = notesFrom;
  return handOut(state, entry);
}

/** The kept build's effects on the build around it, and its objects (shared until written). */
function handOut(state: FolderBuildState, entry: KeptBuild): Resource[] {
  const resources = entry.resources.map((r) => r.share());
  state.notes.push(...entry.notes);
  for (const v of entry.vars) state.vars.push({ ...v.bound, target: resources[v.index] });
  // Most builds never change the configuration after a base: it is copied only when one does.
  state.config = entry.configAfter;
  state.configShared = true;
  state.configKey = entry.configAfterKey;
  state.visited.push(...entry.visited);
  return resources;
}

/** Kustomize's default transformer configuration, made once, frozen, with its key (its JSON). */
let defaults: { config: TransformerConfig; key: string } | undefined;

/**
 * The default configuration every build starts from, shared (a build that merges into it copies
 * it first, ownConfig): making it and writing its key cost more than many a keystroke's render.
 */
export function sharedDefaultConfig(): { config: TransformerConfig; key: string } {
  if (!defaults) {
    const config = deepFreeze(defaultTransformerConfig());
    defaults = { config, key: JSON.stringify(config) };
  }
  return defaults;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The build's transformer configuration, to change: copied first when a kept build holds it. */
export function ownConfig(state: FolderBuildState): TransformerConfig {
  if (state.configShared) {
    state.config = structuredClone(state.config);
    state.configShared = false;
    buildStats.configCopies++;
  }
  return state.config;
}

/** A FileSource that lists what it answered to every recording open at the time (they nest). */
export class TrackingSource implements FileSource {
  private readonly open: Read[][] = [];
  constructor(private readonly inner: FileSource) {}

  readFile(path: string): string | undefined { return this.keep('readFile', path, this.inner.readFile(path)); }
  /** Kept as a read of the file's text: other bytes read as other text. */
  readBytes(path: string): Uint8Array | undefined { this.readFile(path); return this.inner.readBytes?.(path); }
  listDir(path: string): string[] | undefined { return this.keep('listDir', path, this.inner.listDir(path)); }
  kindOf(path: string): 'file' | 'dir' | undefined { return this.keep('kindOf', path, this.inner.kindOf(path)); }

  record(): Read[] {
    const reads: Read[] = [];
    this.open.push(reads);
    return reads;
  }

  stopRecording(reads: Read[]): void {
    const i = this.open.lastIndexOf(reads);
    if (i >= 0) this.open.splice(i, 1);
  }

  private keep<T extends Read['answer']>(op: Read['op'], path: string, answer: T): T {
    if (this.open.length > 0) {
      const read = keptRead(op, path, answer);
      for (const list of this.open) list.push(read);
    }
    return answer;
  }
}

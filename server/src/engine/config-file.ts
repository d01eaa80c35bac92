// The repository file `.kube-harden.yaml` (or `.yml`): the team's agreement on levels, presets,
// rule settings and registries, read by the CLI and the editor alike. Read as data only (one
// YAML document, never evaluated). Each mistake is reported at its node and only the faulty
// setting (or rule key, or list entry) is dropped, so the rest of the file still applies. A
// syntax error is the exception: a file that does not parse applies nothing, as a half-read
// agreement could silently loosen what the team chose.
import { Document, isMap, isScalar, isSeq, LineCounter, Node, parseDocument, Scalar } from 'yaml';
import { ConfigInput, normalizeConfig } from './config';
import { LineIndex, Range } from './model/text';
import { parseSize, SIZE_HINT } from './size';
import { RULES } from './registry';
import type { RuleMeta } from './rule';

export const CONFIG_FILE_NAMES: readonly string[] = ['.kube-harden.yaml', '.kube-harden.yml'];

export function isConfigFileName(name: string): boolean {
  return CONFIG_FILE_NAMES.includes(name);
}

export interface ConfigFileProblem {
  /** error: the setting was dropped; warning: kept, but it does nothing (a rule key naming no rule). */
  severity: 'error' | 'warning';
  message: string;
  offsets: [number, number];
  /** 0-based, as in LSP. */
  range: Range;
}

export interface ConfigFile {
  /** The valid settings, for mergeConfigInputs. */
  input: ConfigInput;
  /** Globs relative to the file's folder: files left out, as kubeHarden.exclude. */
  exclude?: string[];
  /** The lowest severity that fails `kube-harden check` (CI only; the editor has no exit code). */
  failOn?: FailOn;
  /** Files larger than this many bytes are not judged (reported as skipped), as kubeHarden.maxFileSize. */
  maxFileSize?: number;
  /**
   * Extra value files per chart: the chart folder relative to this file's folder, and value files
   * relative to the chart folder. Each is a value set the chart is judged with, after values.yaml.
   */
  helm?: Record<string, { values: string[] }>;
  problems: ConfigFileProblem[];
}

/** `never`: findings never fail the run (errors reading files still do). */
export type FailOn = 'error' | 'warning' | 'info' | 'never';
export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'info', 'never'];

type Key = keyof ConfigInput | 'exclude' | 'failOn' | 'maxFileSize' | 'helm';
const KEYS: readonly Key[] = ['level', 'podSecurityVersion', 'preset', 'enableAll', 'rules', 'trustedRegistries', 'deniedRegistries', 'defaultNamespace', 'exclude', 'failOn', 'maxFileSize', 'helm'];
const HELM_EXAMPLE = '{"charts/web": {values: [values-prod.yaml]}}';

export function parseConfigFile(text: string, known: readonly Pick<RuleMeta, 'id' | 'category'>[] = RULES): ConfigFile {
  const lines = new LineIndex(text);
  const problems: ConfigFileProblem[] = [];
  const at = (node: Node | { range?: [number, number, number?] | null } | undefined, severity: ConfigFileProblem['severity'], message: string) => {
    const r = node?.range;
    const offsets: [number, number] = r ? [r[0], Math.max(r[0], r[1])] : [0, 0];
    problems.push({ severity, message, offsets, range: { start: lines.positionAt(offsets[0]), end: lines.positionAt(offsets[1]) } });
  };
  const result: ConfigFile = { input: {}, problems };
  let doc: Document.Parsed;
  try {
    // YAML 1.2, unlike manifests: this is our own format, and in 1.1 `off` (the setting users
    // write most) would be the boolean false.
    doc = parseDocument(text, { version: '1.2', uniqueKeys: true, lineCounter: new LineCounter(), prettyErrors: false });
  } catch (e) {
    at(undefined, 'error', `Not read: ${e instanceof Error ? e.message : String(e)}`);
    return result;
  }
  const syntax = [...doc.errors];
  for (const e of syntax) {
    const [s, end] = e.pos;
    const offsets: [number, number] = [s, Math.max(s, end)];
    const first = e.message.split('\n')[0];
    problems.push({ severity: 'error', message: `YAML syntax error: ${first} (the file applies nothing until this is fixed)`, offsets, range: { start: lines.positionAt(s), end: lines.positionAt(offsets[1]) } });
  }
  if (syntax.length) return result;
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return result; // an empty file
  if (!isMap(root)) {
    at(root, 'error', `The file must be a map of settings (${KEYS.join(', ')}).`);
    return result;
  }
  const js = (n: unknown) => (n && typeof (n as Node).toJS === 'function' ? (n as Node).toJS(doc) : null);
  for (const pair of root.items) {
    try {
      readSetting(pair.key as Node | null, pair.value as Node | null);
    } catch (e) {
      // An alias bomb (`yaml` refuses excessive aliases) or a value too deep: that setting is an
      // error at its node, the others still apply.
      at((pair.value ?? pair.key ?? undefined) as Node | undefined, 'error', `Not read: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
  return result;

  function readSetting(keyNode: Node | null, pairValue: Node | null): void {
    const pair = { key: keyNode, value: pairValue };
    const name = isScalar(keyNode) ? String((keyNode as Scalar).value) : undefined;
    const valueNode = (pair.value ?? keyNode) as Node;
    const key = KEYS.find(k => k === name);
    if (!key) {
      at(keyNode ?? undefined, 'error', `Unknown setting ${JSON.stringify(name ?? '?')}: use one of ${KEYS.join(', ')}.`);
      return;
    }
    const value = js(pair.value);
    if (value === null || value === undefined) return; // `level:` with nothing: the default
    if (key === 'enableAll' && typeof value !== 'boolean') { at(valueNode, 'error', 'enableAll must be true or false.'); return; }
    if (key === 'rules') { readRules(pair.value as Node, result, known, at); return; }
    if (key === 'helm') { readHelm(pair.value as Node, result, at); return; }
    if (key === 'failOn') {
      const level = FAIL_ON_VALUES.find(v => v === value);
      if (level) result.failOn = level;
      else at(valueNode, 'error', `failOn must be one of ${FAIL_ON_VALUES.join(', ')}.`);
      return;
    }
    if (key === 'maxFileSize') {
      const bytes = parseSize(value);
      if (bytes === undefined) at(valueNode, 'error', `maxFileSize must be ${SIZE_HINT}.`);
      else result.maxFileSize = bytes;
      return;
    }
    if (key === 'exclude' || key === 'trustedRegistries' || key === 'deniedRegistries') {
      if (!isSeq(pair.value)) { at(valueNode, 'error', `${key} must be a list, e.g. ${key === 'exclude' ? '["test/fixtures/**"]' : '["ghcr.io/acme", "*.azurecr.io"]'}.`); return; }
      const kept: string[] = [];
      for (const item of pair.value.items as Node[]) {
        const v = js(item);
        if (key === 'exclude') {
          if (typeof v === 'string' && v.trim()) kept.push(v.trim());
          else at(item, 'error', 'An exclude entry must be a glob relative to this file\'s folder, e.g. "test/fixtures/**".');
          continue;
        }
        const { config, problems: p } = normalizeConfig({ [key]: [v] }, known);
        if (p.length) at(item, 'error', p[0].message);
        else kept.push(...(config[key] ?? []));
      }
      if (key === 'exclude') result.exclude = kept;
      else result.input[key] = kept;
      return;
    }
    const { problems: p } = normalizeConfig({ [key]: typeof value === 'string' ? value : (value as never) }, known);
    if (typeof value !== 'string' && key !== 'enableAll') at(valueNode, 'error', `${key} must be a string.`);
    else if (p.length) at(valueNode, 'error', p[0].message);
    else (result.input as Record<string, unknown>)[key] = value;
  }
}

/** `helm: {<chart folder>: {values: [<file>, ...]}}`: each file a value set of that chart. */
function readHelm(node: Node, result: ConfigFile, at: (node: Node | undefined, severity: ConfigFileProblem['severity'], message: string) => void): void {
  if (!isMap(node)) { at(node, 'error', `helm must map chart folders to their value files, e.g. ${HELM_EXAMPLE}.`); return; }
  const charts: Record<string, { values: string[] }> = {};
  for (const pair of node.items) {
    const chart = isScalar(pair.key) ? String(pair.key.value ?? '').trim().replace(/\/+$/, '') : '';
    const entry = pair.value as Node | null;
    if (!chart) { at((pair.key ?? undefined) as Node | undefined, 'error', `A chart must be named by its folder, relative to this file, e.g. ${HELM_EXAMPLE}.`); continue; }
    const values = isMap(entry) ? entry.get('values', true) as Node | undefined : undefined;
    if (!isMap(entry) || !isSeq(values) || entry.items.length !== 1) {
      at((entry ?? pair.key ?? undefined) as Node | undefined, 'error', `${chart}: give its value files as {values: [...]}, relative to the chart folder, e.g. ${HELM_EXAMPLE}.`);
      continue;
    }
    const files: string[] = [];
    for (const item of values.items as Node[]) {
      const v = isScalar(item) ? item.value : undefined;
      if (typeof v === 'string' && v.trim() && !v.split(/[\\/]/).includes('..') && !v.startsWith('/')) files.push(v.trim());
      else at(item, 'error', 'A value file must be a path inside the chart folder, e.g. values-prod.yaml.');
    }
    charts[chart] = { values: files };
  }
  result.helm = charts;
}

function readRules(
  node: Node, result: ConfigFile, known: readonly Pick<RuleMeta, 'id' | 'category'>[],
  at: (node: Node | undefined, severity: ConfigFileProblem['severity'], message: string) => void,
): void {
  if (!isMap(node)) {
    at(node, 'error', 'rules must be a map of rule id, glob or category to error, warning, info or off.');
    return;
  }
  const rules: Record<string, 'error' | 'warning' | 'info' | 'off'> = {};
  for (const pair of node.items) {
    const k = pair.key as Node | null;
    const id = isScalar(k) ? String(k.value) : undefined;
    if (id === undefined) { at(k ?? undefined, 'error', 'A rule key must be a rule id, a glob or a category.'); continue; }
    const v = isScalar(pair.value) ? pair.value.value : undefined;
    const { config, problems } = normalizeConfig({ rules: { [id]: v as never } }, known);
    for (const p of problems) at(p.severity === 'warning' ? k! : ((pair.value as Node | null) ?? k!), p.severity ?? 'error', p.message);
    if (config.rules[id] !== undefined) rules[id] = config.rules[id];
  }
  result.input.rules = rules;
}

// Hover on a ServiceAccount's name or on a binding's subject: what that subject holds through
// every binding of the workspace (effectivePermissions), dangerous grants marked. A contributor:
// given the document, the position and the parse, it answers or stays out of the way.
import { isMap } from 'yaml';
import { MarkupContent, MarkupKind, Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { K8sObject, objectAt, ParsedFile } from '../engine';
import { RBAC_GROUP } from '../engine';
import { yamlNav } from '../engine';
import { WorkspaceIndex } from '../engine';
import { effectivePermissions, GrantedRule, PermissionGrant, PermissionSubject } from '../engine';
import { summarizeFile } from '../engine';
import { canonicalUri } from './uris';

const { get, getMap, getSeq, seqItems, str } = yamlNav;

export interface RbacHoverContext {
  parsed: ParsedFile;
  /** The workspace model the document is linted against; undefined: the document alone. */
  index: WorkspaceIndex | undefined;
}

/** The hover's markdown and the text it is about (the name, or the subject entry). */
export interface RbacHover {
  contents: MarkupContent;
  offsets: [number, number];
}

export function rbacHover(doc: TextDocument, position: Position, { parsed, index }: RbacHoverContext): RbacHover | undefined {
  const offset = doc.offsetAt(position);
  const uri = canonicalUri(doc.uri);
  const model = index ?? alone(uri, parsed);
  const object = objectAt(parsed, offset);
  if (!object) return undefined;
  const at = subjectAt(object, offset, model, uri);
  if (!at) return undefined;
  return { contents: { kind: MarkupKind.Markdown, value: render(at.subject, effectivePermissions(model, at.subject)) }, offsets: at.offsets };
}

function alone(uri: string, parsed: ParsedFile): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.setFile(uri, summarizeFile(uri, parsed));
  return index;
}


const within = (node: { range?: [number, number, number] | null } | undefined, offset: number) =>
  !!node?.range && node.range[0] <= offset && offset <= node.range[1];

/** The namespace the index places the object in (its own, a kustomization's, else the default). */
function namespaceOf(object: K8sObject, index: WorkspaceIndex, uri: string): string {
  const s = index.summariesOf(uri).find(x => x.docIndex === object.docIndex && x.kind === object.kind && x.name === object.name);
  return s ? index.namespaceOf(s) : object.namespace ?? index.options.defaultNamespace;
}

function subjectAt(object: K8sObject, offset: number, index: WorkspaceIndex, uri: string): { subject: PermissionSubject; offsets: [number, number] } | undefined {
  if (object.kind === 'ServiceAccount' && object.group === '') {
    const name = get(getMap(object.node, 'metadata', object.doc), 'name', object.doc);
    if (!object.name || !within(name?.value, offset)) return undefined;
    const r = name!.value!.range!;
    return { subject: { kind: 'ServiceAccount', namespace: namespaceOf(object, index, uri), name: object.name }, offsets: [r[0], r[1]] };
  }
  if (object.group !== RBAC_GROUP || (object.kind !== 'RoleBinding' && object.kind !== 'ClusterRoleBinding')) return undefined;
  for (const item of seqItems(getSeq(object.node, 'subjects', object.doc), object.doc)) {
    if (!isMap(item.value) || !item.value.range || offset < item.value.range[0] || offset > item.value.range[1]) continue;
    const kind = str(get(item.value, 'kind', object.doc));
    const name = str(get(item.value, 'name', object.doc));
    if (!name) return undefined;
    const offsets: [number, number] = [item.value.range[0], item.value.range[1]];
    if (kind === 'User' || kind === 'Group') return { subject: { kind, name }, offsets };
    if (kind !== 'ServiceAccount') return undefined;
    // A RoleBinding's ServiceAccount without namespace is the binding's (as the authorizer reads it).
    const ns = str(get(item.value, 'namespace', object.doc)) ?? (object.kind === 'RoleBinding' ? namespaceOf(object, index, uri) : undefined);
    return ns ? { subject: { kind, namespace: ns, name }, offsets } : undefined;
  }
  return undefined;
}

const code = (s: string) => `\`${s}\``;
const list = (values: readonly string[]) => values.map(code).join(', ');

function subjectTitle(s: PermissionSubject): string {
  return s.kind === 'ServiceAccount' ? `ServiceAccount ${code(`${s.namespace}/${s.name}`)}` : `${s.kind} ${code(s.name)}`;
}

function ruleText(r: GrantedRule): string {
  const { rule } = r;
  let text = rule.nonResourceURLs.length > 0 && rule.resources.length === 0
    ? `${list(rule.verbs)} on URLs ${list(rule.nonResourceURLs)}`
    : `${list(rule.verbs)} on ${list(rule.resources)}`;
  if (rule.resources.length > 0 && !(rule.apiGroups.length === 1 && rule.apiGroups[0] === '')) text += ` (API groups ${list(rule.apiGroups.map(g => g || '""'))})`;
  if (rule.resourceNames.length > 0) text += ` named ${list(rule.resourceNames)}`;
  for (const d of r.dangers) text += ` — ⚠ **${d.row}** ${d.impact}`;
  return text;
}

/**
 * The rules of one source role, as list items. A built-in role's harmless rules are counted,
 * not listed: everyone knows `view`, and its twenty read rules would hide what matters.
 */
function ruleLines(rules: readonly GrantedRule[], indent: string): string[] {
  const builtin = !rules[0]?.from.object;
  const shown = builtin ? rules.filter(r => r.dangers.length > 0) : rules;
  const out = shown.map(r => `${indent}- ${ruleText(r)}`);
  const hidden = rules.length - shown.length;
  if (hidden > 0) out.push(`${indent}- ${shown.length > 0 ? 'and ' : ''}${hidden} rule${hidden === 1 ? '' : 's'} without dangerous grants`);
  return out;
}

function grantLines(g: PermissionGrant): string[] {
  if (!g.role) return [];
  if (g.rules.length === 0) return ['- no rules'];
  const sources = [...new Set(g.rules.map(r => r.from))];
  if (sources.length === 1 && sources[0] === g.role) return ruleLines(g.rules, '');
  // An aggregated ClusterRole: its rules come from the roles it selects.
  return sources.flatMap(from => [
    `- from ${from.kind} ${code(from.name)}${from.object ? '' : ' (built-in)'}:`,
    ...ruleLines(g.rules.filter(r => r.from === from), '  '),
  ]);
}

function render(subject: PermissionSubject, grants: PermissionGrant[]): string {
  const out = [`**${subjectTitle(subject)}**: permissions granted in the workspace`];
  if (grants.length === 0) {
    out.push('', 'No RoleBinding or ClusterRoleBinding of the workspace grants it anything.');
    return out.join('\n');
  }
  for (const g of grants) {
    const via = g.viaGroup ? ` (through group ${code(g.viaGroup)})` : '';
    const scope = g.namespace === undefined ? 'cluster-wide' : `in namespace ${code(g.namespace)}`;
    const where = g.role ? (g.role.object ? '' : ' (built-in)') : ' (not in the workspace)';
    out.push('', `${g.binding.kind} ${code(g.binding.name ?? '(unnamed)')}${via}, ${scope}: ${g.roleRef.kind} ${code(g.roleRef.name)}${where}`);
    out.push(...grantLines(g));
  }
  return out.join('\n');
}

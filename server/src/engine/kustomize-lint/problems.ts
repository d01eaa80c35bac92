// Findings placed in source files: rendered findings moved to their origin, and what stops or
// limits a render (a cycle, a missing resource, a patch that matches nothing; a remote resource,
// a plugin, a Helm chart left unrendered) at the kustomization entry that causes it.
import type { Finding } from '../lint';
import { LineIndex } from '../model/text';
import type { KustomizePlan } from './plan';

/** The id these findings carry: they come from the renderer, not from a rule of the catalogue. */
export const KUSTOMIZE_RULE_ID = 'kustomize-build';

/**
 * `finding` re-targeted at `range` of a source file. With `firstLine`, only the first line of
 * the range: a container's node spans its whole block, the editor should mark where it starts.
 */
export function buildFinding(lines: LineIndex, range: [number, number], finding: Finding, firstLine: boolean): Finding {
  const start = range[0];
  let end = range[1];
  if (firstLine) {
    const eol = lines.text.slice(start, end).search(/\r?\n/);
    if (eol >= 0) end = start + eol;
    end = start + lines.text.slice(start, end).trimEnd().length;
  }
  if (end <= start) end = Math.min(lines.text.length, start + 1);
  return {
    ...finding,
    fix: null,
    suggestions: [],
    offsets: [start, end],
    range: { start: lines.positionAt(start), end: lines.positionAt(end) },
  };
}

function problem(message: string, severity: Finding['severity'], messageId: string): Finding {
  return {
    ruleId: KUSTOMIZE_RULE_ID, messageId, message, severity, covers: [], fix: null, suggestions: [],
    offsets: [0, 0], range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    object: { kind: 'Kustomization', docIndex: 0 }, data: {}, related: [],
  };
}

/** Render failures (errors) and what the render left out (info), once per source location. */
export function problemFindings(plan: KustomizePlan, lines: (file: string) => LineIndex | undefined): Array<{ file: string; finding: Finding }> {
  const out = new Map<string, { file: string; finding: Finding }>();
  const add = (file: string, range: [number, number], f: Finding) => {
    const index = lines(file);
    if (!index) return;
    const key = `${file}\0${range[0]}\0${f.message}`;
    if (!out.has(key)) out.set(key, { file, finding: buildFinding(index, range, f, true) });
  };
  for (const { root, result } of plan.renders) {
    for (const note of result.notes) {
      if (note.kind === 'unsupported-field') continue;
      add(note.at.file, note.at.range, problem(`${note.message}: what it adds is not judged`, 'info', note.kind));
    }
    if (result.ok) continue;
    const at = result.error.at ?? ownKustomization(plan, root);
    if (at) add(at.file, at.range, problem(`kustomize build fails: ${result.error.message}`, 'error', result.error.code));
  }
  return [...out.values()];
}

/** A root's own kustomization file (its start), for a failure the renderer places nowhere. */
function ownKustomization(plan: KustomizePlan, root: string): { file: string; range: [number, number] } | undefined {
  for (const [file, list] of plan.inclusions) {
    if (list.some(i => i.root === root && i.role === 'kustomization' && !i.entry)) return { file, range: [0, 0] };
  }
  return undefined;
}

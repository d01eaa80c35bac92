// Where the keystroke benchmarks type: one character appended to a securityContext value (no
// workspace fact), to an `image:` value, to a metadata `name:` and to a label value, at `n` places spread over the file, each followed by
// its undo (the text returns to the original, so every sample edits the same file).

const KINDS = {
  // A value no workspace fact holds: the security settings being typed most.
  'securityContext value': /^\s*(?:runAsNonRoot|allowPrivilegeEscalation|privileged|readOnlyRootFilesystem):[ \t]*\S+/gm,
  'image value': /^\s*-?\s*image:[ \t]*\S+/gm,
  'name': /^metadata:\n(?: {2}.*\n)*? {2}name:[ \t]*\S+/gm,
  'label value': /^metadata:\n(?: {2}.*\n)*? {2}labels:\n {4}[\w./-]+:[ \t]*\S+/gm,
};

/** For each edit kind, up to `n` sites: the insert as an LSP change, and its undo. */
export function editSites(text, n) {
  const lines = text.split('\n');
  const starts = [0];
  for (const l of lines) starts.push(starts[starts.length - 1] + l.length + 1);
  const positionAt = offset => {
    let line = 0;
    while (starts[line + 1] <= offset) line++;
    return { line, character: offset - starts[line] };
  };
  const out = {};
  for (const [kind, re] of Object.entries(KINDS)) {
    const ends = [...text.matchAll(re)].map(m => m.index + m[0].length);
    const step = Math.max(1, Math.floor(ends.length / n));
    out[kind] = ends.filter((_, i) => i % step === 0).slice(0, n).map(end => {
      const at = positionAt(end);
      return {
        insert: { range: { start: at, end: at }, text: 'x' },
        undo: () => ({ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }),
      };
    });
  }
  return out;
}

export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/**
 * A bare parse of `text` (the engine's parser options), the median of ten after two warm-ups,
 * two ways: `warm`, run after run as a server runs, its own garbage collected as it comes; and
 * `afterGc`, each run right after a forced full collection, as earlier sessions measured it. A
 * full collection empties V8's caches of call sites, so the first parse after one is about twice
 * as slow: that floor flatters a ratio, and the server never forces one before a keystroke.
 */
export function parseFloor(text, { parseAllDocuments, LineCounter }, collect) {
  const once = () => {
    const t0 = process.hrtime.bigint();
    parseAllDocuments(text, { version: '1.1', merge: true, uniqueKeys: false, lineCounter: new LineCounter() });
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const warm = [], afterGc = [];
  for (let i = 0; i < 12; i++) { const t = once(); if (i >= 2) warm.push(t); }
  for (let i = 0; i < 12; i++) { collect(); const t = once(); if (i >= 2) afterGc.push(t); }
  return { warm: percentile(warm, 50), afterGc: percentile(afterGc, 50) };
}

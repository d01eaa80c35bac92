// The big workload file the keystroke benchmarks edit: whole workload documents (Pods,
// Deployments, DaemonSets, ...) from the Pod Security admission fixtures and the real installs,
// joined with `---` until the text has at least `minLines` lines. Deterministic: the same
// fixtures give the same file, so runs and the two benchmarks (in-process, over the protocol)
// edit the same text at the same places.
import * as fs from 'node:fs';
import * as path from 'node:path';

const WORKLOAD = /^kind:\s*(Pod|Deployment|DaemonSet|StatefulSet|ReplicaSet|Job|CronJob)\s*$/m;

function yamlFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/i.test(entry.name)) out.push(p);
  }
  return out;
}

/** Workload documents of a file: the runs between `---` lines that declare a workload kind. */
function workloadDocs(text) {
  return text.split(/^---[ \t]*\r?\n/m)
    .map(d => d.replace(/\r\n/g, '\n').trimEnd())
    .filter(d => WORKLOAD.test(d) && /image:\s*\S/.test(d) && /^ {2}name:\s*\S/m.test(d) && !/\{\{/.test(d));
}

export function buildWorkloadFile(root, minLines = 10_000) {
  const real = yamlFiles(path.join(root, 'test', 'fixtures', 'real')).flatMap(f => workloadDocs(fs.readFileSync(f, 'utf8')));
  // Only the "fail" cases of the newest version per level: they differ from each other, the
  // older versions repeat them.
  const psa = yamlFiles(path.join(root, 'test', 'fixtures', 'pod-security-admission', 'testdata'))
    .filter(f => /[/\\]fail[/\\]/.test(f))
    .flatMap(f => workloadDocs(fs.readFileSync(f, 'utf8')));
  const unique = [...new Set(psa)];
  const docs = [];
  let lines = 0;
  // One real workload (of moderate size) for every four admission cases, so every part of the
  // file has both kinds and the documents are about as many as in a real big install.
  const mid = real.filter(d => d.split('\n').length <= 150);
  for (let i = 0; lines < minLines && (i < mid.length || 4 * i < unique.length); i++) {
    for (const d of [mid[i], ...unique.slice(4 * i, 4 * i + 4)]) {
      if (!d || lines >= minLines) continue;
      docs.push(d);
      lines += d.split('\n').length + 1;
    }
  }
  return docs.join('\n---\n') + '\n';
}

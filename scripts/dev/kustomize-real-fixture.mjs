#!/usr/bin/env node
// Copies what `kustomize build` of some folders of a repository checkout reads (kustomization
// files, resources, patches, generator inputs) into test/fixtures/kustomize/real/<name>/tree,
// and each committed build output beside it, as data for test/unit/render/kustomize/real-trees.
// What is read is found by rendering through a recording file source, so only those files are
// copied. Run `npx tsc -b` first.
//
// Usage: node scripts/dev/kustomize-real-fixture.mjs <checkout> <name> <dir>=<expected file>[:none] ...
//   ":none" builds with --load-restrictor LoadRestrictionsNone, as the project's script does.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { renderKustomization } = require('../../server/out/engine/render/kustomize');
const { diskFileSource } = require('../../server/out/host/kustomize-files');

const [checkout, name, ...builds] = process.argv.slice(2);
if (!checkout || !name || builds.length === 0) {
  console.error('usage: kustomize-real-fixture.mjs <checkout> <name> <dir>=<expected file>[:none] ...');
  process.exit(2);
}
const outDir = new URL(`../../test/fixtures/kustomize/real/${name}/`, import.meta.url).pathname;
const disk = diskFileSource();
const read = new Set();
const recording = {
  readFile: (p) => { const t = disk.readFile(p); if (t !== undefined) read.add(p); return t; },
  listDir: (p) => disk.listDir(p),
  kindOf: (p) => disk.kindOf(p),
};
const cases = [];
for (const spec of builds) {
  const [dir, rest] = spec.split('=');
  const [expected, restrictor] = rest.split(':');
  const r = renderKustomization(recording, join(checkout, dir), { loadRestrictions: restrictor === 'none' ? 'none' : 'rootOnly' });
  if (!r.ok) throw new Error(`${dir}: ${r.error.message}`);
  cases.push({ dir, expected, loadRestrictions: restrictor === 'none' ? 'none' : 'rootOnly' });
  read.add(join(checkout, expected));
}
for (const file of read) {
  const rel = relative(checkout, file);
  mkdirSync(dirname(join(outDir, 'tree', rel)), { recursive: true });
  copyFileSync(file, join(outDir, 'tree', rel));
}
writeFileSync(join(outDir, 'cases.json'), JSON.stringify(cases, null, 2) + '\n');
console.log(`${read.size} files, ${cases.length} builds -> ${outDir}`);

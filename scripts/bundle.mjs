// Bundles what the extension runs into dist/ with esbuild, so the .vsix needs no node_modules:
//   dist/extension.js    the VS Code client (package.json `main`; `vscode` is the host's)
//   dist/server.js       the language server (server/src/lsp/main.ts)
//   dist/indexWorker.js  its worker thread, loaded by path from beside server.js
//                        (diskReader.ts: path.join(__dirname, 'indexWorker.js')), so it must stay
//                        a separate entry point next to the server bundle
// Not minified and without source maps: a stack trace a user pastes from the server's log must be
// readable as it is, and the .vsix carries no sources for maps to point at.
//
//   node scripts/bundle.mjs
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const dist = join(root, 'dist');
export const entryPoints = {
  extension: 'client/src/extension.ts',
  server: 'server/src/lsp/main.ts',
  indexWorker: 'server/src/lsp/indexWorker.ts',
};

/** `sourcemap`: linked .map files beside the bundles, for breakpoints in the TypeScript (F5). */
export async function bundle({ sourcemap = false } = {}) {
  rmSync(dist, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir: dist,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    logLevel: 'warning',
    sourcemap: sourcemap ? 'linked' : false,
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  await bundle({ sourcemap: process.argv.includes('--sourcemap') });
  console.log(`bundled ${Object.keys(entryPoints).map(e => `dist/${e}.js`).join(', ')} in ${Date.now() - t0} ms`);
}

// Bundles what ships with esbuild, so neither package needs node_modules where it is installed.
//
// The extension (.vsix; `vscode:prepublish`, `npm run build`), into dist/:
//   dist/extension.js    the VS Code client (package.json `main`; `vscode` is the host's)
//   dist/server.js       the language server (server/src/lsp/main.ts)
//   dist/indexWorker.js  its worker thread, loaded by path from beside server.js
//                        (diskReader.ts: path.join(__dirname, 'indexWorker.js')), so it must stay
//                        a separate entry point next to the server bundle
//   ThirdPartyNotices.txt  the licenses of the packages those bundles carry
//
// The npm package of the CLI and language server (server/, its `prepack`), into server/:
//   dist/cli.js, dist/server.js, dist/indexWorker.js   (bin/ loads them when out/ is absent)
//   ThirdPartyNotices.txt, LICENSE, docs/ (the rule pages the diagnostics link to)
//
// Not minified and without source maps: a stack trace a user pastes from the server's log must be
// readable as it is, and neither package carries sources for maps to point at.
//
//   node scripts/bundle.mjs [--server-package]
import { build } from 'esbuild';
import { copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledPackages, noticesText } from './notices.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const dist = join(root, 'dist');
export const serverPackage = join(root, 'server');
export const entryPoints = {
  extension: 'client/src/extension.ts',
  server: 'server/src/lsp/main.ts',
  indexWorker: 'server/src/lsp/indexWorker.ts',
};
export const serverEntryPoints = {
  cli: 'server/src/cli/main.ts',
  server: 'server/src/lsp/main.ts',
  indexWorker: 'server/src/lsp/indexWorker.ts',
};
/** The documentation the rule pages link to (`../catalogue.md`, which links the semantics page). */
export const SHIPPED_DOCS = ['rules', 'catalogue.md', 'kubernetes-semantics.md'];

/**
 * Bundles `entries` into `outdir` and writes the notices of what they carry to `noticesFile`.
 * `sourcemap`: linked .map files beside the bundles, for breakpoints in the TypeScript (F5).
 */
async function bundleInto(outdir, entries, noticesFile, product, { sourcemap = false } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    metafile: true,
    logLevel: 'warning',
    sourcemap: sourcemap ? 'linked' : false,
  });
  const packages = bundledPackages(metafile, root);
  writeFileSync(noticesFile, noticesText(product, packages));
  return packages;
}

export function bundle(options = {}) {
  return bundleInto(dist, entryPoints, join(root, 'ThirdPartyNotices.txt'), 'The Kube Harden extension', options);
}

/** What `npm pack` of server/ ships besides bin/ and package.json (all generated, git-ignored). */
export async function bundleServerPackage() {
  const packages = await bundleInto(join(serverPackage, 'dist'), serverEntryPoints, join(serverPackage, 'ThirdPartyNotices.txt'), 'The kube-harden CLI and language server');
  copyFileSync(join(root, 'LICENSE'), join(serverPackage, 'LICENSE'));
  const docs = join(serverPackage, 'docs');
  rmSync(docs, { recursive: true, force: true });
  mkdirSync(docs);
  for (const d of SHIPPED_DOCS) cpSync(join(root, 'docs', d), join(docs, d), { recursive: true });
  return packages;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  const serverOnly = process.argv.includes('--server-package');
  const packages = await (serverOnly ? bundleServerPackage() : bundle({ sourcemap: process.argv.includes('--sourcemap') }));
  const names = Object.keys(serverOnly ? serverEntryPoints : entryPoints).map(e => `${serverOnly ? 'server/' : ''}dist/${e}.js`);
  console.log(`bundled ${names.join(', ')} (${packages.length} third-party packages) in ${Date.now() - t0} ms`);
}

// Third-party notices for what an esbuild bundle carries. The list of packages comes from the
// bundle's metafile (every input under node_modules/), never from package.json, so a dependency
// that esbuild pulled in transitively is named too, and one that tree-shaking left out is not.
// Each entry quotes the package's own license file, as its license requires for redistribution.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package folder (relative to absWorkingDir) of an esbuild input path, if it is in node_modules. */
export function packageDirOf(input) {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const scoped = parts[at + 1].startsWith('@');
  return parts.slice(0, at + (scoped ? 3 : 2)).join('/');
}

/** Name, version, license and license text of every package whose code is in `metafile`'s outputs. */
export function bundledPackages(metafile, root) {
  const dirs = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const input of Object.keys(output.inputs)) {
      const dir = packageDirOf(input);
      if (dir) dirs.add(dir);
    }
  }
  return [...dirs].map(dir => {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const file = readdirSync(join(root, dir)).find(f => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
    if (!file) throw new Error(`${dir}: no license file to quote in the third-party notices`);
    return { name: manifest.name, version: manifest.version, license: manifest.license, text: readFileSync(join(root, dir, file), 'utf8').trim() };
  }).sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** The notices file: a header naming every package, then each package's license text. */
export function noticesText(product, packages) {
  const rule = '-'.repeat(78);
  const lines = [
    `${product}: third-party software bundled into its JavaScript files.`,
    'Each package is distributed under its own license, quoted in full below.',
    '',
    ...packages.map(p => `- ${p.name} ${p.version} (${p.license})`),
    '',
  ];
  for (const p of packages) lines.push(rule, `${p.name} ${p.version} (${p.license})`, rule, '', p.text, '');
  return lines.join('\n');
}


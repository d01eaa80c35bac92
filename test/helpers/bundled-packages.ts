// Which npm packages an esbuild bundle carries, read from the bundle itself: unminified, esbuild
// heads each module with a `// node_modules/<package>/<file>` comment. Independent of the metafile
// the notices are generated from, so a test can hold the two against each other.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface BundledPackage { name: string; version: string }

/** Each package (name and installed version) whose modules `bundle` contains. */
export function packagesInBundle(bundle: string, root: string): BundledPackage[] {
  const dirs = new Set<string>();
  for (const m of fs.readFileSync(bundle, 'utf8').matchAll(/^\/\/ (.*node_modules\/(?:@[^/]+\/)?[^/]+)\//gm)) dirs.add(m[1]);
  return [...dirs].map(dir => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8')) as BundledPackage;
    return { name: manifest.name, version: manifest.version };
  });
}

/** The `- name version (license)` lines at the head of a ThirdPartyNotices.txt. */
export function packagesInNotices(text: string): string[] {
  return [...text.matchAll(/^- (\S+) (\S+) \(/gm)].map(m => `${m[1]} ${m[2]}`);
}

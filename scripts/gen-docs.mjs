// Writes docs/rules/<id>.md and docs/rules/README.md from rule metadata, and the settings of
// package.json and README.md from the settings schema (run after a build).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const engine = createRequire(import.meta.url)(join(root, 'server', 'out', 'engine', 'index.js'));
const dir = join(root, 'docs', 'rules');
mkdirSync(dir, { recursive: true });
const ids = new Set(engine.RULES.map(r => r.id));
for (const f of readdirSync(dir)) if (f.endsWith('.md') && f !== 'README.md' && !ids.has(f.slice(0, -3))) rmSync(join(dir, f));
for (const rule of engine.RULES) writeFileSync(join(dir, `${rule.id}.md`), engine.renderRulePage(rule));
writeFileSync(join(dir, 'README.md'), engine.renderRuleIndex(engine.RULES));
writeFileSync(join(root, 'docs', 'catalogue.md'), engine.renderCatalogue(engine.RULES));

// The settings, from server/src/engine/settings-schema.ts: package.json and the README's table.
const pkgPath = join(root, 'package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
pkg.contributes.configuration = engine.contributedConfiguration();
writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const table = /(<!-- settings:start[^>]*-->\n)[\s\S]*?(<!-- settings:end -->)/;
if (!table.test(readme)) throw new Error('README.md has no <!-- settings:start --> ... <!-- settings:end --> markers');
writeFileSync(readmePath, readme.replace(table, (_, start, end) => start + engine.renderSettingsTable() + end));
console.log(`wrote ${engine.RULES.length} rule pages and the index to docs/rules, docs/catalogue.md, and the settings to package.json and README.md`);

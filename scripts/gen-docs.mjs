// Writes docs/rules/<id>.md and docs/rules/README.md from rule metadata (run after a build).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
console.log(`wrote ${engine.RULES.length} rule pages and the index to docs/rules, and docs/catalogue.md`);

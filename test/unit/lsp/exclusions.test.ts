import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { exclusionPatterns, FolderExclusions } from '@kube-harden/server/out/lsp/exclusions';
import { compileGlob } from '@kube-harden/server/out/host/glob';

function check(pattern: string, yes: string[], no: string[]): void {
  const m = compileGlob(pattern);
  for (const p of yes) assert.ok(m(p), `${pattern} should match ${p}`);
  for (const p of no) assert.ok(!m(p), `${pattern} should not match ${p}`);
}

describe('lsp: glob patterns (VS Code forms)', () => {
  it('* and ? stay within one path segment', () => {
    check('*.yaml', ['a.yaml', '.yaml'], ['dir/a.yaml', 'a.yml', 'a.yaml.bak']);
    check('k8s/?.yaml', ['k8s/a.yaml'], ['k8s/ab.yaml', 'k8s/.yaml', 'k8s//.yaml']);
    check('a*b', ['ab', 'axxb'], ['a/b', 'a/xb']);
  });

  it('** spans any number of whole segments, none included', () => {
    check('**/vendor', ['vendor', 'a/vendor', 'a/b/vendor'], ['vendors', 'a/vendor/x', 'myvendor']);
    check('vendor/**', ['vendor', 'vendor/x.yaml', 'vendor/a/b.yaml'], ['vendorx/a', 'a/vendor/x']);
    check('a/**/b.yaml', ['a/b.yaml', 'a/x/b.yaml', 'a/x/y/b.yaml'], ['b.yaml', 'ab.yaml', 'a/xb.yaml']);
    check('**', ['a', 'a/b/c'], []);
    check('**/*.json', ['x.json', 'a/b/x.json'], ['x.yaml', 'a/x.json/y']);
    // `**` inside a segment is just `*`.
    check('a**.yaml', ['a.yaml', 'abc.yaml'], ['a/b.yaml']);
  });

  it('{a,b} alternatives, nested, with globs inside', () => {
    check('**/*.{yaml,yml}', ['a.yaml', 'd/a.yml'], ['a.json']);
    check('{charts,vendor}/**', ['charts/x', 'vendor', 'vendor/a/b'], ['other/x']);
    check('{a,b{1,2}}.txt', ['a.txt', 'b1.txt', 'b2.txt'], ['b.txt', 'b3.txt']);
    check('{**/test,fixtures}/*.yaml', ['test/a.yaml', 'x/test/a.yaml', 'fixtures/a.yaml'], ['x/fixtures/a.yaml']);
  });

  it('[...] classes, negated with ! or ^, never matching a separator', () => {
    check('v[0-9].yaml', ['v1.yaml'], ['va.yaml', 'v10.yaml']);
    check('[!.]*', ['a', 'b.yaml'], ['.git', 'a/b']);
    check('[^a]', ['b', 'c'], ['a', '/']);
  });

  it('takes special characters (and a stray } or [) literally; an unclosed { matches nothing', () => {
    check('a+b(c).yaml', ['a+b(c).yaml'], ['aab(c).yaml', 'abc.yaml']);
    check('$x^.yaml', ['$x^.yaml'], ['x.yaml']);
    check('{a,b', [], ['a', 'b', '{a,b']);
    check('a}b', ['a}b'], ['ab']);
    check('', [], ['', 'a']);
    check('[ab', ['[ab'], ['a']);
  });

  it('reads backslashes as separators (Windows users write them)', () => {
    check('vendor\\**', ['vendor/a.yaml'], ['a.yaml']);
  });
});

describe('lsp: folder exclusions', () => {
  const root = path.resolve('/ws');
  const at = (...p: string[]) => path.join(root, ...p);

  it('always skips .git and node_modules at any depth', () => {
    const ex = new FolderExclusions(root, []);
    assert.ok(ex.excludes(at('.git', 'config.json')));
    assert.ok(ex.excludes(at('web', 'node_modules', 'x', 'package.json')));
    assert.ok(!ex.excludes(at('web', 'deploy.yaml')));
    assert.ok(!ex.excludes(at('.github', 'workflows', 'ci.yaml')));
  });

  it('excludes a file through any folder above it, relative to the workspace folder', () => {
    const ex = new FolderExclusions(root, exclusionPatterns({ filesExclude: { '**/vendor': true }, exclude: ['charts/*/templates/**', './tests/**'] }));
    assert.ok(ex.excludes(at('vendor', 'ns.yaml')));
    assert.ok(ex.excludes(at('a', 'vendor', 'b', 'ns.yaml')));
    assert.ok(ex.excludes(at('charts', 'web', 'templates', 'deploy.yaml')));
    assert.ok(ex.excludes(at('tests', 'bad.yaml')));
    assert.ok(!ex.excludes(at('charts', 'web', 'values.yaml')));
    assert.ok(!ex.excludes(at('src', 'tests', 'bad.yaml')), 'not anchored at any depth without **/');
    // The walker has checked the folders above already and asks about the entry only.
    assert.ok(!ex.excludes(at('vendor', 'ns.yaml'), true));
    assert.ok(ex.excludes(at('a', 'vendor'), true));
  });

  it('does not match relative patterns against the folder\'s own path, but honours absolute ones', () => {
    const ex = new FolderExclusions(root, exclusionPatterns({ exclude: ['**/ws/**', `${root.split(path.sep).join('/')}/gen/**`] }));
    assert.ok(!ex.excludes(at('app.yaml')), 'the folder itself is /ws: a relative pattern sees only what is below it');
    assert.ok(ex.excludes(at('gen', 'x.yaml')));
  });

  it('skips files.exclude entries set to false and applies `when` only when the sibling exists', () => {
    const siblings = new Set([at('app.ts')]);
    const patterns = exclusionPatterns({ filesExclude: { '**/*.json': { when: '$(basename).ts' }, '**/*.yaml': false } });
    const ex = new FolderExclusions(root, patterns, f => siblings.has(f));
    assert.ok(ex.excludes(at('app.json')));
    assert.ok(!ex.excludes(at('other.json')));
    assert.ok(!ex.excludes(at('pod.yaml')));
  });

  it('reports kubeHarden.exclude values that are not glob lists, keeping the valid entries', () => {
    const problems: string[] = [];
    assert.deepEqual(exclusionPatterns({ exclude: ['ok/**', 3, ''] }, p => problems.push(p)), [{ glob: 'ok/**' }]);
    assert.deepEqual(exclusionPatterns({ exclude: 'ok/**' }, p => problems.push(p)), []);
    assert.deepEqual(exclusionPatterns({ exclude: null, filesExclude: null }, p => problems.push(p)), []);
    assert.equal(problems.length, 3);
  });

  it('answers a walker\'s entry by its relative path as excludes does by its absolute one', () => {
    const siblings = new Set([at('src', 'app.ts')]);
    const patterns = exclusionPatterns({
      filesExclude: { '**/vendor': true, '**/*.json': { when: '$(basename).ts' } },
      exclude: ['charts/*/templates/**', './tests/**', `${root.split(path.sep).join('/')}/gen/**`],
    });
    const entries = [
      'vendor', 'a/vendor', 'a/vendor/b.yaml', 'charts/web/templates', 'charts/web/templates/d.yaml', 'charts/web/values.yaml',
      'tests', 'tests/bad.yaml', 'src/tests/bad.yaml', 'gen', 'gen/x.yaml', 'src/app.json', 'src/other.json',
      '.git', 'web/node_modules', 'web/deploy.yaml', '.github/workflows/ci.yaml',
    ];
    for (const ex of [new FolderExclusions(root, patterns, f => siblings.has(f)), new FolderExclusions(root, [])]) {
      let excluded = 0;
      for (const rel of entries) {
        const absolute = at(...rel.split('/'));
        assert.equal(ex.excludesEntry(rel, absolute), ex.excludes(absolute, true), rel);
        if (ex.excludesEntry(rel, absolute)) excluded++;
      }
      assert.ok(excluded >= 2, 'the list has excluded entries to compare');
    }
  });

  it('knows which files lie inside the folder', () => {
    const ex = new FolderExclusions(root, []);
    assert.ok(ex.contains(at('a', 'b.yaml')));
    assert.ok(ex.contains(at('..foo.yaml')));
    assert.ok(!ex.contains(path.resolve('/wsx', 'a.yaml')));
    assert.ok(!ex.contains(path.resolve('/other', 'a.yaml')));
  });
});

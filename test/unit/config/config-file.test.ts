// `.kube-harden.yaml` read as data: valid settings pass through, each mistake is reported at its
// node (1-based positions below are checked against the text) and drops only itself.
import * as assert from 'node:assert/strict';
import { parseConfigFile } from '@kube-harden/server/out/engine/config-file';
import { yaml } from '../../helpers/manifest';

const at = (text: string) => parseConfigFile(text).problems.map(p => [
  p.severity, p.range.start.line + 1, p.range.start.character + 1, p.range.end.line + 1, p.range.end.character + 1, p.message,
]);

describe('config file: .kube-harden.yaml', () => {
  it('reads every setting', () => {
    const f = parseConfigFile(yaml`
      level: baseline
      podSecurityVersion: v1.30
      preset: strict
      rules:
        disallow-host-*: off
        category:resources: info
        require-run-as-non-root: error
      trustedRegistries: [ghcr.io/acme, "*.azurecr.io"]
      deniedRegistries:
        - docker.io
      exclude:
        - test/fixtures/**
    `);
    assert.deepEqual(f.problems, []);
    assert.deepEqual(f.input, {
      level: 'baseline', podSecurityVersion: 'v1.30', preset: 'strict',
      rules: { 'disallow-host-*': 'off', 'category:resources': 'info', 'require-run-as-non-root': 'error' },
      trustedRegistries: ['ghcr.io/acme', '*.azurecr.io'], deniedRegistries: ['docker.io'],
    });
    assert.deepEqual(f.exclude, ['test/fixtures/**']);
  });

  it('an empty file or comments only: nothing set, nothing wrong', () => {
    assert.deepEqual(parseConfigFile(''), { input: {}, problems: [] });
    assert.deepEqual(parseConfigFile('# nothing yet\n'), { input: {}, problems: [] });
  });

  it('reports an unknown key, a wrong type and an unknown level at their nodes; the rest applies', () => {
    const text = yaml`
      levle: baseline
      level: strictest
      podSecurityVersion: 1.30
      preset: default
      enableAll: "yes"
      trustedRegistries: ghcr.io
    `;
    assert.deepEqual(at(text), [
      ['error', 1, 1, 1, 6, 'Unknown setting "levle": use one of level, podSecurityVersion, preset, enableAll, rules, trustedRegistries, deniedRegistries, defaultNamespace, exclude, failOn, maxFileSize, helm.'],
      ['error', 2, 8, 2, 17, 'Unknown level "strictest": use "baseline" or "restricted".'],
      // 1.30 is the number 1.3 in YAML: it must be quoted or written v1.30.
      ['error', 3, 21, 3, 25, 'podSecurityVersion must be a string.'],
      ['error', 5, 12, 5, 17, 'enableAll must be true or false.'],
      ['error', 6, 20, 6, 27, 'trustedRegistries must be a list, e.g. ["ghcr.io/acme", "*.azurecr.io"].'],
    ]);
    assert.deepEqual(parseConfigFile(text).input, { preset: 'default' });
  });

  it('reports rule settings: a bad severity at the value (dropped), a key naming no rule at the key (warning)', () => {
    const text = yaml`
      rules:
        require-run-as-non-root: loud
        require-run-as-non-roo: off
        nothing-*: error
        disallow-host-network: info
      deniedRegistries: [docker.io, "not a host"]
    `;
    assert.deepEqual(at(text), [
      ['error', 2, 28, 2, 32, 'Unknown rule setting "loud": use error, warning, info or off.'],
      ['warning', 3, 3, 3, 25, 'Unknown rule "require-run-as-non-roo": run "kube-harden rules" for the list.'],
      ['warning', 4, 3, 4, 12, '"nothing-*" matches no rule.'],
      ['error', 6, 31, 6, 43, 'Invalid registry "not a host": use a host with an optional path, e.g. "ghcr.io/acme", "*.azurecr.io" or "registry.local:5000".'],
    ]);
    assert.deepEqual(parseConfigFile(text).input, {
      rules: { 'require-run-as-non-roo': 'off', 'nothing-*': 'error', 'disallow-host-network': 'info' },
      deniedRegistries: ['docker.io'],
    });
  });

  it('reads defaultNamespace; a name Kubernetes would refuse is reported at its value and dropped', () => {
    assert.deepEqual(parseConfigFile('defaultNamespace: team-a\n'), { input: { defaultNamespace: 'team-a' }, problems: [] });
    // `Team_A` on line 2 spans columns 19-24 (end exclusive: 25); `42` is a number, not a name.
    const text = 'level: baseline\ndefaultNamespace: Team_A\n';
    assert.deepEqual(at(text), [
      ['error', 2, 19, 2, 25, 'Invalid namespace "Team_A": use a Kubernetes namespace name (lower-case letters, digits and "-", at most 63 characters, e.g. "team-a").'],
    ]);
    assert.deepEqual(parseConfigFile(text).input, { level: 'baseline' });
    assert.deepEqual(at('defaultNamespace: 42\n'), [['error', 1, 19, 1, 21, 'defaultNamespace must be a string.']]);
    assert.deepEqual(at(`defaultNamespace: ${'a'.repeat(64)}\n`).map(p => [p[1], p[2], p[3], p[4]]), [[1, 19, 1, 83]], 'longer than a DNS label (63)');
  });

  it('reads helm: extra value files per chart folder; a wrong shape or a path outside the chart is reported at its node', () => {
    assert.deepEqual(parseConfigFile('helm:\n  charts/web/: {values: [values-prod.yaml, ci/x.yaml]}\n').helm, { 'charts/web': { values: ['values-prod.yaml', 'ci/x.yaml'] } });
    // Line 2 `  a: [x.yaml]` (not {values: [...]}): the value, columns 6-14; line 3's `../up.yaml` item, columns 16-26.
    const text = 'helm:\n  a: [x.yaml]\n  b: {values: [../up.yaml, ok.yaml]}\n';
    assert.deepEqual(at(text), [
      ['error', 2, 6, 2, 14, 'a: give its value files as {values: [...]}, relative to the chart folder, e.g. {"charts/web": {values: [values-prod.yaml]}}.'],
      ['error', 3, 16, 3, 26, 'A value file must be a path inside the chart folder, e.g. values-prod.yaml.'],
    ]);
    assert.deepEqual(parseConfigFile(text).helm, { b: { values: ['ok.yaml'] } });
    assert.deepEqual(at('helm: [web]\n'), [['error', 1, 7, 1, 12, 'helm must map chart folders to their value files, e.g. {"charts/web": {values: [values-prod.yaml]}}.']]);
  });

  it('a YAML syntax error applies nothing and is reported where it is', () => {
    // ` b` on line 4 is indented one column less than `a` on line 3.
    const text = 'level: baseline\nrules:\n  a: off\n b: on\npreset: strict\n';
    assert.deepEqual(parseConfigFile(text).input, {});
    assert.deepEqual(at(text), [['error', 4, 1, 4, 2, 'YAML syntax error: All mapping items must start at the same column (the file applies nothing until this is fixed)']]);
  });

  it('a root that is not a map, and a duplicate key', () => {
    assert.deepEqual(at('- level\n'), [['error', 1, 1, 2, 1, 'The file must be a map of settings (level, podSecurityVersion, preset, enableAll, rules, trustedRegistries, deniedRegistries, defaultNamespace, exclude, failOn, maxFileSize, helm).']]);
    const dup = parseConfigFile('level: baseline\nlevel: restricted\n');
    assert.deepEqual(dup.input, {});
    assert.match(dup.problems[0].message, /YAML syntax error: Map keys must be unique/);
  });
});

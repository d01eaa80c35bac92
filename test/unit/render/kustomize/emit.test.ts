// The output printer against go-yaml v2's choices, as `kustomize build` prints them.
import * as assert from 'node:assert/strict';
import { emitDocument, goYamlKeyLess } from '@kube-harden/server/out/engine/render/kustomize/emit';

describe('kustomize output printing', () => {
  it('orders keys as go-yaml v2: other runes before letters, digit runs by value', () => {
    const sorted = ['b', 'a10', 'A', 'a2', 'a_b', 'ab', 'a-b', 'a'].sort((x, y) => (goYamlKeyLess(x, y) ? -1 : goYamlKeyLess(y, x) ? 1 : 0));
    assert.deepEqual(sorted, ['A', 'a', 'a-b', 'a_b', 'a2', 'a10', 'ab', 'b']);
  });

  it('quotes strings that would read back as other types (YAML 1.1)', () => {
    assert.equal(emitDocument({ a: 'true', b: 'yes', c: '8080', d: '1.5', e: '', f: 'null', g: '0x1F', h: '2001-12-14', i: 'plain' }),
      'a: "true"\nb: "yes"\nc: "8080"\nd: "1.5"\ne: ""\nf: "null"\ng: "0x1F"\nh: "2001-12-14"\ni: plain\n');
  });

  // The lists are what kustomize build (v5.5.0) prints plain and double-quoted for these strings.
  it('quotes a string as a number exactly when Go would read one (go-yaml v2 resolve)', () => {
    const plain = ['2.5.0', '.5.5', '.', '1e400', '+', '1.2.3.4', '12e', '0x', '0b', '0o', '_1', '0xFFFFFFFFFFFFFFFFFF', 'v1.2', '1.2a'];
    const quoted = ['1.2', '1.', '.5', '08', '0o17', '0O17', '0x1F', '0X1F', '0b101', '0B101', '1_000', '1_000.5', '1e3', '1E3', '-1', '+1',
      '+.5', '0755', '09.5', '1:30', '1:30.5', '190:20:30', '.inf', '-.inf', '.nan', '.5_0', '1.5e+3', '1__0', '1_', '99999999999999999999',
      '2001-12-14', '-0', '00', '0.', '-.5'];
    for (const s of plain) assert.equal(emitDocument({ k: s }), `k: ${s}\n`, s);
    for (const s of quoted) assert.equal(emitDocument({ k: s }), `k: "${s}"\n`, s);
  });

  it('single-quotes strings an indicator or ": " makes unsafe as plain scalars', () => {
    assert.equal(emitDocument({ a: '*star', b: 'k: v', c: '- x', d: "it's" }), "a: '*star'\nb: 'k: v'\nc: '- x'\nd: it's\n");
  });

  it('prints multi-line strings as literal blocks with the right chomping', () => {
    assert.equal(emitDocument({ a: 'x\ny\n', b: 'x\ny', c: '\nx\n' }), 'a: |\n  x\n  y\nb: |-\n  x\n  y\nc: |2\n\n  x\n');
  });

  it('prints sequences at the parent key indentation and maps inside them beside the dash', () => {
    assert.equal(emitDocument({ spec: { containers: [{ name: 'a', ports: [{ containerPort: 80 }] }], empty: [], none: {} } }),
      'spec:\n  containers:\n  - name: a\n    ports:\n    - containerPort: 80\n  empty: []\n  none: {}\n');
  });

  it('prints numbers as Go does after the JSON round trip', () => {
    assert.equal(emitDocument({ a: 1, b: 1.5, c: 0.00001, d: 1e21, e: -3 }), 'a: 1\nb: 1.5\nc: 1e-05\nd: 1e+21\ne: -3\n');
  });

  it('folds a long plain or quoted line at a space after column 80', () => {
    const words = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore';
    assert.equal(emitDocument({ k: words }),
      'k: lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt\n  ut labore\n');
  });
});

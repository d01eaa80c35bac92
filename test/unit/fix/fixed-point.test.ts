// Several fixes on one container, as fix-all would gather them from different rules: each
// alone would add its own `securityContext:`; together in one pass they would collide. They are
// applied one per touching group per pass and re-computed until nothing is left to do.
import * as assert from 'node:assert/strict';
import { ensureInSeq, fixToFixedPoint, parseFile, podSpecOf, setIn } from '@kube-harden/server';
import type { Fix } from '@kube-harden/server';
import { parseStrict } from '../../helpers/fix';
import { yaml } from '../../helpers/manifest';

function hardenAll(text: string): Fix[] {
  const fixes: Fix[] = [];
  for (const d of parseFile(text).documents) {
    for (const o of d.objects) {
      const pod = podSpecOf(o);
      if (!pod) continue;
      for (const c of pod.containers) {
        for (const fix of [
          setIn(text, d.doc, c.node, ['securityContext', 'allowPrivilegeEscalation'], false),
          setIn(text, d.doc, c.node, ['securityContext', 'runAsNonRoot'], true),
          ensureInSeq(text, d.doc, c.node, ['securityContext', 'capabilities', 'drop'], 'ALL'),
        ]) if (fix && fix.length > 0) fixes.push(fix);
      }
    }
  }
  return fixes;
}

describe('fix: to a fixed point', () => {
  it('applies colliding fixes over several passes into one securityContext', () => {
    const input = yaml`
      apiVersion: apps/v1
      kind: Deployment
      spec:
        template:
          spec:
            containers:
            - name: app   # the app
              image: nginx
            - name: sidecar
              image: envoy
              securityContext:
                runAsNonRoot: false  # TODO
    `;
    const r = fixToFixedPoint(input, hardenAll);
    assert.equal(r.converged, true);
    assert.equal(r.text, yaml`
      apiVersion: apps/v1
      kind: Deployment
      spec:
        template:
          spec:
            containers:
            - name: app   # the app
              image: nginx
              securityContext:
                allowPrivilegeEscalation: false
                runAsNonRoot: true
                capabilities:
                  drop:
                  - ALL
            - name: sidecar
              image: envoy
              securityContext:
                runAsNonRoot: true  # TODO
                allowPrivilegeEscalation: false
                capabilities:
                  drop:
                  - ALL
    `);
    assert.equal(r.passes, 3);
    parseStrict(r.text);
  });
});

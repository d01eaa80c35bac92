// A group of findings at one place is shown most severe first: a stable order, so findings of one
// severity stay in the order the rules reported them.
import * as assert from 'node:assert/strict';
import { mostSevereFirst, Severity } from '@kube-harden/server/out/engine';

type Item = { severity: Severity; id: number; message: string; ruleId: string };

describe('mostSevereFirst', () => {
  it('orders error, warning, info and keeps the reported order within a severity', () => {
    const items: Item[] = [
      { severity: 'info', id: 1, message: '', ruleId: 'a' },
      { severity: 'warning', id: 2, message: '', ruleId: 'b' },
      { severity: 'info', id: 3, message: '', ruleId: 'c' },
      { severity: 'error', id: 4, message: '', ruleId: 'd' },
      { severity: 'warning', id: 5, message: '', ruleId: 'e' },
    ];
    assert.deepEqual(mostSevereFirst(items).map(i => i.id), [4, 2, 5, 1, 3]);
    assert.deepEqual(items.map(i => i.id), [1, 2, 3, 4, 5], 'the group given is left as it was');
  });

  it('agrees with a stable sort on 2,000 random groups', () => {
    const severities: Severity[] = ['error', 'warning', 'info'];
    const rank = { error: 0, warning: 1, info: 2 };
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 2000; n++) {
      const items: Item[] = Array.from({ length: 1 + Math.floor(next() * 7) }, (_, id) => ({ severity: severities[Math.floor(next() * 3)], id, message: '', ruleId: '' }));
      const expected = items.map((item, at) => ({ item, at })).sort((a, b) => rank[a.item.severity] - rank[b.item.severity] || a.at - b.at).map(x => x.item.id);
      assert.deepEqual(mostSevereFirst(items).map(i => i.id), expected);
    }
  });
});

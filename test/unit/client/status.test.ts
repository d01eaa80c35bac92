import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '@kube-harden/server';
import type * as Status from '../../../client/src/status';

// The client is not a package: its compiled output, from test/out/unit/client.
const { countSeverities, rulesOfIndex, statusText } = require(path.resolve(__dirname, '../../../../client/out/status')) as typeof Status;

describe('client: status bar text and the rule list', () => {
  it('counts only kube-harden diagnostics, hints as info', () => {
    const ds = [
      { severity: 0, source: 'kube-harden' }, { severity: 1, source: 'kube-harden' }, { severity: 1, source: 'kube-harden' },
      { severity: 2, source: 'kube-harden' }, { severity: 3, source: 'kube-harden' },
      { severity: 0, source: 'yaml' }, { severity: 1 },
    ];
    assert.deepEqual(countSeverities(ds, 'kube-harden'), { errors: 1, warnings: 2, infos: 2 });
  });

  it('says the counts in the item and the tooltip', () => {
    assert.deepEqual(statusText({ errors: 1, warnings: 2, infos: 0 }), {
      text: '$(shield) $(error) 1 $(warning) 2 $(info) 0',
      tooltip: 'Kube Harden: 1 error, 2 warnings, 0 info in this file. Click to open the Problems panel.',
    });
  });

  it('reads every rule, with its title, from the generated index', () => {
    const index = fs.readFileSync(path.resolve(__dirname, '../../../../docs/rules/README.md'), 'utf8');
    assert.deepEqual(rulesOfIndex(index), RULES.map(r => ({ id: r.id, title: r.title })));
  });
});

// Where a file lies in a Helm chart (host/helm.ts helmPlace): a template, chart data, or neither.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { helmPlace } from '@kube-harden/server/out/host/helm';
import { removeTempTrees, tempTree } from '../../helpers/cli';

describe('helmPlace', () => {
  after(removeTempTrees);

  it('knows templates, crds/, data anywhere else in the chart, a subchart, and files outside any chart', () => {
    const chart = 'apiVersion: v2\nname: c\nversion: 1.0.0\n';
    const dir = tempTree({
      'c/Chart.yaml': chart, 'c/values.yaml': '', 'c/templates/a.yaml': '', 'c/templates/sub/b.yaml': '',
      'c/crds/x.yaml': '', 'c/conf/crds/y.yaml': '', 'c/files/z.yaml': '',
      'c/charts/s/Chart.yaml': chart, 'c/charts/s/templates/t.yaml': '', 'c/charts/s/crds/u.yaml': '', 'c/charts/s/conf/v.yaml': '',
      'other/w.yaml': '',
    });
    const at = (rel: string) => helmPlace(path.join(dir, rel));
    const template = { helmTemplate: true, chartData: false };
    const data = { helmTemplate: false, chartData: true };
    const neither = { helmTemplate: false, chartData: false };
    assert.deepEqual(
      ['c/templates/a.yaml', 'c/templates/sub/b.yaml', 'c/charts/s/templates/t.yaml'].map(at),
      [template, template, template],
    );
    assert.deepEqual(['c/values.yaml', 'c/conf/crds/y.yaml', 'c/files/z.yaml', 'c/charts/s/conf/v.yaml'].map(at), [data, data, data, data]);
    assert.deepEqual(['c/crds/x.yaml', 'c/charts/s/crds/u.yaml', 'other/w.yaml'].map(at), [neither, neither, neither]);
  });
});

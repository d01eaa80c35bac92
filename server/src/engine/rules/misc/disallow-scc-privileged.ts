import { setScalar } from '../../fix/map';
import { get, isTrue } from '../../model/yaml-nav';
import { defineRule } from '../../rule';
import { OWASP_K01 } from '../references';

export default defineRule({
  id: 'disallow-scc-privileged',
  title: 'OpenShift SecurityContextConstraints must not allow privileged containers',
  category: 'misc',
  severity: 'error',
  pss: null,
  covers: ['M03'],
  equivalents: { kubeLinter: ['scc-deny-privileged-container'] },
  kinds: ['SecurityContextConstraints'],
  messages: {
    privileged: 'SecurityContextConstraints "{{name}}" sets allowPrivilegedContainer: true: set it to false.',
  },
  fixMessages: {
    disallow: 'Set allowPrivilegedContainer: false',
  },
  defaultReason: 'On by default: a custom SCC rarely needs it, and the built-in `privileged` SCC already exists for the node agents that do.',
  docs: {
    summary: 'An OpenShift SecurityContextConstraints with `allowPrivilegedContainer: true` lets every service '
      + 'account that may use it run privileged containers, which are root on the node.',
    remediation: 'Set `allowPrivilegedContainer: false`, and grant the few workloads that need privileges the built-in '
      + '`privileged` SCC through a dedicated service account.',
    references: [OWASP_K01, 'https://docs.openshift.com/container-platform/latest/authentication/managing-security-context-constraints.html'],
  },
  examples: {
    incorrect: `apiVersion: security.openshift.io/v1
kind: SecurityContextConstraints
metadata:
  name: agents
allowPrivilegedContainer: true # for the node agent
allowHostNetwork: false
`,
    correct: `apiVersion: security.openshift.io/v1
kind: SecurityContextConstraints
metadata:
  name: agents
allowPrivilegedContainer: false # for the node agent
allowHostNetwork: false
`,
  },
  // Pods admitted through this SCC that ask for privileged: true are then rejected.
  fix: { safety: 'unsafe', risk: 'workloads that need privileged containers lose this SCC' },
  checkObject({ object, report }) {
    if (object.group !== 'security.openshift.io' && object.group !== '') return;
    const v = get(object.node, 'allowPrivilegedContainer', object.doc);
    if (!isTrue(v)) return;
    report({
      messageId: 'privileged', data: { name: object.name ?? '(unnamed)' }, at: v!.value,
      fix: { messageId: 'disallow', edits: ({ text, doc }) => setScalar(text, doc, object.node, 'allowPrivilegedContainer', false) },
    });
  },
});

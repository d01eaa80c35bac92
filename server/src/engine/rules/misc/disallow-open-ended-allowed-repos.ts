import { isScalar, isSeq } from 'yaml';
import { removeItem } from '../../fix/remove';
import { replaceItem } from '../../fix/replace';
import { getIn, resolveAlias } from '../../model/yaml-nav';
import { defineRule, MessageProposal } from '../../rule';

/** An entry without `/` that names a registry host (`gcr.io`, `localhost:5000`), not a Docker Hub image. */
function isHost(entry: string): boolean {
  const host = entry.split(':')[0];
  return host.includes('.') || host === 'localhost';
}

/**
 * An entry admitting more than its author meant: Gatekeeper's K8sAllowedRepos template tests
 * `startswith(image, repo)`, so `gcr.io/acme` also admits `gcr.io/acme-evil/x`, and `gcr.io`
 * admits `gcr.io.evil.example/x`. Bounded are entries ending in `/`, naming a digest (`@`), or a
 * tag after the repository (`gcr.io/acme/app:`, `nginx:1.27`): what follows stays in that
 * repository. Returns an image the entry admits by accident, or undefined when bounded.
 */
export function openEndedExample(repo: string): string | undefined {
  if (repo.endsWith('/') || repo.includes('@')) return undefined;
  const slash = repo.lastIndexOf('/');
  if (slash >= 0) return repo.slice(slash + 1).includes(':') ? undefined : `${repo}-evil/app`;
  if (!isHost(repo)) return repo.includes(':') ? undefined : `${repo}-evil/app`;
  // `localhost:5000` admits `localhost:50001/...`; a bare host admits any domain it begins.
  return repo.includes(':') ? `${repo}1/app` : `${repo}.evil.example/app`;
}

export default defineRule({
  id: 'disallow-open-ended-allowed-repos',
  title: 'Gatekeeper allowed repositories end at a path boundary',
  category: 'misc',
  severity: 'warning',
  pss: null,
  covers: ['M04'],
  equivalents: { trivy: ['KSV124'] },
  kinds: ['K8sAllowedRepos'],
  messages: {
    openEnded: 'Allowed repository "{{repo}}" has no trailing "/": Gatekeeper compares image names by prefix, so it '
      + 'also admits "{{example}}"; end it with "/".',
    allowsAll: 'An empty allowed repository admits every image: remove it.',
  },
  fixMessages: {
    removeEmpty: 'Remove the empty allowed repository',
    append: 'Append "{{suffix}}" to "{{repo}}": admit only {{what}}',
  },
  defaultReason: 'On by default (warning): the constraint exists to block untrusted images, and such an entry quietly defeats it.',
  docs: {
    summary: 'The gatekeeper-library K8sAllowedRepos template admits an image when it starts with one of '
      + '`spec.parameters.repos`, compared as plain strings: `gcr.io/acme` also admits '
      + '`gcr.io/acme-evil/...`, which anyone can create, and `gcr.io` admits any domain that begins with it. '
      + 'Entries ending in `/`, or naming a tag (`nginx:1.27`, `gcr.io/acme/app:`) or a digest, are bounded. '
      + 'No automatic fix: adding `/` changes what the constraint admits (an entry meant as a single image, '
      + '`gcr.io/acme/app`, must become `gcr.io/acme/app:` instead), so the edits are offered as suggestions.',
    remediation: 'End every registry or organisation entry with `/` (`gcr.io/acme/`), and every single-repository entry with `:` (`gcr.io/acme/app:`).',
    references: ['https://open-policy-agent.github.io/gatekeeper-library/website/validation/allowedrepos/', 'https://avd.aquasec.com/misconfig/kubernetes/general/avd-ksv-0124/'],
  },
  examples: {
    incorrect: `apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sAllowedRepos
metadata:
  name: repo-is-acme
spec:
  match: {kinds: [{apiGroups: [""], kinds: [Pod]}]}
  parameters:
    repos:
    - ghcr.io/acme/
    - ""
`,
    correct: `apiVersion: example.com/v1
kind: K8sAllowedRepos
metadata:
  name: repo-is-acme
spec:
  match: {kinds: [{apiGroups: [""], kinds: [Pod]}]}
  parameters:
    repos:
    - gcr.io
`,
  },
  fix: null,
  checkObject({ object, report }) {
    if (object.group !== 'constraints.gatekeeper.sh') return;
    const ref = getIn(object.node, ['spec', 'parameters', 'repos'], object.doc);
    if (!ref || !isSeq(ref.value)) return;
    const seq = ref.value;
    seq.items.forEach((raw, index) => {
      const item = resolveAlias(raw, object.doc);
      if (!isScalar(item) || typeof item.value !== 'string') return;
      const repo = item.value;
      const at = raw as typeof item;
      if (repo.trim() === '') {
        const suggestions = [{ messageId: 'removeEmpty', edits: ({ text, doc }) => removeItem(text, doc, seq, index) } satisfies MessageProposal];
        report({ messageId: 'allowsAll', at, suggestions });
        return;
      }
      const example = openEndedExample(repo);
      if (!example) return;
      const append = (suffix: string, what: string): MessageProposal => ({
        messageId: 'append', data: { suffix, repo, what },
        edits: ({ text, doc }) => replaceItem(text, doc, seq, index, repo + suffix),
      });
      const suggestions = [append('/', 'images under it')];
      if (repo.includes('/') || !isHost(repo)) suggestions.push(append(':', `the repository "${repo}" itself`));
      report({ messageId: 'openEnded', data: { repo, example }, at, suggestions });
    });
  },
});

// Help and version text.

const CHECK = `Usage: kube-harden check [options] <files or directories...|->

Reports security findings in Kubernetes manifests. Directories are searched
recursively for .yaml, .yml and .json files (node_modules and .git are skipped).
Files are read as kubectl reads them (go-yaml: CR, NEL, LS and PS line ends,
UTF-16 with a byte-order mark, YAML 1.1 scalars, "*List" documents expanded).
A file that cannot be read is reported on stderr (exit status 2) and the others
are still checked.

Nothing unread passes as clean: a document with a YAML syntax error, a file over
the size limit, binary or UTF-32 content, and a Helm chart that cannot render
are each reported as
  skipped: <file>[:<line>]: <reason>
on stderr, listed under "skipped" by --format json, and fail the run with exit
status 3 unless --allow-skipped. Files that are not Kubernetes manifests (CI
workflows, compose files, Helm values, package.json) get no findings and are
not skipped.
A Helm chart (a folder with Chart.yaml) is rendered with its values.yaml and
with each ci/*-values.yaml, and its findings are reported at the template line
that produced them; its templates are never linted as plain YAML.
"-" reads a YAML stream from standard input (helm template ... | kube-harden
check -).

The named files are judged with the rest of their repository, as the editor
judges them: the manifests under the folder of the nearest .kube-harden.yaml
(or, without one, the git root) feed the cross-file checks (a Namespace's Pod
Security label, NetworkPolicies, RBAC bindings) but only the named files are
reported. Checking one changed file gives the findings that checking its
folder gives for it.

Options:
  --level baseline|restricted   Pod Security Standards level (default: restricted)
  --pss-version latest|v1.N     Pod Security Standards policy version (default: latest)
  --preset default|strict       Rule preset: strict turns on every rule, opt-in
                                ones included (default: as .kube-harden.yaml says,
                                else default)
  --enable-all                  Same as --preset strict
  --default-namespace <ns>      Namespace of objects that name none and that no
                                kustomization.yaml places: where your
                                "kubectl apply" puts them (default: as
                                .kube-harden.yaml says, else "default")
  --fix                         Apply the safe fixes in place (they cannot stop a
                                working pod), then report what remains
  --fix-unsafe                  Apply the safe and the unsafe fixes in place (unsafe
                                ones, such as runAsNonRoot: true, may stop an image
                                that relies on the old setting: review the result)
  --format text|json|sarif|github
                                Output format (default: text). sarif: SARIF
                                2.1.0 for code scanning (columns are 1-based
                                UTF-16 code units); github: workflow commands
                                that annotate the pull request in GitHub Actions
  --fail-on error|warning|info|never
                                The lowest severity that fails the run, exit
                                status 1 (default: as .kube-harden.yaml failOn
                                says, else warning: info findings never fail)
  --baseline <file>             Report and fail only on findings the baseline
                                does not record; list its entries no longer found
  --write-baseline <file>       Record this run's findings as the baseline (exit 0)
  --stdin-filename <name>       The name standard input is reported under; its
                                folder finds .kube-harden.yaml and the context
  --no-context                  Judge the named files with each other only, not
                                with the rest of their repository
  --max-file-size <size>        Skip files larger than this, e.g. 32MiB or 500KiB
                                (default: as .kube-harden.yaml maxFileSize says,
                                else 16MiB)
  -f, --values <file>           Values for every chart checked, on top of each value
  --set, --set-string, --set-json, --set-file <key=value>
                                set (values.yaml, ci/*-values.yaml), as helm
                                template takes them and in Helm's order: files,
                                then JSON, plain, string and file values
  --allow-skipped               Report skipped files and documents, but do not fail
                                the run for them (exit status as findings decide)
  -h, --help                    Show this help

Settings come from the nearest .kube-harden.yaml (or .yml) found walking up from
each file to the git root; flags override it. A mistake in that file is reported
on stderr (exit status 2) and the rest of it still applies.

Findings suppressed by a "# kube-harden-ignore <rule> -- <reason>" comment or a
kube-harden.io/ignore.<rule> annotation are not reported; --format json lists
them under "suppressed".

Fixing rewrites a file only when a fix changes it, through a temporary file in
the same directory renamed over it (its mode is kept). A file that changed on
disk while it was being fixed is left as it is and reported on stderr (exit
status 2). With --format json the output gains "fixed": [{"file", "count"}].
Fixing never creates files nor adds objects: what has no single right answer,
such as a NetworkPolicy for a namespace, is an editor suggestion, not a fix.

Baselines match findings by fingerprint (the file, the rule, the object's kind,
namespace and name, and the path of the node inside it, never line numbers), so
moving a block keeps it known. The same fingerprint is SARIF's
partialFingerprints and "fingerprint" in --format json.

Exit status: 0 nothing found at or above --fail-on (or nothing left after
fixing), 1 findings at or above --fail-on, 2 usage or I/O error, 3 no failing
findings but something was skipped (see above; --allow-skipped makes it 0).
Findings win over skips: a run with both exits 1, and its skipped lines are
still printed.
`;

const RULES = `Usage: kube-harden rules [--format text|json]

Lists every rule with its category, level, severity and fix safety.
`;

const MAIN = `Usage: kube-harden <command> [options]

Commands:
  check [options] <files or directories...|->  Report security findings in Kubernetes manifests
                                              (--fix: apply the safe fixes first)
  rules [--format text|json]                  List the rules
  render <kustomization-dir>                  Print what "kustomize build" would print
  render <chart> [-f values.yaml] [--set k=v]  Print what "helm template" prints for a chart
                                              (--release-name, --namespace, --kube-version,
                                              --api-versions, --include-crds, --skip-tests,
                                              --show-only, --name-template, --set-string,
                                              --set-json k=<json>, --set-file k=<path>;
                                              values apply as Helm applies them: -f files,
                                              then --set-json, --set, --set-string, --set-file)

Options:
  -h, --help      Show help (also per command: kube-harden check --help)
  --version       Print the version

Exit status: 0 nothing found, 1 findings reported, 2 usage or I/O error,
3 files or documents skipped (not read; see kube-harden check --help).
`;

export function helpText(topic?: 'check' | 'rules'): string {
  return topic === 'check' ? CHECK : topic === 'rules' ? RULES : MAIN;
}

export function version(): string {
  // The server package's manifest (out/cli/usage.js -> ../../package.json). A require, not a file
  // read, so the published bundle (dist/cli.js, one folder up less) carries it inside.
  try {
    const manifest = require('../../package.json') as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

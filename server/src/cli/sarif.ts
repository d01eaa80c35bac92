// `--format sarif`: SARIF 2.1.0, the format GitHub code scanning, GitLab and Azure DevOps read.
// One run; the tool's rules with their page, descriptions, default level and a security-severity
// (what code scanning sorts by); results with file locations relative to %SRCROOT% (the folder the
// CLI ran in) and exact regions. SARIF lines and columns are 1-based and columns count UTF-16 code
// units (`columnKind: utf16CodeUnits`), the same unit as the editor's. partialFingerprints carry
// the finding's identity without line numbers; suppressed findings come with their justification.
import { pathToFileURL } from 'node:url';
import { catalogueRow, Rule, ruleById, RULES, Severity } from '../engine/checking';
import { version } from './usage';
import { CheckSummary, CliFinding, CliSuppressed } from './findings';

export const RULE_DOCS_URL = 'https://github.com/kube-harden/kube-harden/blob/main/docs/rules/';
const INFORMATION_URI = 'https://github.com/kube-harden/kube-harden';
const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const FINGERPRINT_KEY = 'kubeHardenFinding/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

// GitHub's scale: critical > 9.0, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9. A rule's score is
// that of the most severe catalogue row it answers for, else of its default severity.
const ROW_SCORE: Record<string, number> = { critical: 9.5, high: 8.0, medium: 5.5, low: 3.0, info: 1.0 };
const SEVERITY_SCORE: Record<Severity, number> = { error: 8.0, warning: 5.5, info: 2.0 };

export function securitySeverity(rule: Rule): string {
  const scores = rule.covers.map(id => ROW_SCORE[(catalogueRow(id)?.severity ?? '').toLowerCase().split(/[^a-z]/)[0]]).filter((n): n is number => n !== undefined);
  return (scores.length ? Math.max(...scores) : SEVERITY_SCORE[rule.severity]).toFixed(1);
}

/** The first sentence of a text, for a short description. */
function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(?:\s|$)/s.exec(text);
  return (m ? m[1] : text).trim();
}

function sarifRule(rule: Rule) {
  return {
    id: rule.id,
    name: rule.id.split('-').map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w)).join(''),
    shortDescription: { text: rule.title },
    fullDescription: { text: firstSentence(rule.docs.summary) },
    help: { text: rule.docs.remediation, markdown: `${rule.docs.remediation}\n\n[Rule page](${RULE_DOCS_URL}${rule.id}.md)` },
    helpUri: `${RULE_DOCS_URL}${rule.id}.md`,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      'security-severity': securitySeverity(rule),
      tags: ['security', 'kubernetes', rule.category, ...(rule.pss ? [`pss-${rule.pss.level}`] : [])],
      precision: 'high',
      covers: [...rule.covers],
    },
  };
}

/** How a file is named in SARIF: relative to %SRCROOT% when inside it, else an absolute file URI. */
export interface ArtifactName { uri: string; base: boolean }

export function artifactName(relative: string, absolute: string): ArtifactName {
  if (relative === '' || relative.startsWith('..') || /^[a-zA-Z]:/.test(relative) || relative.startsWith('/')) {
    return { uri: pathToFileURL(absolute).href, base: false };
  }
  return { uri: relative.split(/[\\/]/).map(encodeURIComponent).join('/'), base: true };
}

function result(f: CliFinding, ruleIndex: Map<string, number>, artifact: (display: string) => ArtifactName) {
  const a = artifact(f.file);
  const out: Record<string, unknown> = {
    ruleId: f.rule,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: a.base ? { uri: a.uri, uriBaseId: '%SRCROOT%' } : { uri: a.uri },
        region: { startLine: f.range.start.line, startColumn: f.range.start.column, endLine: f.range.end.line, endColumn: f.range.end.column },
      },
    }],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    properties: { covers: f.covers, fix: f.fix ? f.fix.safety : 'none' },
  };
  const index = ruleIndex.get(f.rule);
  if (index !== undefined) out.ruleIndex = index;
  return out;
}

export function formatSarif(summary: CheckSummary, base: string, artifact: (display: string) => ArtifactName, rules: readonly Rule[] = RULES): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = [
    ...summary.findings.map(f => result(f, ruleIndex, artifact)),
    ...summary.suppressed.map((s: CliSuppressed) => ({
      ...result(s, ruleIndex, artifact),
      suppressions: [{ kind: 'inSource', justification: s.suppression.reason + (s.suppression.until ? ` (until ${s.suppression.until})` : ''), properties: { via: s.suppression.via } }],
    })),
  ];
  const notifications = (summary.notes ?? []).map(n => ({
    level: n.level,
    message: { text: n.message },
    ...(n.file ? { locations: [{ physicalLocation: { artifactLocation: locationOf(artifact(n.file)), ...(n.line ? { region: { startLine: n.line } } : {}) } }] } : {}),
  }));
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'kube-harden', semanticVersion: version(), informationUri: INFORMATION_URI, rules: rules.map(sarifRule) } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(base.endsWith('/') ? base : base + '/').href } },
      columnKind: 'utf16CodeUnits',
      invocations: [{ executionSuccessful: summary.executionSuccessful ?? true, toolExecutionNotifications: notifications }],
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function locationOf(a: ArtifactName) {
  return a.base ? { uri: a.uri, uriBaseId: '%SRCROOT%' } : { uri: a.uri };
}

// `--format github`: workflow commands, which GitHub Actions turns into annotations on the diff.
// Values escape %, CR and LF; properties also escape ':' and ','.
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
const GITHUB_COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(summary: CheckSummary, artifactPath: (display: string) => string): string {
  const lines = summary.findings.map(f => {
    const props = [
      `file=${escapeProperty(artifactPath(f.file))}`,
      `line=${f.range.start.line}`, `col=${f.range.start.column}`,
      `endLine=${f.range.end.line}`, `endColumn=${f.range.end.column}`,
      `title=${escapeProperty(`kube-harden ${f.rule}`)}`,
    ];
    return `::${GITHUB_COMMAND[f.severity]} ${props.join(',')}::${escapeData(ruleById(f.rule) ? `${f.message} (${RULE_DOCS_URL}${f.rule}.md)` : f.message)}`;
  });
  for (const n of summary.notes ?? []) {
    lines.push(`::${n.level === 'error' ? 'error' : 'warning'} ${n.file ? `file=${escapeProperty(artifactPath(n.file))}${n.line ? `,line=${n.line}` : ''}` : ''}::${escapeData(n.message)}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

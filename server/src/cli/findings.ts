// The CLI's view of a finding: positions 1-based as editors and compilers print them, the file
// named as the user named it. This is the shape of `--format json`.
import { hash } from 'node:crypto';
import { Finding, findingIdentity, FixSafety, IdentityPlaces, ParsedFile, Severity, SuppressedFinding } from '../engine/checking';
import { byCodeUnit } from '../host/dirent';
import type { CliSkipped } from './skipped';

export interface CliPosition { line: number; column: number }

export interface CliFinding {
  file: string;
  rule: string;
  severity: Severity;
  message: string;
  range: { start: CliPosition; end: CliPosition };
  covers: string[];
  fix: { safety: FixSafety } | null;
  /**
   * Stable across unrelated edits (no line numbers): a hash of the file, the rule, the object and
   * the path of the node inside it. The baseline and SARIF's partialFingerprints match by it.
   */
  fingerprint: string;
}

export interface CheckSummary {
  findings: CliFinding[];
  scanned: number;
  /** Files and documents not judged (chart templates, syntax errors, binary content, too large). */
  skipped: CliSkipped[];
  /** Run notes machine formats carry (SARIF notifications, GitHub annotations): files not read, errors. */
  notes?: RunNote[];
  /** False when something could not be read or configured (exit status 2). */
  executionSuccessful?: boolean;
  /** With --baseline: findings the baseline knows (not in `findings`), and its entries no longer found. */
  baseline?: { known: number; gone: BaselineEntry[] };
  /** With --fix / --fix-unsafe: the files written and how many findings each had fixed. */
  fixed?: Array<{ file: string; count: number }>;
  /** Findings a suppression took out, with its reason (for audit). */
  suppressed: CliSuppressed[];
}

export interface CliSuppressed extends CliFinding {
  suppression: { via: string; reason: string; until?: string };
}

export interface RunNote { level: 'error' | 'warning' | 'note'; message: string; file?: string; line?: number }

/** One finding recorded in a baseline file. */
export interface BaselineEntry { fingerprint: string; file: string; rule: string; message: string }

export function toCliFinding(file: string, f: Finding, fingerprint: string): CliFinding {
  return {
    file,
    rule: f.ruleId,
    severity: f.severity,
    message: f.message,
    range: {
      start: { line: f.range.start.line + 1, column: f.range.start.character + 1 },
      end: { line: f.range.end.line + 1, column: f.range.end.character + 1 },
    },
    covers: [...f.covers],
    fix: f.fix ? { safety: f.fix.safety } : null,
    fingerprint,
  };
}

export function compareFindings(a: CliFinding, b: CliFinding): number {
  return byCodeUnit(a.file, b.file)
    || a.range.start.line - b.range.start.line
    || a.range.start.column - b.range.start.column
    || a.range.end.line - b.range.end.line
    || a.range.end.column - b.range.end.column
    || byCodeUnit(a.rule, b.rule);
}

export function toCliSuppressed(file: string, s: SuppressedFinding, fingerprint: string): CliSuppressed {
  const suppression: CliSuppressed['suppression'] = { via: s.via, reason: s.reason };
  if (s.until) suppression.until = s.until;
  return { ...toCliFinding(file, s.finding, fingerprint), suppression };
}

/**
 * Fingerprints of a file's findings, in the order given: sha256 of the file's name relative to the
 * run's base folder (forward slashes), the finding's identity, and its occurrence among findings
 * of the same identity (two of one rule on one node).
 */
export function fingerprints(relativeFile: string, parsed: ParsedFile | undefined, findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  const places: IdentityPlaces = new Map();
  return findings.map(f => {
    const identity = parsed ? findingIdentity(parsed, f, places) : `${f.ruleId}|${f.messageId}|${f.message}`;
    const n = seen.get(identity) ?? 0;
    seen.set(identity, n + 1);
    // One-shot: a Hash object per finding costs more than the hashing (150,000 findings on a big tree).
    return hash('sha256', `${relativeFile}\n${identity}\n${n}`).slice(0, 32);
  });
}

// One problem, one line: findings of several rules on the same node (a container missing the
// restricted settings draws runAsNonRoot, seccomp, capabilities, privilege escalation...) are
// shown together, as one entry that lists what is missing. Each rule keeps its own finding, id,
// fix and suppression; only the presentation (editor diagnostics, CLI text) is grouped.
import type { Severity } from './rule';

export interface Presentable {
  ruleId: string;
  severity: Severity;
  message: string;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Groups items by `key`, in the order each key first appears; each group most severe first. */
export function groupBy<T extends Presentable>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()].map(mostSevereFirst);
}

/**
 * A group most severe first, stably: equal severities keep the order the rules reported them in.
 * The group itself when it is in that order already, else a sorted copy. Sorted by insertion: a
 * group is a few findings, and Array.prototype.sort sets up about a kilobyte of state per call
 * (a third of a megabyte per keystroke in a large file's diagnostics).
 */
export function mostSevereFirst<T extends Presentable>(group: T[]): T[] {
  let i = 1;
  while (i < group.length && RANK[group[i - 1].severity] <= RANK[group[i].severity]) i++;
  if (i >= group.length) return group;
  const out = group.slice();
  for (; i < out.length; i++) {
    const item = out[i];
    let j = i - 1;
    while (j >= 0 && RANK[out[j].severity] > RANK[item.severity]) { out[j + 1] = out[j]; j--; }
    out[j + 1] = item;
  }
  return out;
}

// What the messages of container-level rules start with: `Container "app" `, `Init container #2 `.
const SUBJECT = /^((?:Init |Ephemeral )?[Cc]ontainer (?:"[^"]*"|#\d+)) /;

/** The container (or other subject) every message of the group starts with, if they share one. */
function sharedSubject(items: readonly Presentable[]): string | undefined {
  const first = SUBJECT.exec(items[0].message)?.[1];
  return first && items.every(i => i.message.startsWith(`${first} `)) ? first : undefined;
}

export interface GroupText<T> {
  /** `Container "app": 4 problems`, or `3 problems here` when the messages share no subject. */
  head: string;
  /** Each finding's message without the shared subject. */
  members: Array<{ item: T; text: string }>;
}

/** The parts of a group's text, for a front end to lay out (several findings only). */
export function describeGroup<T extends Presentable>(items: readonly T[]): GroupText<T> {
  const subject = sharedSubject(items);
  return {
    head: subject ? `${subject}: ${items.length} problems` : `${items.length} problems here`,
    members: items.map(item => ({ item, text: subject ? item.message.slice(subject.length + 1) : item.message })),
  };
}

/**
 * The text of a group as one message: a single finding's own message; for several, the head
 * line, then one line per finding with its rule id.
 */
export function groupMessage(items: readonly Presentable[]): string {
  if (items.length === 1) return items[0].message;
  const { head, members } = describeGroup(items);
  return [head, ...members.map(m => `- ${m.text} (${m.item.ruleId})`)].join('\n');
}

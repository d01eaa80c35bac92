// Render errors in Helm's wording (pkg/engine/engine.go: cleanupParseError, reformatExecErrorMsg).
import { TemplateError } from '../gotemplate';

/** "template: x.yaml:3: function "nope" not defined" -> "parse error at (x.yaml:3): function "nope" not defined". */
export function formatParseError(e: TemplateError): string {
  const tokens = e.message.split(': ');
  if (tokens.length === 1) return `parse error in (${e.template}): ${e.message}`;
  return `parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}`;
}

const EXEC = /^template: (.*?): executing ("(?:[^"\\]|\\.)*") at <(.*?)>: ([\s\S]*)$/;
const FAIL = /^error calling (?:required|fail): ([\s\S]*)$/;

/**
 * Helm 4's layout of an execution error: each template of the chain (include inside include) as
 * "location\n  executing "name" at <fn>:\n    message"; `fail` and `required` as
 * "execution error at (location): message".
 */
export function formatExecError(e: TemplateError): string {
  let m = EXEC.exec(e.message);
  if (!m) return e.template ? `execution error in (${e.template}): ${e.message}` : e.message;
  const fail = FAIL.exec(m[4]);
  if (fail) return `execution error at (${m[1]}): ${innermost(fail[1])}`;
  const parts: string[] = [];
  for (;;) {
    const [, location, name, fn, rest] = m;
    const nested = /^error calling (?:include|tpl): ([\s\S]*)$/.exec(rest);
    const inner = nested ? EXEC.exec(nested[1]) : null;
    if (!inner) { parts.push(`${location}\n  executing ${name} at <${fn}>:\n    ${rest}`); break; }
    parts.push(`${location}\n  executing ${name} at <${fn}>:\n    error calling ${/^error calling (\w+)/.exec(rest)![1]}:`);
    const innerFail = FAIL.exec(inner[4]);
    if (innerFail) return `execution error at (${inner[1]}): ${innermost(innerFail[1])}`;
    m = inner;
  }
  return parts.join('\n');
}

function innermost(msg: string): string { return msg; }

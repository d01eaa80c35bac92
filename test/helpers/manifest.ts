/**
 * Template tag for manifests written inline in tests: strips the common indentation and the
 * first and last blank lines, so a case reads as the YAML it is and positions are the file's.
 */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.split('\n');
  while (lines.length && lines[0].trim() === '') lines.shift();
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  const indent = Math.min(...lines.filter(l => l.trim() !== '').map(l => /^ */.exec(l)![0].length));
  return lines.map(l => l.slice(indent)).join('\n') + '\n';
}

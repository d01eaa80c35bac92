// `kube-harden render <dir>`: print what `kustomize build <dir>` prints, rendered in-process.
import * as path from 'node:path';
import { renderKustomization } from '../engine/render/kustomize';
import { LineIndex } from '../engine';
import { diskFileSource } from '../host/kustomize-files';
import { Io } from './io';

export const RENDER_HELP = `Usage: kube-harden render <kustomization-dir>

Renders a kustomization as "kustomize build" does (resources, bases, components, patches,
generators and the built-in transformers) and prints the YAML stream. Remote bases, plugins
and Helm charts are not rendered: each is reported on standard error.
`;

export function runRender(argv: readonly string[], io: Io): number {
  if (argv.includes('--help') || argv.includes('-h')) { io.out(RENDER_HELP); return 0; }
  const unknown = argv.find((a) => a.startsWith('-'));
  if (unknown) { io.err(`kube-harden: error: unknown option "${unknown}" for "render"\nRun "kube-harden render --help" for usage.\n`); return 2; }
  if (argv.length !== 1) { io.err('kube-harden: error: "render" takes one kustomization directory\nRun "kube-harden render --help" for usage.\n'); return 2; }
  const dir = path.resolve(argv[0]).split(path.sep).join('/');
  const files = diskFileSource();
  const result = renderKustomization(files, dir);
  for (const note of result.notes) io.err(`${where(files, note.at)}note: ${note.message}\n`);
  if (!result.ok) {
    io.err(`${result.error.at ? where(files, result.error.at) : ''}Error: ${result.error.message}\n`);
    return 1;
  }
  io.out(result.yaml);
  return 0;
}

function where(files: ReturnType<typeof diskFileSource>, at: { file: string; range: [number, number] }): string {
  const text = files.readFile(at.file);
  if (text === undefined) return `${at.file}: `;
  const pos = new LineIndex(text).positionAt(at.range[0]);
  return `${at.file}:${pos.line + 1}:${pos.character + 1}: `;
}

// `kube-harden render <dir>`: print what `kustomize build <dir>` prints, rendered in-process.
import * as path from 'node:path';
import { LineIndex, renderKustomization } from '../engine';
import { diskFileSource } from '../host/kustomize-files';
import { Io } from './io';

export const RENDER_HELP = `Usage: kube-harden render [--load-restrictor none] <kustomization-dir>

Renders a kustomization as "kustomize build" does (resources, bases, components, patches,
generators and the built-in transformers) and prints the YAML stream. Remote bases, plugins
and Helm charts are not rendered: each is reported on standard error.

  --load-restrictor none   let a kustomization read files outside its folder
                           (kustomize's --load-restrictor LoadRestrictionsNone)
`;

export function runRender(argv: readonly string[], io: Io): number {
  if (argv.includes('--help') || argv.includes('-h')) { io.out(RENDER_HELP); return 0; }
  const usage = (msg: string) => { io.err(`kube-harden: error: ${msg}\nRun "kube-harden render --help" for usage.\n`); return 2; };
  const args = [...argv];
  let loadRestrictions: 'rootOnly' | 'none' = 'rootOnly';
  const flag = args.findIndex((a) => a === '--load-restrictor' || a.startsWith('--load-restrictor='));
  if (flag >= 0) {
    const value = args[flag].includes('=') ? args[flag].slice(args[flag].indexOf('=') + 1) : args[flag + 1];
    if (value !== 'none' && value !== 'LoadRestrictionsNone' && value !== 'rootOnly' && value !== 'LoadRestrictionsRootOnly') {
      return usage(`--load-restrictor takes "none" or "rootOnly", got ${JSON.stringify(value ?? '')}`);
    }
    loadRestrictions = /none/i.test(value) ? 'none' : 'rootOnly';
    args.splice(flag, args[flag].includes('=') ? 1 : 2);
  }
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) return usage(`unknown option "${unknown}" for "render"`);
  if (args.length !== 1) return usage('"render" takes one kustomization directory');
  const dir = path.resolve(args[0]).split(path.sep).join('/');
  const files = diskFileSource();
  const result = renderKustomization(files, dir, { loadRestrictions });
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

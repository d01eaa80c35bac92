// Command-line parsing for `kube-harden`. The grammar is small and fixed (scripts and CI rely on
// it), so it is written out here rather than pulled in from a dependency.
import { FAIL_ON_VALUES, FailOn, FixSafety, isNamespaceName, Level, parsePolicyVersion, parseSize, Preset, PRESETS, SIZE_HINT } from '../engine/checking';

export type Format = 'text' | 'json' | 'sarif' | 'github';
const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'github'];

export interface CheckArgs {
  command: 'check';
  level?: Level;
  pssVersion?: string;
  /** --preset strict (or the older --enable-all); undefined: as the repository file says. */
  preset?: Preset;
  /** --default-namespace: where objects naming no namespace land; undefined: as the repository file says. */
  defaultNamespace?: string;
  /** --allow-skipped: what could not be read is still reported, but does not fail the run (exit 3). */
  allowSkipped?: boolean;
  /** --max-file-size: files larger than this many bytes are skipped; undefined: as the repository file says. */
  maxFileSize?: number;
  /** --fix: apply safe fixes in place; --fix-unsafe: safe and unsafe ones. */
  fix?: FixSafety;
  format: Format;
  /** Files and directories; `-` is standard input. */
  paths: string[];
  /** --fail-on: the lowest severity that fails the run; undefined: as the repository file says, else warning. */
  failOn?: FailOn;
  /** --baseline FILE: findings recorded there are reported as known and fail nothing. */
  baseline?: string;
  /** --write-baseline FILE: record today's findings there. */
  writeBaseline?: string;
  /** --stdin-filename: the name standard input is reported under and configured as. */
  stdinFilename?: string;
  /** --no-context: judge the named files with each other only, not with the rest of their repository. */
  noContext?: boolean;
  /** Values for every chart checked, on top of each value set: -f, --set, --set-string, --set-json, --set-file. */
  chartValues?: ChartValueFlags;
}

/** Helm's value flags, each in the order given (Helm applies the kinds in its own order). */
export interface ChartValueFlags { valueFiles: string[]; set: string[]; setString: string[]; setJson: string[]; setFile: string[] }

/** The value flags and where each goes in ChartValueFlags. */
const VALUE_FLAGS: Record<string, keyof ChartValueFlags> = {
  '-f': 'valueFiles', '--values': 'valueFiles', '--set': 'set', '--set-string': 'setString', '--set-json': 'setJson', '--set-file': 'setFile',
};

export interface RulesArgs {
  command: 'rules';
  format: Format;
}

export type ParsedArgs =
  | CheckArgs
  | RulesArgs
  | { command: 'help'; topic?: 'check' | 'rules' }
  | { command: 'version' };

/** A mistake in the command line: reported with a hint to `--help`, exit status 2. */
export class UsageError extends Error {}

interface OptionSpec { takesValue: boolean; commands: ReadonlyArray<'check' | 'rules'> }

const OPTIONS: Record<string, OptionSpec> = {
  '--level': { takesValue: true, commands: ['check'] },
  '--pss-version': { takesValue: true, commands: ['check'] },
  '--enable-all': { takesValue: false, commands: ['check'] },
  '--preset': { takesValue: true, commands: ['check'] },
  '--default-namespace': { takesValue: true, commands: ['check'] },
  '--fix': { takesValue: false, commands: ['check'] },
  '--fix-unsafe': { takesValue: false, commands: ['check'] },
  '--format': { takesValue: true, commands: ['check', 'rules'] },
  '--fail-on': { takesValue: true, commands: ['check'] },
  '--baseline': { takesValue: true, commands: ['check'] },
  '--write-baseline': { takesValue: true, commands: ['check'] },
  '--stdin-filename': { takesValue: true, commands: ['check'] },
  '--no-context': { takesValue: false, commands: ['check'] },
  '--allow-skipped': { takesValue: false, commands: ['check'] },
  '--max-file-size': { takesValue: true, commands: ['check'] },
  ...Object.fromEntries(Object.keys(VALUE_FLAGS).map(f => [f, { takesValue: true, commands: ['check'] }])),
};

const COMMANDS = ['check', 'rules'] as const;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  // --help and --version win wherever they appear (before a `--`), as in most CLIs: someone
  // adding --help to a command line that does not work wants to read how it should look.
  const end = argv.indexOf('--');
  const flags = end < 0 ? argv : argv.slice(0, end);
  const topic = COMMANDS.find(c => c === argv[0]);
  if (flags.includes('--help') || flags.includes('-h')) return { command: 'help', topic };
  if (flags.includes('--version')) return { command: 'version' };

  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError('missing command: use "check" or "rules"');
  if (command.startsWith('-')) throw new UsageError(`expected a command ("check" or "rules") before ${quote(command)}`);
  if (command !== 'check' && command !== 'rules') throw new UsageError(`unknown command ${quote(command)}: use "check" or "rules"`);

  const values = new Map<string, string>();
  const chartValues: ChartValueFlags = { valueFiles: [], set: [], setString: [], setJson: [], setFile: [] };
  const positionals: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') { positionals.push(...rest.slice(i + 1)); break; }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const spec = OPTIONS[name];
    if (!spec || !spec.commands.includes(command)) throw new UsageError(`unknown option ${quote(name)} for "${command}"`);
    if (!spec.takesValue) {
      if (eq >= 0) throw new UsageError(`option ${name} takes no value`);
      values.set(name, 'true');
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) value = rest[++i];
    if (value === undefined || value === '') throw new UsageError(`option ${name} needs a value`);
    const valueFlag = VALUE_FLAGS[name];
    if (valueFlag === 'valueFiles') chartValues.valueFiles.push(...value.split(','));
    else if (valueFlag) chartValues[valueFlag].push(value);
    else values.set(name, value);
  }

  const format = formatOf(values.get('--format'));
  if (command === 'rules') {
    if (positionals.length) throw new UsageError(`"rules" takes no arguments, got ${quote(positionals[0])}`);
    if (format === 'sarif' || format === 'github') throw new UsageError(`"rules" prints text or json, not ${format}`);
    return { command, format };
  }
  const level = values.get('--level');
  if (level !== undefined && level !== 'baseline' && level !== 'restricted') {
    throw new UsageError(`unknown level ${quote(level)}: use "baseline" or "restricted"`);
  }
  const pssVersion = values.get('--pss-version');
  if (pssVersion !== undefined && parsePolicyVersion(pssVersion) === undefined) {
    throw new UsageError(`unknown policy version ${quote(pssVersion)}: use "latest" or v1.N (e.g. v1.30)`);
  }
  const presetValue = values.get('--preset');
  const preset = presetValue === undefined ? undefined : PRESETS.find(p => p === presetValue);
  if (presetValue !== undefined && !preset) throw new UsageError(`unknown preset ${quote(presetValue)}: use "default" or "strict"`);
  const defaultNamespace = values.get('--default-namespace');
  if (defaultNamespace !== undefined && !isNamespaceName(defaultNamespace)) {
    throw new UsageError(`invalid namespace ${quote(defaultNamespace)}: use a Kubernetes namespace name (lower-case letters, digits and "-", at most 63 characters)`);
  }
  const sizeValue = values.get('--max-file-size');
  const maxFileSize = sizeValue === undefined ? undefined : parseSize(sizeValue);
  if (sizeValue !== undefined && maxFileSize === undefined) throw new UsageError(`invalid size ${quote(sizeValue)} for --max-file-size: use ${SIZE_HINT}`);
  if (!positionals.length) throw new UsageError('no files or directories to check (use - for standard input)');
  // --fix-unsafe includes the safe fixes: given with --fix, it is the wider of the two.
  const fix = values.has('--fix-unsafe') ? 'unsafe' : values.has('--fix') ? 'safe' : undefined;
  const failOnValue = values.get('--fail-on');
  const failOn = failOnValue === undefined ? undefined : FAIL_ON_VALUES.find(v => v === failOnValue);
  if (failOnValue !== undefined && !failOn) throw new UsageError(`unknown --fail-on ${quote(failOnValue)}: use ${FAIL_ON_VALUES.map(quote).join(', ')}`);
  const stdin = positionals.filter(p => p === '-').length;
  if (stdin > 1) throw new UsageError('standard input (-) can be named once');
  if (stdin && fix) throw new UsageError('--fix cannot write back to standard input: name the files');
  const stdinFilename = values.get('--stdin-filename');
  if (stdinFilename !== undefined && !stdin) throw new UsageError('--stdin-filename names standard input: add - to the paths');
  const baseline = values.get('--baseline');
  const writeBaseline = values.get('--write-baseline');
  if (baseline !== undefined && writeBaseline !== undefined) throw new UsageError('--baseline and --write-baseline cannot be combined: write the baseline, then check against it');
  const args: CheckArgs = {
    command, level, pssVersion,
    // --enable-all is the older name of --preset strict; an explicit --preset wins.
    preset: preset ?? (values.has('--enable-all') ? 'strict' : undefined),
    defaultNamespace, fix, format, paths: positionals,
  };
  if (failOn) args.failOn = failOn;
  if (baseline !== undefined) args.baseline = baseline;
  if (writeBaseline !== undefined) args.writeBaseline = writeBaseline;
  if (stdinFilename !== undefined) args.stdinFilename = stdinFilename;
  if (values.has('--no-context')) args.noContext = true;
  if (values.has('--allow-skipped')) args.allowSkipped = true;
  if (maxFileSize !== undefined) args.maxFileSize = maxFileSize;
  if (Object.values(chartValues).some(v => v.length)) args.chartValues = chartValues;
  return args;
}

function formatOf(v: string | undefined): Format {
  if (v === undefined) return 'text';
  const format = FORMATS.find(f => f === v);
  if (format) return format;
  throw new UsageError(`unknown format ${quote(v)}: use ${FORMATS.map(quote).join(', ')}`);
}

function quote(s: string): string {
  return JSON.stringify(s);
}

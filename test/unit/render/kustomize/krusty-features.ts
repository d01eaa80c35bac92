// Krusty cases that need features the renderer leaves out on purpose, by feature.
interface CaseLike { name: string; files: Record<string, string>; features: string[] }

const FIELD_FEATURES: Array<[RegExp, string]> = [
  // helmCharts with a local chart is rendered (krusty-helm.test.ts); the legacy generator is not.
  [/^\s*helmChartInflationGenerator:/m, 'legacy helm chart inflation generator'],
  [/^\s*(generators|validators):/m, 'generator/transformer/validator plugins'],
  [/^\s*openapi:/m, 'custom openapi schema'],
  [/^\s*buildMetadata:.*(transformerAnnotations|managedByLabel)/m, 'buildMetadata transformer annotations or managed-by label'],
  [/(https?:\/\/|github\.com\/|\?ref=)/, 'remote resources'],
];

export function unsupportedFeature(c: CaseLike): string | undefined {
  return featureOf(c) ?? (KNOWN_GAPS[c.name] ? `not yet conformant: ${KNOWN_GAPS[c.name]}` : undefined);
}

export function featureOf(c: CaseLike): string | undefined {
  const goSide = c.features.find((f) => /plugins enabled|exec plugins/.test(f));
  if (goSide) return `Go-side option: ${goSide}`;
  const kustomizations = Object.entries(c.files).filter(([p]) => /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(p)).map(([, t]) => t);
  for (const [re, name] of FIELD_FEATURES) if (kustomizations.some((t) => re.test(t))) return name;
  if (Object.entries(c.files).some(([p, t]) => /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(p) && !onlyBuiltinTransformers(c, p, t))) {
    return 'generator/transformer/validator plugins';
  }
  return undefined;
}

/** The renderer runs transformer configurations of these built-in kinds, read from files. */
const BUILTIN_TRANSFORMERS = /^(PrefixSuffixTransformer|PrefixTransformer|SuffixTransformer|PatchTransformer)$/;

/** Whether every entry of a kustomization's transformers field is a file of built-in configurations the renderer runs. */
function onlyBuiltinTransformers(c: CaseLike, path: string, text: string): boolean {
  const block = /^transformers:\n((?:[ \t]*-[^\n]*\n?|[ \t]+[^\n]*\n?)*)/m.exec(text);
  if (!block) return true;
  const entries = [...block[1].matchAll(/^[ \t]*- *(.+)$/gm)].map((m) => m[1].trim());
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  return entries.every((e) => {
    const file = c.files[dir + e.replace(/^\.\//, '')];
    if (file === undefined) return false;
    const docs = file.split(/^---\s*$/m).filter((d) => /\S/.test(d));
    return docs.every((d) => /^apiVersion: builtin\s*$/m.test(d) && BUILTIN_TRANSFORMERS.test(/^kind: *(\S+)/m.exec(d)?.[1] ?? ''));
  });
}

/**
 * Cases of supported features the renderer does not yet match, named one by one with the first
 * difference seen. The suite asserts each still fails, so a fix forces its removal from here.
 */
const KNOWN_GAPS: Record<string, string> = {};

// Krusty cases that need features the renderer leaves out on purpose, by feature.
interface CaseLike { name: string; files: Record<string, string>; features: string[] }

const FIELD_FEATURES: Array<[RegExp, string]> = [
  [/^\s*helmCharts:|^\s*helmChartInflationGenerator:|^\s*helmGlobals:/m, 'helm charts'],
  [/^\s*(generators|transformers|validators):/m, 'generator/transformer/validator plugins'],
  [/^\s*openapi:/m, 'custom openapi schema'],
  [/^\s*configurations:/m, 'custom transformer configurations'],
  [/^\s*replacements:/m, 'replacements'],
  [/^\s*vars:/m, 'vars'],
  [/^\s*crds:/m, 'crds field specs'],
  [/^\s*buildMetadata:/m, 'buildMetadata annotations'],
  [/(https?:\/\/|github\.com\/|\?ref=)/, 'remote resources'],
];

export function unsupportedFeature(c: CaseLike): string | undefined {
  const goSide = c.features.find((f) => /plugins enabled|exec plugins|reorder|load restrictions|harness/.test(f));
  if (goSide) return `Go-side option: ${goSide}`;
  const kustomizations = Object.entries(c.files).filter(([p]) => /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(p)).map(([, t]) => t);
  for (const [re, name] of FIELD_FEATURES) if (kustomizations.some((t) => re.test(t))) return name;
  return KNOWN_GAPS[c.name];
}

/** Cases that fail for reasons not yet handled, named one by one (kept short and honest). */
const KNOWN_GAPS: Record<string, string> = {};

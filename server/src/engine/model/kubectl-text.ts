// The text as kubectl reads it. `kubectl apply -f` splits a file into documents with
// k8s.io/apimachinery's YAMLReader (lines ended by "\n" only; a line that starts with `---` and
// has nothing after it but blanks or a comment ends a document) and decodes each with
// sigs.k8s.io/yaml over go-yaml v2. go-yaml differs from `yaml` (eemeli) in what ends a line and
// where a byte-order mark may stand, so each run of the text is rewritten, keeping its length,
// into what `yaml` reads the same way: every offset of the rewritten run is the same offset of
// the user's text, and findings land where the editor shows them.

/** [start, end) of each run of the text that is parsed on its own. */
export type Bounds = Array<[number, number]>;

const DASHES = 0x2d;

/**
 * What follows `---` at a line start makes it a separator for kubectl (nothing but blanks or a
 * `#` comment), a YAML document marker (blank or line end), both, or neither. `---foo` is
 * neither; `--- foo` is a YAML marker that kubectl rejects ("invalid Yaml document separator").
 */
function markerKind(text: string, lineStart: number, lineEnd: number): { kubectl: boolean; yaml: boolean } | undefined {
  if (lineEnd - lineStart < 3 || text.charCodeAt(lineStart) !== DASHES || text.charCodeAt(lineStart + 1) !== DASHES || text.charCodeAt(lineStart + 2) !== DASHES) return undefined;
  const rest = text.slice(lineStart + 3, lineEnd);
  const trimmed = rest.trim();
  const kubectl = trimmed === '' || trimmed.startsWith('#');
  const yaml = rest === '' || /^[ \t\r]/.test(rest);
  return kubectl || yaml ? { kubectl, yaml } : undefined;
}

/** The start of a line that may cut the text: a directive or three dashes. */
const CUT_CANDIDATE = /\n(?:%|---)/g;

function lineEndAt(text: string, start: number): number {
  const nl = text.indexOf('\n', start);
  return nl < 0 ? text.length : nl;
}

// A run with nothing but the marker, comments and blank lines is joined to its neighbour: alone it
// may parse to no document at all where the whole text gives its comments to one.
const CONTENT_LINE = /^(?!---(?:[ \t#]|$))[ \t]*[^\s#]/m;

/**
 * Where the text is cut into runs parsed alone: at every line that is a document separator for
 * kubectl or a document marker for YAML. The text on either side parses the same alone as together
 * (a marker cannot occur inside a scalar or collection: YAML 1.2 §9.1.4). Directive lines
 * (`%YAML`, `%TAG`) just before a marker go with the document they introduce.
 */
export function documentBounds(text: string): Bounds {
  const starts: number[] = [0];
  // Only lines that begin with `%` or `---` can cut; the scan jumps from one to the next (this
  // runs on every keystroke over the whole text). A directive counts while the lines from it to
  // the marker are all directives.
  let directivesFrom: number | undefined;
  let directivesEnd = -1;
  const line = (start: number) => {
    const end = lineEndAt(text, start);
    const follows = directivesFrom !== undefined && directivesEnd + 1 === start;
    if (text.charCodeAt(start) === 0x25 /* % */) {
      if (!follows) directivesFrom = start;
      directivesEnd = end;
      return;
    }
    if (start > 0 && markerKind(text, start, end)) {
      const cut = follows ? directivesFrom! : start;
      if (cut > starts[starts.length - 1]) starts.push(cut);
    }
    directivesFrom = undefined;
  };
  // The first line, then every line after a LF (kubectl's lines end at LF only).
  if (text.startsWith('%') || text.startsWith('---')) line(0);
  CUT_CANDIDATE.lastIndex = 0;
  for (let m = CUT_CANDIDATE.exec(text); m; m = CUT_CANDIDATE.exec(text)) line(m.index + 1);
  const bounds: Bounds = [];
  let open: number | undefined;
  starts.forEach((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : text.length;
    const from = open ?? start;
    if (CONTENT_LINE.test(text.slice(start, end)) || i + 1 === starts.length) {
      bounds.push([from, end]);
      open = undefined;
    } else {
      open = from;
    }
  });
  return bounds;
}

// go-yaml ends a line at CR, LF, CRLF, NEL, LS and PS (yamlprivateh.go is_break); `yaml` only at
// LF and CRLF, so a lone CR would hide the next line inside a comment or a scalar. Each becomes a
// LF (one code unit for one: offsets stay). LSP counts only CR, LF and CRLF as line ends, so the
// editor keeps showing the user's lines.
const GO_ONLY_BREAK = /\r(?!\n)|[\u0085\u2028\u2029]/g;

/**
 * The run `text.slice(start, end)` rewritten so that `yaml` reads it as go-yaml does, with the
 * same length. Besides line ends: `---#comment`, a separator for kubectl but not a YAML marker,
 * gets a blank after the dashes (the comment becomes blanks); and go-yaml skips a byte-order mark
 * at the start of each document kubectl hands it, `yaml` only at the start of its input, so a BOM
 * just after the run's separator line moves to the run's start (the separator shifts right by
 * one, nothing after it moves).
 */
export function readableRun(text: string, start: number, end: number): string {
  let run = text.slice(start, end).replace(GO_ONLY_BREAK, '\n');
  run = run.replace(/^---#[^\n]*/gm, line => '--- ' + line.slice(4).replace(/[^\r]/g, ' '));
  const first = lineEndAt(run, 0);
  if (markerKind(run, 0, first) && run.charCodeAt(first + 1) === 0xfeff) {
    run = '\ufeff' + run.slice(0, first + 1) + run.slice(first + 2);
  }
  return run;
}

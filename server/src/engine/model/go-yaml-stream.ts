// A YAML stream parsed with `yaml`, except that quoted scalars end where go-yaml ends them.
//
// go-yaml's scanner (libyaml's, ported: scannerc.go yaml_parser_scan_flow_scalar) reads a quoted
// scalar up to its closing quote whatever the indentation of its continuation lines, and refuses
// only a document marker (`---` or `...` then a blank) at the start of one of them. `yaml`
// follows the YAML spec: a continuation line indented less than the scalar's collection ends the
// scalar, which then misses its closing quote. So
//
//   command:
//     - "sh -c \
//   exit 0"
//
// is `["sh -c exit 0"]` to kubectl, Kustomize and Helm, and a syntax error to `yaml`: the
// document would go unjudged while the API server accepts it. The lexer below is `yaml`'s own,
// with that one check replaced while a quoted scalar is scanned; the parser and composer are
// unchanged (they take a multi-line quoted scalar as it comes).
import { Composer, Document, DocumentOptions, Lexer, LineCounter, ParseOptions, Parser, SchemaOptions } from 'yaml';
import { goYamlTags } from './go-yaml-scalars';

/** The lexer's own methods the replacement hooks into (not in `yaml`'s public types). */
interface LexerInternals {
  buffer: string;
  continueScalar(offset: number): number;
  parseQuotedScalar(): Generator<string, string>;
}

const QUOTED = Symbol('quoted');
type GoLexer = LexerInternals & { [QUOTED]?: boolean };

const stock = Lexer.prototype as unknown as LexerInternals;

/**
 * Whether this version of `yaml` has the methods the replacement relies on; without them the
 * stock lexer runs (the unit tests of go-yaml's reading fail, so an upgrade cannot drop it unseen).
 */
export const GO_QUOTED_SCALARS = typeof stock.continueScalar === 'function' && typeof stock.parseQuotedScalar === 'function';

class GoYamlLexer extends Lexer {}

if (GO_QUOTED_SCALARS) {
  const own = GoYamlLexer.prototype as unknown as GoLexer;
  // The scan that calls continueScalar runs before the method's first yield, so the flag is set
  // exactly while this scalar's lines are looked at.
  own.parseQuotedScalar = function* (this: GoLexer) {
    this[QUOTED] = true;
    try {
      return yield* stock.parseQuotedScalar.call(this);
    } finally {
      this[QUOTED] = false;
    }
  };
  own.continueScalar = function (this: GoLexer, offset: number) {
    if (!this[QUOTED]) return stock.continueScalar.call(this, offset);
    return isDocumentMarker(this.buffer, offset) ? -1 : offset;
  };
}

/** `---` or `...` at `offset` (a line's start), followed by a blank, a line end or the end. */
function isDocumentMarker(text: string, offset: number): boolean {
  const marker = text.substr(offset, 3);
  if (marker !== '---' && marker !== '...') return false;
  const next = text[offset + 3];
  return next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
}

/**
 * YAML 1.1 as go-yaml v2 reads it: `yes`/`on` are booleans, `<<` merges, a duplicate key's last
 * value wins (sigs.k8s.io/yaml's non-strict Unmarshal), 0o17 is 15, 1:20 and 2024-01-01 strings.
 */
export const GO_YAML_V2 = { version: '1.1', merge: true, uniqueKeys: false, customTags: goYamlTags } as const;

export type StreamOptions = ParseOptions & DocumentOptions & SchemaOptions & { lineCounter?: LineCounter };

/**
 * Every document of `source`, as parseAllDocuments gives them (an empty stream is an empty list),
 * with quoted scalars read as go-yaml reads them. Error messages are `yaml`'s, without the
 * position and excerpt parseAllDocuments appends to them by default.
 */
export function parseGoYamlStream(source: string, options: StreamOptions = {}): Document.Parsed[] {
  const parser = new Parser(options.lineCounter?.addNewLine);
  const composer = new Composer(options);
  const lexer = new GoYamlLexer();
  function* tokens() {
    // As Parser.parse does: the first line starts at 0.
    options.lineCounter?.addNewLine(0);
    for (const lexeme of lexer.lex(source)) yield* parser.next(lexeme);
    yield* parser.end();
  }
  return Array.from(composer.compose(tokens()));
}

/**
 * The first document of `text` as a plain value, as sigs.k8s.io/yaml's Unmarshal reads it (go-yaml
 * v2 decodes the first document of its input and nothing after it); null for an empty text. The
 * first error of that document is thrown, as `yaml`'s parse throws it (a YAMLParseError, with `pos`).
 */
export function goYamlValue(text: string, maxAliasCount = 100): unknown {
  const [doc] = parseGoYamlStream(text, GO_YAML_V2);
  if (!doc) return null;
  if (doc.errors.length > 0) throw doc.errors[0];
  return doc.toJS({ maxAliasCount });
}

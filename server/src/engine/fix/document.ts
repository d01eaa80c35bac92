// Creating an object that is missing (a NetworkPolicy for a namespace): a whole YAML document
// appended to the file after `---`, or the same text as a new file beside it. Written in the
// file's style: indentation, list indentation, flow lists, line breaks, and a final line break
// only when the file has one.
import { Document, isCollection } from 'yaml';
import type { Proposal } from '../rule';
import { TextEdit } from './edit';
import { blockMapLines, YamlValue } from './render';
import { styleFor } from './style';
import { eolOf } from './text';

export interface NewDocument {
  /** The object, keys in the order they are written. */
  object: { readonly [key: string]: YamlValue };
  /** Comment lines (without `# `) written above the object: what the reader must still decide. */
  comment?: readonly string[];
}

function lines(text: string, doc: Document, d: NewDocument): string[] {
  const style = styleFor(text, doc);
  return [...(d.comment ?? []).map(c => `# ${c}`), ...blockMapLines(d.object, 0, style)];
}

/** The edit appending `d` as a new document at the end of the file, or undefined (declined). */
export function appendDocument(text: string, doc: Document, d: NewDocument): TextEdit[] | undefined {
  // A JSON manifest (a flow map at the root) cannot take a YAML document after it.
  if (doc.errors.length > 0 || (isCollection(doc.contents) && doc.contents.flow)) return undefined;
  const body = lines(text, doc, d);
  const eol = eolOf(text);
  const endsWithBreak = text.endsWith('\n');
  // A file that already ends with an empty document (`---` on its last line) takes the object there.
  const openDoc = /(^|\n)---[ \t]*\r?\n?$/.test(text);
  const start = openDoc ? (endsWithBreak ? '' : eol) : `${endsWithBreak || text === '' ? '' : eol}---${eol}`;
  const newText = start + body.join(eol) + (endsWithBreak ? eol : '');
  return [{ start: text.length, end: text.length, newText }];
}

/** The text of a new file holding `d` alone, in the style of the file it is created beside. */
export function newDocumentFile(text: string, doc: Document, d: NewDocument): string {
  const eol = eolOf(text);
  return lines(text, doc, d).join(eol) + eol;
}

/**
 * A proposal creating `d`: appended to the current file, or (for editors that offer it) as the
 * new file `fileName` beside it.
 */
export function createDocument(title: string, fileName: string, d: NewDocument): Proposal {
  return {
    title,
    edits: ({ text, doc }) => appendDocument(text, doc, d),
    newFile: ({ text, doc }) => ({ name: fileName, text: newDocumentFile(text, doc, d) }),
  };
}

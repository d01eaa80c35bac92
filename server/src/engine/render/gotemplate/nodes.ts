// The parse tree of a template, as Go's text/template/parse builds it, and its String() form
// (the comparable form Go's parse tests use).
import { quote } from './fmt';

export interface Span { start: number; end: number }

export type Node =
  | ListNode | TextNode | CommentNode | ActionNode | PipeNode | CommandNode | FieldNode | VariableNode
  | IdentifierNode | ChainNode | DotNode | NilNode | BoolNode | NumberNode | StringNode
  | BranchNode | TemplateNode | BreakNode | ContinueNode | EndNode | ElseNode;

export interface ListNode { type: 'list'; pos: number; nodes: Node[] }
export interface TextNode { type: 'text'; pos: number; text: string }
export interface CommentNode { type: 'comment'; pos: number; text: string }
/** An action prints its pipeline's value; span is the source of the whole {{ ... }}. */
export interface ActionNode { type: 'action'; pos: number; pipe: PipeNode; span: Span }
export interface PipeNode { type: 'pipe'; pos: number; isAssign: boolean; decl: VariableNode[]; cmds: CommandNode[] }
export interface CommandNode { type: 'command'; pos: number; args: Node[] }
export interface FieldNode { type: 'field'; pos: number; ident: string[] }
export interface VariableNode { type: 'variable'; pos: number; ident: string[] }
export interface IdentifierNode { type: 'identifier'; pos: number; ident: string }
export interface ChainNode { type: 'chain'; pos: number; node: Node; field: string[] }
export interface DotNode { type: 'dot'; pos: number }
export interface NilNode { type: 'nil'; pos: number }
export interface BoolNode { type: 'bool'; pos: number; value: boolean }
export interface NumberNode {
  type: 'number'; pos: number; text: string;
  isInt: boolean; isUint: boolean; isFloat: boolean; isComplex: boolean;
  int: bigint; uint: bigint; float: number;
}
export interface StringNode { type: 'string'; pos: number; quoted: string; text: string }
export interface BranchNode { type: 'if' | 'range' | 'with'; pos: number; pipe: PipeNode; list: ListNode; elseList: ListNode | null; span: Span }
export interface TemplateNode { type: 'template'; pos: number; name: string; pipe: PipeNode | null; span: Span }
export interface BreakNode { type: 'break'; pos: number }
export interface ContinueNode { type: 'continue'; pos: number }
export interface EndNode { type: 'end'; pos: number }
export interface ElseNode { type: 'else'; pos: number }

function argString(n: Node): string {
  return n.type === 'pipe' ? '(' + nodeString(n) + ')' : nodeString(n);
}

/** Go's Node.String(). */
export function nodeString(n: Node): string {
  switch (n.type) {
    case 'list': return n.nodes.map(nodeString).join('');
    case 'text': return quote(n.text);
    case 'comment': return '{{' + n.text + '}}';
    case 'action': return '{{' + nodeString(n.pipe) + '}}';
    case 'pipe': {
      let s = '';
      if (n.decl.length) s = n.decl.map(nodeString).join(', ') + (n.isAssign ? ' = ' : ' := ');
      return s + n.cmds.map(nodeString).join(' | ');
    }
    case 'command': return n.args.map(argString).join(' ');
    case 'field': return n.ident.map(i => '.' + i).join('');
    case 'variable': return n.ident.join('.');
    case 'identifier': return n.ident;
    case 'chain': return argString(n.node) + n.field.map(f => '.' + f).join('');
    case 'dot': return '.';
    case 'nil': return 'nil';
    case 'bool': return n.value ? 'true' : 'false';
    case 'number': return n.text;
    case 'string': return n.quoted;
    case 'if': case 'range': case 'with':
      return `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}` + (n.elseList ? `{{else}}${nodeString(n.elseList)}` : '') + '{{end}}';
    case 'template': return `{{template ${quote(n.name)}${n.pipe ? ' ' + nodeString(n.pipe) : ''}}}`;
    case 'break': return '{{break}}';
    case 'continue': return '{{continue}}';
    case 'end': return '{{end}}';
    case 'else': return '{{else}}';
  }
}

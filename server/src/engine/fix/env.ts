// Moving a literal env value out of the manifest: `value: s3cret` becomes
// `valueFrom.secretKeyRef` to a Secret the user still has to create. Written where `value` was,
// in the env item's own style (block or flow), so the item keeps its shape and comments.
import { isMap, isScalar, YAMLMap } from 'yaml';
import { Proposal } from '../rule';
import { renderOptionsFor } from './common';
import { editableAt, isShared, ownPairs } from './nodes';
import { blockValueLines, renderFlow, renderKey } from './render';
import { styleFor } from './style';
import { columnOf, insertionAfterLine, linesText } from './text';

/**
 * Replaces `value` of the env item `item` with `valueFrom.secretKeyRef: {name: secret, key}`.
 * Declines when the item or its value is shared through an alias, when `value` is written twice,
 * or when the item already has a `valueFrom` (the API server rejects both; the user decides).
 */
export function envValueToSecretRef(item: YAMLMap, envName: string, secret: string, key: string): Proposal {
  return {
    title: `Read ${envName} from Secret "${secret}" (key "${key}") with valueFrom.secretKeyRef`,
    edits: ({ text, doc }) => {
      if (!isMap(item) || !editableAt(doc, item) || isShared(doc, item)) return undefined;
      const pairs = ownPairs(item, 'value');
      if (pairs.length !== 1 || ownPairs(item, 'valueFrom').length > 0) return undefined;
      const pair = pairs[0];
      const k = pair.key;
      const v = pair.value;
      if (!isScalar(k) || !k.range || !isScalar(v) || !v.range || v.anchor || v.tag) return undefined;
      const opts = renderOptionsFor(item, doc);
      const ref = { secretKeyRef: { name: secret, key } };
      let end = v.range[1];
      if (v.type === 'BLOCK_LITERAL' || v.type === 'BLOCK_FOLDED') while (end > v.range[0] && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
      if (item.flow) return [{ start: k.range[0], end, newText: `${renderKey('valueFrom', opts)}: ${renderFlow(ref, opts)}` }];
      // The new lines go after the line on which the old value ends, so a comment after the value
      // stays on the `valueFrom:` line.
      const style = styleFor(text, doc, item);
      const lines = blockValueLines(ref, columnOf(text, k.range[0]), style, opts);
      const { at, atEof } = insertionAfterLine(text, end);
      return [
        { start: k.range[0], end, newText: `${renderKey('valueFrom', opts)}:` },
        { start: at, end: at, newText: linesText(lines, style.eol, atEof) },
      ];
    },
  };
}

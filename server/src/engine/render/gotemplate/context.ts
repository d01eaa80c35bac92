// The CallContext functions receive (include, tpl, indent keeping origins): a narrow view of
// the executor running them.
import { CallContext } from './funcs';
import type { Executor } from './exec';
import { OriginRange } from './origin';
import { Value } from './values';

export function makeContext(ex: Executor): CallContext {
  return {
    get currentTemplate() { return ex.currentTemplate(); },
    executeTemplate: (name: string, data: Value) => ex.renderTemplate(name, data),
    executeText: (name: string, text: string, data: Value) => ex.renderText(name, text, data),
    originsOf: (text: string) => ex.produced.get(text),
    recordOrigins: (text: string, ranges: OriginRange[]) => { ex.produced.set(text, ranges); },
    now: ex.opts.now,
    random: () => ex.opts.random(),
    missingKey: ex.opts.missingKey,
  };
}

// A build failure with Kustomize's meaning, and where in which file it was decided.
import { Origin } from './model';

/** What went wrong, for callers that show it at the entry (message text is for people). */
export type KustomizeErrorCode =
  | 'cycle' | 'missing-resource' | 'malformed-kustomization' | 'yaml-syntax' | 'patch-no-match'
  | 'json-patch-missing-path' | 'conflict' | 'load-restriction' | 'other';

export class KustomizeError extends Error {
  constructor(message: string, readonly at?: Origin, readonly code: KustomizeErrorCode = 'other') {
    super(message);
    this.name = 'KustomizeError';
  }
}

/** Prefixes the message as Kustomize wraps errors on their way up, keeping the position. */
export function wrapError(e: unknown, prefix: string): never {
  if (e instanceof KustomizeError) throw new KustomizeError(`${prefix}: ${e.message}`, e.at, e.code);
  throw e;
}

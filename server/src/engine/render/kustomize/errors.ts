// A build failure with Kustomize's meaning, and where in which file it was decided.
import { Origin } from './model';

export class KustomizeError extends Error {
  constructor(message: string, readonly at?: Origin) {
    super(message);
    this.name = 'KustomizeError';
  }
}

/** Prefixes the message as Kustomize wraps errors on their way up, keeping the position. */
export function wrapError(e: unknown, prefix: string): never {
  if (e instanceof KustomizeError) throw new KustomizeError(`${prefix}: ${e.message}`, e.at);
  throw e;
}

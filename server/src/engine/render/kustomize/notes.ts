// What the renderer saw but did not render (remote bases, plugins, Helm charts): the caller
// turns each into an informational diagnostic at the kustomization entry.
import { Origin } from './model';

export interface RenderNote {
  kind: 'remote-resource' | 'plugin' | 'helm' | 'unsupported-field';
  message: string;
  at: Origin;
}

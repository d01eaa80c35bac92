// The workspace domains. Each adds the facts its rules read to ObjectSummary (declaration
// merging) with an extractor listed here, and exports its queries over the model as functions
// of the WorkspaceIndex, caching with perModel (../derive.ts). A new domain adds one line here.
import type { K8sObject, ParsedFile } from '../../model/parse';
import type { ObjectSummary } from '../summary';
import { extractConfigData } from './config-data';
import { extractImageFacts } from './images';
import { extractNamespaceFacts } from './namespaces';
import { extractNetworkFacts } from './network-facts';
import { extractRbacFacts } from './rbac-facts';
import { extractSandboxFacts } from './sandbox';
import { extractServiceFacts } from './services';

// The facts' types, so that whoever imports the summary sees every domain's fields.
export type * from './config-data';
export type * from './images';
export type * from './namespaces';
export type * from './network-facts';
export type * from './rbac-facts';
export type * from './sandbox';
export type * from './services';

/** Reads one domain's facts of an object into its summary (nothing for kinds it does not know). */
export type FactExtractor = (o: K8sObject, file: ParsedFile, into: ObjectSummary) => void;

export const FACT_EXTRACTORS: readonly FactExtractor[] = [
  extractNamespaceFacts,
  extractNetworkFacts,
  extractConfigData,
  extractServiceFacts,
  extractRbacFacts,
  extractImageFacts,
  extractSandboxFacts,
];

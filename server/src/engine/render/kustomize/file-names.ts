// The names Kustomize reads a folder's kustomization from, in the order it looks: one list for
// the renderer, the roots and fixes of kustomize-lint, the workspace facts and the server.

export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** The kustomization files folder `dir` may hold ('/'-separated paths). */
export const kustomizationFilesIn = (dir: string): string[] => KUSTOMIZATION_FILE_NAMES.map((n) => `${dir}/${n}`);

/** Whether a '/'-separated path (or a URI) names a kustomization file. */
export const isKustomizationPath = (p: string): boolean => KUSTOMIZATION_FILE_NAMES.includes(p.slice(p.lastIndexOf('/') + 1));

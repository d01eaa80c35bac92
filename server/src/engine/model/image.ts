// Image references as the container runtime reads them (distribution/reference's normalisation,
// which Docker, containerd and the kubelet share): `nginx` is `docker.io/library/nginx:latest`.
import { K8sObject } from './parse';
import { ContainerView, podSpecOf } from './workload';
import { Ref, str } from './yaml-nav';

export interface ImageRef {
  /** As written. */
  raw: string;
  /** Registry host, normalised: `docker.io` for Docker Hub (also `index.docker.io`), port kept. */
  registry: string;
  /** Repository path within the registry: `library/nginx`, `acme/api`. */
  repository: string;
  tag?: string;
  digest?: string;
}

// The digests a runtime resolves (OCI image spec, go-digest): the algorithm and its exact length
// of lower-case hex. `@sha256:abc123`, upper-case hex or `@md5:` pin nothing: the pull fails.
const VALID_DIGEST = /^(sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128})$/;

/** True when the image names its content by a well-formed digest. */
export function isPinned(image: ImageRef): boolean {
  return image.digest !== undefined && VALID_DIGEST.test(image.digest);
}

/** Parses an image reference; undefined for an empty or templated one (`$(IMAGE)`, `${TAG}`). */
export function parseImage(raw: string): ImageRef | undefined {
  const s = raw.trim();
  if (s === '' || /[\s$]|\{\{/.test(s)) return undefined;
  let rest = s;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  // The first component is a registry host when it has a `.` or a `:` (port), is `localhost`, or
  // has upper-case letters (repository names cannot); otherwise the image is on Docker Hub.
  const slash = rest.indexOf('/');
  const first = slash < 0 ? '' : rest.slice(0, slash);
  let registry = 'docker.io';
  let repository = rest;
  if (slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase())) {
    registry = first.toLowerCase();
    repository = rest.slice(slash + 1);
  }
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = 'docker.io';
  // Official images live under `library/` on Docker Hub.
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  if (!repository) return undefined;
  return { raw: s, registry, repository, tag, digest };
}

/** True when `image` matches a normalised registry pattern (`ghcr.io/acme`, `*.azurecr.io`, `docker.io`). */
export function matchesRegistry(image: ImageRef, pattern: string): boolean {
  const slash = pattern.indexOf('/');
  const host = slash < 0 ? pattern : pattern.slice(0, slash);
  const path = slash < 0 ? '' : pattern.slice(slash + 1);
  const hostOk = host.startsWith('*.') ? image.registry.endsWith(host.slice(1)) : image.registry === host;
  if (!hostOk) return false;
  return path === '' || image.repository === path || image.repository.startsWith(`${path}/`);
}

/** The container's `image`, parsed, with its node; undefined when absent or templated. */
export function imageOf(c: ContainerView): { ref: Ref; image: ImageRef } | undefined {
  const ref = c.field('image');
  const raw = str(ref);
  const image = raw === undefined ? undefined : parseImage(raw);
  return ref && image ? { ref, image } : undefined;
}

/** True when a container of the object's pod spec runs an image whose repository satisfies `test`. */
export function runsImage(object: K8sObject, test: (repository: string) => boolean): boolean {
  const pod = podSpecOf(object);
  return !!pod && pod.containers.some(c => {
    const f = imageOf(c);
    return !!f && test(f.image.repository);
  });
}

/**
 * The spellings an admission controller may compare a pattern with: as written, and fully
 * qualified with its tag (`latest` when none) or digest, Docker Hub as `docker.io` (Kyverno, which
 * also drops `library/`) and as `index.docker.io` (Sigstore policy-controller, via
 * go-containerregistry).
 */
export function imageSpellings(image: ImageRef): string[] {
  const suffix = image.digest ? `${image.tag ? `:${image.tag}` : ''}@${image.digest}` : `:${image.tag ?? 'latest'}`;
  const names = [`${image.registry}/${image.repository}`];
  if (image.registry === 'docker.io') {
    names.push(`index.docker.io/${image.repository}`);
    if (image.repository.startsWith('library/')) names.push(`docker.io/${image.repository.slice('library/'.length)}`);
  }
  const out = [image.raw, ...names.map(n => n + suffix)];
  if (image.digest && image.tag) out.push(...names.map(n => `${n}@${image.digest}`));
  return [...new Set(out)];
}

const escapeRegExp = (s: string) => s.replace(/[.+^${}()|[\]\\]/g, '\\$&');

/** Kyverno's wildcards: `*` any run of characters (`/` included), `?` one character. */
export function kyvernoPattern(pattern: string): RegExp {
  return new RegExp(`^${escapeRegExp(pattern).replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

/**
 * Sigstore policy-controller's globs: `*` stays within one path segment (a tag's `:` is no
 * boundary), `**` crosses segments; a bare `*` or `*\/*` means Docker Hub. Undefined for a glob
 * the controller rejects.
 */
export function sigstoreGlob(glob: string): RegExp | undefined {
  const g = glob === '*' ? 'index.docker.io/library/*' : glob === '*/*' ? 'index.docker.io/*/*' : glob;
  if (!/^[A-Za-z0-9_:/*.-]+$/.test(g)) return undefined;
  const body = g.split('**').map(part => part.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')).join('.*');
  return new RegExp(`^${body}$`);
}

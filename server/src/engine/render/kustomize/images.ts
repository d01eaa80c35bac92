// The images transformer: "name[:tag][@digest]" references matched by image name, then given a
// new name, tag or digest. The rewritten value's origin is the images entry.
import { get, KMap, KNode, scalar, set, str } from './model';

export function parseImage(ref: string): { name: string; tag: string; digest: string } {
  let rest = ref, digest = '', tag = '';
  const at = rest.indexOf('@');
  if (at >= 0) { digest = rest.slice(at + 1); rest = rest.slice(0, at); }
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) { tag = rest.slice(colon + 1); rest = rest.slice(0, colon); }
  return { name: rest, tag, digest };
}

export function setImage(parent: KMap, key: string, value: KNode | undefined, entry: KMap): void {
  const current = str(value);
  if (current === undefined) return;
  const wanted = str(get(entry, 'name'));
  const img = parseImage(current);
  if (!wanted || img.name !== wanted) return;
  const newName = str(get(entry, 'newName'));
  const newTag = str(get(entry, 'newTag'));
  const digest = str(get(entry, 'digest'));
  let name = newName ?? img.name;
  let tag = img.tag ? ':' + img.tag : '';
  let dig = img.digest ? '@' + img.digest : '';
  // A newName may carry its own tag or digest.
  if (newName) {
    const n = parseImage(newName);
    if (n.tag || n.digest) { name = n.name; if (n.tag) { tag = ':' + n.tag; dig = ''; } if (n.digest) { dig = '@' + n.digest; tag = ''; } }
  }
  if (newTag !== undefined) { tag = ':' + newTag; dig = ''; }
  if (digest !== undefined) { dig = '@' + digest; tag = ''; }
  if (newTag !== undefined && digest !== undefined) tag = ':' + newTag;
  set(parent, key, scalar(name + tag + dig, entry.origin));
}

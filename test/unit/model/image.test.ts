import * as assert from 'node:assert/strict';
import { normalizeConfig } from '@kube-harden/server';
import { imageSpellings, kyvernoPattern, matchesRegistry, parseImage, sigstoreGlob } from '@kube-harden/server/out/engine/model/image';

describe('image references', () => {
  const cases: Array<[string, string, string, string | undefined, string | undefined]> = [
    ['nginx', 'docker.io', 'library/nginx', undefined, undefined],
    ['nginx:1.27', 'docker.io', 'library/nginx', '1.27', undefined],
    ['bitnami/redis:7.2', 'docker.io', 'bitnami/redis', '7.2', undefined],
    ['index.docker.io/library/nginx:latest', 'docker.io', 'library/nginx', 'latest', undefined],
    ['localhost/app', 'localhost', 'app', undefined, undefined],
    ['localhost:5000/team/app:v1', 'localhost:5000', 'team/app', 'v1', undefined],
    ['registry.local:5000/app@sha256:abc', 'registry.local:5000', 'app', undefined, 'sha256:abc'],
    ['ghcr.io/acme/api:1.0@sha256:def', 'ghcr.io', 'acme/api', '1.0', 'sha256:def'],
    ['Registry/app', 'registry', 'app', undefined, undefined],
  ];
  for (const [raw, registry, repository, tag, digest] of cases) {
    it(`reads ${raw} as Docker does`, () => {
      assert.deepEqual(parseImage(raw), { raw, registry, repository, tag, digest });
    });
  }

  it('does not judge templated or empty images', () => {
    assert.equal(parseImage(''), undefined);
    assert.equal(parseImage('$(IMAGE)'), undefined);
    assert.equal(parseImage('acme/api:${TAG}'), undefined);
  });

  it('matches hosts, subdomain wildcards and repository prefixes', () => {
    const img = parseImage('myreg.azurecr.io/team/api:1')!;
    assert.ok(matchesRegistry(img, 'myreg.azurecr.io'));
    assert.ok(matchesRegistry(img, '*.azurecr.io'));
    assert.ok(matchesRegistry(img, 'myreg.azurecr.io/team'));
    assert.ok(!matchesRegistry(img, 'myreg.azurecr.io/tea'));
    assert.ok(!matchesRegistry(img, 'azurecr.io'));
    assert.ok(matchesRegistry(parseImage('nginx')!, 'docker.io/library'));
    assert.ok(!matchesRegistry(parseImage('evil/nginx')!, 'docker.io/library'));
  });

  it('validates and normalises registry settings', () => {
    const { config, problems } = normalizeConfig({ trustedRegistries: ['https://GHCR.io/acme/', 'index.docker.io', '*.azurecr.io', 'localhost:5000', 'not a host'], deniedRegistries: 'x' as never });
    assert.deepEqual(config.trustedRegistries, ['ghcr.io/acme', 'docker.io', '*.azurecr.io', 'localhost:5000']);
    assert.equal(config.deniedRegistries, undefined);
    assert.deepEqual(problems.map(p => p.setting), ['trustedRegistries', 'deniedRegistries']);
  });

  it('spells an image as admission controllers compare it (IMG07)', () => {
    assert.deepEqual(imageSpellings(parseImage('nginx')!), ['nginx', 'docker.io/library/nginx:latest', 'index.docker.io/library/nginx:latest', 'docker.io/nginx:latest']);
    assert.deepEqual(imageSpellings(parseImage('ghcr.io/acme/api:1@sha256:ab')!), ['ghcr.io/acme/api:1@sha256:ab', 'ghcr.io/acme/api@sha256:ab']);
  });

  it('reads Kyverno wildcards and Sigstore globs as their controllers do', () => {
    assert.ok(kyvernoPattern('ghcr.io/acme/*').test('ghcr.io/acme/team/api:1'));
    assert.ok(!kyvernoPattern('ghcr.io/acme.io/*').test('ghcr.io/acmexio/api:1'), 'a dot is literal');
    assert.ok(sigstoreGlob('ghcr.io/acme/*')!.test('ghcr.io/acme/api:1'), 'a tag is no boundary');
    assert.ok(!sigstoreGlob('ghcr.io/acme/*')!.test('ghcr.io/acme/team/api:1'));
    assert.ok(sigstoreGlob('ghcr.io/**')!.test('ghcr.io/acme/team/api:1'));
    assert.ok(sigstoreGlob('*/*')!.test('index.docker.io/bitnami/redis:7'));
    assert.equal(sigstoreGlob('ghcr.io/(a|b)/*'), undefined);
  });
});

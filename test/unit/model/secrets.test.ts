import * as assert from 'node:assert/strict';
import { findCredential, isPlaceholder, isSecretName } from '@kube-harden/server/out/engine/model/secrets';

describe('secret heuristics', () => {
  const names: Array<[string, boolean]> = [
    ['DB_PASSWORD', true],
    ['GITHUB_TOKEN', true],
    ['AZURE_STORAGE_KEY', true],
    ['AZURE_BATCH_KEY', true],
    ['STORAGE_ACCOUNT_KEY', true],
    ['clientSecret', true],
    // About a secret, not one: its refresh period, its store, the variable that holds it.
    ['PILOT_JWT_PUB_KEY_REFRESH_INTERVAL', false],
    ['TOKEN_REFRESH_SECONDS', false],
    ['SECRET_STORE', false],
    ['secretEnv', false],
    ['hashFromEnv', false],
    ['idEnv', false],
    ['CACHE_KEY', false],
    ['TOKENIZERS_PARALLELISM', false],
  ];
  for (const [name, expected] of names) {
    it(`${expected ? 'reads' : 'does not read'} ${name} as a secret's name`, () => assert.equal(isSecretName(name), expected));
  }

  const values: Array<[string, boolean]> = [
    ['changeme', true],
    ['<your-token>', true],
    ['INSERT_API_KEY_HERE', true],
    ['YOUR_TOKEN_HERE', true],
    ['PASSWORD_VAL', true],
    ['1m', true],
    ['300', true],
    ['1h30m', true],
    ['CLIENT_SECRET', true],
    ['kubernetes', false],
    // A literal word that works as a password is a committed password.
    ['password', false],
    ['secret', false],
    ['hunter2', false],
    ['1234567', false],
  ];
  for (const [value, expected] of values) {
    it(`${expected ? 'takes' : 'does not take'} "${value}" for a placeholder`, () => assert.equal(isPlaceholder(value), expected));
  }

  it('matches the bearer scheme case-insensitively', () => {
    assert.deepEqual(findCredential('bearer 0a1b2c3d4e5f6a7b8c9d0e1f'), { what: 'a bearer token' });
    assert.deepEqual(findCredential('Authorization: BEARER 0a1b2c3d4e5f6a7b8c9d0e1f'), { what: 'a bearer token' });
    assert.equal(findCredential('bearer token'), undefined);
  });
});

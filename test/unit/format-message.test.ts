// Messages from templates: `{{ key }}` placeholders (spaces inside the braces allowed) take the
// finding's data; a placeholder whose key the data lacks stays as written. Templates are split
// once and reused, so the same template with other data must give other text.
import * as assert from 'node:assert/strict';
import { formatMessage } from '@kube-harden/server';

describe('message templates', () => {
  it('fills each placeholder, again with other data', () => {
    const t = 'Container "{{container}}" of {{ kind }} "{{name}}" ({{container}})';
    assert.equal(formatMessage(t, { container: 'app', kind: 'Deployment', name: 'web' }), 'Container "app" of Deployment "web" (app)');
    assert.equal(formatMessage(t, { container: 'db', kind: 'StatefulSet', name: 'pg' }), 'Container "db" of StatefulSet "pg" (db)');
  });

  it('leaves a placeholder without data as written, and data text as it is', () => {
    assert.equal(formatMessage('{{a}} and {{ b }}', { a: 1 }), '1 and {{ b }}');
    assert.equal(formatMessage('{{a}} and {{ b }}', undefined), '{{a}} and {{ b }}');
    // Replacement patterns mean nothing in data: `$&` is printed, not the match.
    assert.equal(formatMessage('value {{v}}.', { v: '$& $1 $$' }), 'value $& $1 $$.');
    assert.equal(formatMessage('no placeholders', { a: 'x' }), 'no placeholders');
    assert.equal(formatMessage('{{x}}', { x: 0 }), '0');
    assert.equal(formatMessage('{not} {{ }} {{a-b}}', { a: 1 }), '{not} {{ }} {{a-b}}');
  });
});

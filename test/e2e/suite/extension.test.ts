// Which copy of the extension the suite drives: the development tree (run.mjs) or the .vsix that
// `code-server --install-extension` installed (run.mjs --installed). Either way it runs the
// esbuild bundle the package ships.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate, EXTENSION_ID } from './util';

suite('the extension under test', () => {
  suiteSetup(activate);

  test('is the copy the launcher meant (dev tree or installed .vsix), running the bundled client and server', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const expected = process.env.KUBE_HARDEN_E2E_EXTENSION_PATH;
    if (expected) assert.equal(fs.realpathSync(ext.extensionPath), fs.realpathSync(expected));
    assert.equal(ext.packageJSON.main, './dist/extension.js');
    assert.ok(ext.isActive);
    for (const f of ['dist/extension.js', 'dist/server.js', 'dist/indexWorker.js', 'docs/rules/require-run-as-non-root.md']) {
      assert.ok(fs.existsSync(path.join(ext.extensionPath, f)), `${f} in ${ext.extensionPath}`);
    }
    // The installed copy has no sources or tsc output to fall back on.
    if (expected && !fs.existsSync(path.join(expected, 'tsconfig.json'))) {
      assert.ok(!fs.existsSync(path.join(ext.extensionPath, 'server')), 'no server/ folder in the installed extension');
      assert.ok(!fs.existsSync(path.join(ext.extensionPath, 'node_modules')), 'no node_modules in the installed extension');
    }
  });
});

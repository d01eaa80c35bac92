// Lint for the whole repository (flat config). Beyond typescript-eslint's recommended set it
// holds the two boundaries the design depends on: the engine stays pure (text in, findings
// out: no disk, no editor, no Node built-ins), and the front ends (language server, CLI,
// VS Code client, host helpers) reach the engine only through its public index, so engine
// internals can move without breaking them.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'url', 'util', 'stream', 'net', 'http', 'https', 'process', 'module', 'readline', 'events', 'zlib'];

const enginePurity = {
  paths: [
    ...NODE_BUILTINS.map(name => ({ name, message: 'The engine is pure: the host reads the disk and hands it text.' })),
    { name: 'vscode', message: 'The engine knows no editor.' },
  ],
  patterns: [
    { group: ['node:*'], message: 'The engine is pure: no Node built-ins (the host passes what it needs).' },
    { group: ['vscode-languageserver*', 'vscode-jsonrpc*'], message: 'The engine knows no protocol: lsp/ adapts its results.' },
    { group: ['**/lsp/*', '**/lsp', '**/cli/*', '**/cli', '**/host/*', '**/host'], message: 'The engine depends on nothing outside it.' },
  ],
};

const publicEngineOnly = {
  patterns: [{
    group: ['**/engine/*', '!**/engine/index', '!**/engine/reading', '!**/engine/checking'],
    message: "Import from the engine's public API ('../engine'); export what you need from engine/index.ts.",
  }],
};

export default tseslint.config(
  { ignores: ['**/out/**', '**/dist/**', 'server/docs/**', 'node_modules/**', '**/node_modules/**', 'test/fixtures/**', '.vscode-test/**', 'docs/**', 'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a name kept on purpose (an interface's parameter a handler does not read).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A security linter matches control characters on purpose (terminal escapes, NUL in annotations).
      'no-control-regex': 'off',
      // `catch {}` is how "best effort" reads here (cleanup that may race a process exit).
      'no-empty': ['error', { allowEmptyCatch: true }],
      // A closure wired before the object it calls exists (validator <-> model) reads it later.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // package.json is read with require() where a JSON import would leave the compiled tree.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['/package\\.json$'] }],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs,cjs}', 'server/bin/**/*.js', 'eslint.config.mjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests load compiled modules by path and inspect parsed JSON of any shape.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  { files: ['server/src/engine/**/*.ts'], rules: { 'no-restricted-imports': ['error', enginePurity] } },
  { files: ['server/src/lsp/**/*.ts', 'server/src/cli/**/*.ts', 'server/src/host/**/*.ts', 'client/src/**/*.ts'], rules: { 'no-restricted-imports': ['error', publicEngineOnly] } },
);

#!/usr/bin/env node
// The language server for any LSP editor: `kube-harden-ls --stdio`.
// The tsc output (out/) in the source tree, else the published package's bundle (dist/), whose
// worker thread (dist/indexWorker.js) sits beside it.
const fs = require('node:fs');
const path = require('node:path');
const built = path.join(__dirname, '..', 'out', 'lsp', 'main.js');
require(fs.existsSync(built) ? built : '../dist/server.js');

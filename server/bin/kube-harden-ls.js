#!/usr/bin/env node
// The language server for any LSP editor: `kube-harden-ls --stdio`.
require('../out/lsp/main.js');

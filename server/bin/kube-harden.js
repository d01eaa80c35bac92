#!/usr/bin/env node
// The command-line front end: `kube-harden check ...`, `kube-harden rules ...`.
// In the source tree the tsc output (out/) runs, so a rebuild takes effect at once; the published
// package ships only the self-contained bundle (dist/, scripts/bundle.mjs --server-package).
const fs = require('node:fs');
const path = require('node:path');
const built = path.join(__dirname, '..', 'out', 'cli', 'main.js');
require(fs.existsSync(built) ? built : '../dist/cli.js').main(process.argv.slice(2)).then(code => { process.exitCode = code; });

#!/usr/bin/env node
// The command-line front end: `kube-harden check ...`, `kube-harden rules ...`.
require('../out/cli/main.js').main(process.argv.slice(2)).then(code => { process.exitCode = code; });

#!/usr/bin/env node
// The CLI runs the bundled engine (build with `npm run build`).
require('../server/out/cli.js');

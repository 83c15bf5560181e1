#!/usr/bin/env node
// The `loket` command. Build first (`npm run build`); the code lives in out/main/cli.js.
require('../out/main/cli.js').main();

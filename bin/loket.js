#!/usr/bin/env node
// The `loket` command. Its code is built into out/main/cli.js (`npm run build`); on a fresh clone
// that file is not there yet, which must be said in words rather than as Node's stack trace.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(cli)) {
  const english = /^en/i.test(process.env.LOKET_LANG ?? '') || process.argv.includes('en');
  process.stderr.write(
    english
      ? 'The loket command is not built yet: run `npm run build` once in the Loket folder, then try again.\n'
      : 'Perintah loket belum dibangun: jalankan `npm run build` sekali di folder Loket, lalu coba lagi.\n',
  );
  process.exit(1);
}
require(cli).main();

#!/usr/bin/env node
// The `kieskluis` command: runs the built CLI (npm run build makes dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/server/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write(
    'Kieskluis is nog niet gebouwd; voer eerst "npm run build" uit. Not built yet: run "npm run build".\n',
  );
  process.exit(2);
}
await import(main);

/** `kieskluis serve`: migrate, (optionally) load the demo into an empty database, start jobs and HTTP. */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openKernel } from '../../app/kernel.js';
import type { Config } from '../../config/config.js';
import { buildServer } from '../../server/app.js';
import { OPERATOR_PREFIX } from '../../server/auth.js';
import { newSecret } from '../../storage/crypto/tokens.js';
import { OPERATOR_FILE } from '../context.js';
import { describeDemo, loadDemoIfEmpty } from './demo.js';

export async function serve(cfg: Config, opts: { demo: boolean }): Promise<void> {
  const kernel = await openKernel(cfg, { holder: 'server', startJobs: true });
  const operatorSecret = cfg.databaseUrl ? null : `${OPERATOR_PREFIX}${newSecret()}`;
  if (operatorSecret) {
    writeFileSync(path.join(cfg.dataDir, OPERATOR_FILE), `${operatorSecret}\n`, { mode: 0o600 });
  }
  let demoText = '';
  if (opts.demo) demoText = describeDemo(cfg, await loadDemoIfEmpty(cfg, kernel));
  const app = await buildServer(kernel, { operatorSecret });
  const stop = async () => {
    await app.close();
    await kernel.close();
    if (operatorSecret) rmSync(path.join(cfg.dataDir, OPERATOR_FILE), { force: true });
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ host: cfg.host, port: cfg.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : cfg.port;
  const url = `http://${cfg.host.includes(':') ? `[${cfg.host}]` : cfg.host}:${port}`;
  kernel.lock?.update({ url });
  process.stdout.write(
    `\nKieskluis draait op / is running at ${url}\n` +
      `Database: ${kernel.db.engine === 'pglite' ? `ingebed (PGlite) in ${cfg.dataDir}` : 'PostgreSQL'}\n` +
      `API-documentatie: ${url}/api/docs\n${demoText}\nStoppen / stop: Ctrl+C\n`,
  );
}

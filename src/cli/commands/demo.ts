/** `kieskluis demo load` and `kieskluis demo totp USER`, and the demo part of `serve --demo`. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Kernel } from '../../app/kernel.js';
import type { Config } from '../../config/config.js';
import { totpCode, totpStep } from '../../storage/crypto/totp.js';
import { type DemoLogin, loadDemo } from '../../usecases/demo/load-demo.js';
import { CliError } from '../context.js';

export const DEMO_LOGINS_FILE = 'demo-logins.json';

interface DemoFile {
  party: string;
  logins: DemoLogin[];
}

function demoFile(cfg: Config): string {
  return path.join(cfg.dataDir, DEMO_LOGINS_FILE);
}

export function readDemoLogins(cfg: Config): DemoFile | null {
  const f = demoFile(cfg);
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as DemoFile) : null;
}

/** Load the demo when the database has no users yet; returns the logins (new or remembered). */
export async function loadDemoIfEmpty(cfg: Config, k: Kernel): Promise<DemoFile | null> {
  const { rows } = await k.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if ((rows[0]?.n ?? 0) > 0) return readDemoLogins(cfg);
  const r = await loadDemo(k);
  const file: DemoFile = { party: r.party, logins: r.logins };
  writeFileSync(demoFile(cfg), JSON.stringify(file, null, 2), { mode: 0o600 });
  return file;
}

export function describeDemo(cfg: Config, demo: DemoFile | null): string {
  if (!demo) return '\n(Geen demo-inloggegevens gevonden / no demo logins found.)\n';
  const rows = demo.logins
    .map((l) => `  ${l.username.padEnd(13)} ${l.password.padEnd(18)} ${l.role.padEnd(14)} ${l.scope}`)
    .join('\n');
  const mfa = demo.logins
    .filter((l) => l.totpSecret)
    .map((l) => `  ${l.username}: ${l.totpSecret}`)
    .join('\n');
  return `
Demopartij / demo party: ${demo.party} — fictieve gegevens / fictional data
Inloggen / logins (bewaard in / kept in ${path.join(cfg.dataDir, DEMO_LOGINS_FILE)}):
  gebruiker     wachtwoord         rol            bereik
${rows}
Tweede factor (TOTP): beheer en fg zijn al ingeschreven; zet deze geheimen in een authenticator-app,
of vraag de huidige code op met:  npm run kieskluis -- demo totp beheer
Second factor: admin and FG are enrolled; add these secrets to an authenticator app or run the command above:
${mfa}
De andere rollen schrijven zich bij de eerste keer inloggen in. / Other roles enrol at first login.
`;
}

export async function demoLoad(cfg: Config, k: Kernel): Promise<DemoFile> {
  const { rows } = await k.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  if ((rows[0]?.n ?? 0) > 0) {
    throw new CliError(
      'De database is niet leeg; de demo laadt alleen in een nieuwe database. The database is not empty; the demo loads only into a new one.',
    );
  }
  return (await loadDemoIfEmpty(cfg, k))!;
}

/** The current TOTP code of a demo account (demo only: reads the demo logins file). */
export function demoTotp(cfg: Config, username: string, now: Date): string {
  const demo = readDemoLogins(cfg);
  const login = demo?.logins.find((l) => l.username === username);
  if (!login) throw new CliError(`Geen demo-account "${username}" / no demo account "${username}".`);
  if (!login.totpSecret) {
    throw new CliError(`"${username}" schrijft zich zelf in bij de eerste login / enrols at first login.`);
  }
  return totpCode(login.totpSecret, totpStep(now));
}

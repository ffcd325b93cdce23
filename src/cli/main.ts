#!/usr/bin/env node
/** `kieskluis` — the operator's command line. Every command has --help; failures exit non-zero. */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { type Config, ConfigError, loadConfig } from '../config/config.js';
import { ROLES, type Role } from '../domain/access/roles.js';
import { DomainError, messageFor } from '../domain/codes.js';
import type { VerifyReport } from '../storage/audit-log.js';
import { newSecret } from '../storage/crypto/tokens.js';
import { DataDirLockedError } from '../storage/data-dir-lock.js';
import { verifyAudit } from '../usecases/audit/verify-audit.js';
import { rotateKeys } from '../usecases/keys/rotate-keys.js';
import { createUser } from '../usecases/users/create-user.js';
import { registerAssessCommand } from './commands/assess.js';
import { demoLoad, demoTotp, describeDemo } from './commands/demo.js';
import { registerImportCommands } from './commands/import.js';
import { runMigrations } from './commands/migrate.js';
import { registerScanCommand } from './commands/scan.js';
import { serve } from './commands/serve.js';
import { CliError, refuseWhileServing, runningServer, withKernel } from './context.js';
import { print } from './output.js';

const program = new Command('kieskluis')
  .description('Kieskluis — campagnedata binnen de AVG / campaign data inside the GDPR')
  .option('--data-dir <dir>', 'datamap voor de ingebedde database (KIESKLUIS_DATA_DIR)')
  .showHelpAfterError();

function config(extra: Partial<Record<keyof Config, unknown>> = {}): Config {
  const o = program.opts<{ dataDir?: string }>();
  return loadConfig(process.env, { dataDir: o.dataDir, ...extra });
}

program
  .command('serve')
  .description('start de server (migraties, taken, web-app) / start the server')
  .option('--port <port>', 'poort (PORT, standaard 8080)')
  .option('--host <host>', 'adres (HOST, standaard 127.0.0.1)')
  .option(
    '--demo',
    'laad de fictieve demopartij in een lege database / load the fictional demo party into an empty database',
  )
  .action(async (o: { port?: string; host?: string; demo?: boolean }) => {
    await serve(config({ port: o.port, host: o.host }), { demo: Boolean(o.demo) });
  });

program
  .command('migrate')
  .description('pas databasemigraties toe / apply database migrations')
  .option('--json', 'JSON-uitvoer')
  .action(async (o: { json?: boolean }) => {
    const cfg = config();
    refuseWhileServing(cfg, 'migrate');
    const applied = await runMigrations(cfg);
    print(Boolean(o.json), { applied }, () =>
      applied.length ? `Toegepast / applied: ${applied.join(', ')}` : 'Database is bij / up to date.',
    );
  });

const user = program.command('user').description('gebruikers / users');
user
  .command('create')
  .description('maak een gebruiker met één rol / create a user with one role')
  .requiredOption('--username <name>', 'gebruikersnaam')
  .requiredOption('--display-name <name>', 'weergavenaam')
  .addOption(new Option('--role <role>', 'rol').choices([...ROLES]).makeOptionMandatory())
  .option('--email <email>', 'e-mailadres')
  .option('--branch <uuid>', 'afdeling (branch id)')
  .option('--candidate <uuid>', 'kandidaat (candidate id)')
  .option('--area <from-to>', 'postcodegebied, bv. 1000-1099')
  .option('--valid-until <iso-date>', 'einddatum (verplicht voor campagnerollen, R-89)')
  .option('--password-stdin', 'lees het wachtwoord van stdin (anders wordt er een gegenereerd)')
  .option('--json', 'JSON-uitvoer')
  .action(async (o: Record<string, string | boolean | undefined>) => {
    const cfg = config();
    let password = o.passwordStdin ? readFileSync(0, 'utf8').replace(/\r?\n$/, '') : '';
    const generated = !password;
    if (generated) password = newSecret(15);
    const area = typeof o.area === 'string' ? /^(\d{4})-(\d{4})$/.exec(o.area) : null;
    if (o.area && !area) throw new CliError('--area: gebruik / use 1000-1099', 2);
    const body = {
      username: String(o.username),
      displayName: String(o.displayName),
      email: typeof o.email === 'string' ? o.email : null,
      password,
      locale: 'nl' as const,
      role: o.role as Role,
      branchId: typeof o.branch === 'string' ? o.branch : null,
      candidateId: typeof o.candidate === 'string' ? o.candidate : null,
      area: area ? { from: Number(area[1]), to: Number(area[2]) } : null,
      validUntil: typeof o.validUntil === 'string' ? new Date(o.validUntil).toISOString() : null,
    };
    const server = runningServer(cfg);
    const r = server
      ? await server.call<{ id: string }>('POST', '/users', body)
      : await withKernel(cfg, 'cli: user create', (k) =>
          createUser(
            k,
            { kind: 'operator' },
            {
              ...body,
              assignment: {
                role: body.role,
                branchId: body.branchId,
                candidateId: body.candidateId,
                area: body.area,
                validUntil: body.validUntil ? new Date(body.validUntil) : null,
                briefingAcknowledgedAt: null,
              },
            },
          ),
        );
    print(
      Boolean(o.json),
      { id: r.id, username: body.username, ...(generated ? { password } : {}) },
      () =>
        `Gebruiker aangemaakt / user created: ${body.username} (${r.id})${generated ? `\nWachtwoord (eenmalig getoond / shown once): ${password}` : ''}`,
    );
  });

const demo = program.command('demo').description('fictieve demopartij / fictional demo party');
demo
  .command('load')
  .description('laad de demopartij in een lege database / load the demo party into an empty database')
  .option('--json', 'JSON-uitvoer')
  .action(async (o: { json?: boolean }) => {
    const cfg = config();
    refuseWhileServing(cfg, 'demo load');
    const d = await withKernel(cfg, 'cli: demo load', (k) => demoLoad(cfg, k));
    print(Boolean(o.json), d, () => describeDemo(cfg, d));
  });
demo
  .command('totp <username>')
  .description('huidige TOTP-code van een demo-account / current TOTP code of a demo account')
  .action((username: string) => {
    process.stdout.write(`${demoTotp(config(), username, new Date())}\n`);
  });

const audit = program.command('audit').description('audittrail');
audit
  .command('verify')
  .description(
    'controleer de hashketen; meldt gewijzigde, verwijderde of ingevoegde regels / verify the hash chain',
  )
  .option('--json', 'JSON-uitvoer')
  .action(async (o: { json?: boolean }) => {
    const cfg = config();
    const server = runningServer(cfg);
    const r = server
      ? await server.call<VerifyReport>('POST', '/audit/verify')
      : await withKernel(cfg, 'cli: audit verify', (k) => verifyAudit(k, { kind: 'operator' }));
    print(Boolean(o.json), r, () =>
      r.ok
        ? `Auditketen intact / audit chain intact: ${r.entries} regels / entries.`
        : `Auditketen GESCHONDEN / audit chain BROKEN (${r.entries} entries):\n${r.problems
            .map((p) => `  positie ${p.position}: ${p.kind} — ${p.detail}`)
            .join('\n')}${r.truncated ? '\n  …' : ''}`,
    );
    if (!r.ok) process.exitCode = 1;
  });

const keys = program.command('keys').description('versleutelingssleutels / encryption keys');
keys
  .command('rotate')
  .description(
    'nieuwe veldsleutel, herversleuteling zonder onderbreking / rotate the field key without downtime',
  )
  .option('--json', 'JSON-uitvoer')
  .action(async (o: { json?: boolean }) => {
    const cfg = config();
    const server = runningServer(cfg);
    const r = server
      ? await server.call<{
          activeKeyId: string;
          previousKeyId: string;
          queued: boolean;
          reencrypted: number | null;
        }>('POST', '/keys/rotate')
      : await withKernel(cfg, 'cli: keys rotate', (k) =>
          rotateKeys(k, { kind: 'operator' }, { inline: true }),
        );
    print(
      Boolean(o.json),
      r,
      () =>
        `Nieuwe sleutel / new key ${r.activeKeyId} (was ${r.previousKeyId}). ` +
        (r.queued
          ? 'Herversleuteling loopt als taak / re-encryption queued.'
          : `${r.reencrypted} velden herversleuteld / fields re-encrypted.`),
    );
  });

registerScanCommand(program);
registerAssessCommand(program);
registerImportCommands(program, config);

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof ConfigError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  if (e instanceof DataDirLockedError || e instanceof CliError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(e instanceof CliError ? e.exitCode : 1);
  }
  if (e instanceof DomainError) {
    process.stderr.write(
      `${e.code}: ${messageFor(e.code, 'nl')} / ${messageFor(e.code, 'en')}${e.details ? ` ${JSON.stringify(e.details)}` : ''}\n`,
    );
    process.exit(1);
  }
  process.stderr.write(`Fout / error: ${(e as Error).message}\n`);
  process.exit(1);
});

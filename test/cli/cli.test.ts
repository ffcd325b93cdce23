/**
 * The operator CLI end to end, as separate processes on a real data directory: help everywhere, JSON
 * output, non-zero exit on failure, config errors naming the key, the data-directory lock naming the
 * holder, and commands going through a running server (or refusing) instead of touching its database.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKernel } from '../../src/app/kernel.js';
import { loadConfig } from '../../src/config/config.js';
import { cli, serveInBackground } from './run-cli.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'kk-cli-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('kieskluis CLI', () => {
  it.each([
    [[]],
    [['serve']],
    [['migrate']],
    [['user', 'create']],
    [['demo', 'load']],
    [['audit', 'verify']],
    [['keys', 'rotate']],
  ])('--help works for %j', async (args) => {
    const r = await cli([...args, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: kieskluis/);
  });

  it('a bad config value stops with exit 2 and names the key and its source', async () => {
    const r = await cli(['migrate'], { PORT: 'not-a-port', KIESKLUIS_DATA_DIR: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/port \(env PORT\)/);
  });

  it('PostgreSQL mode without a master key refuses to start (no default secrets)', async () => {
    const r = await cli(['migrate'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/x' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/masterKey.*KIESKLUIS_MASTER_KEY/);
  });

  describe('on a stopped embedded database', () => {
    const dir = tempDir();
    const env = { KIESKLUIS_DATA_DIR: dir };

    it('demo load prints logins as JSON; a second load is refused with a clear message', async () => {
      const r = await cli(['demo', 'load', '--json'], env);
      expect(r.code, r.stderr).toBe(0);
      const demo = JSON.parse(r.stdout) as { logins: { username: string; role: string }[] };
      expect(demo.logins.map((l) => l.role).sort()).toEqual(
        ['admin', 'campaign_lead', 'candidate', 'fg', 'team_member', 'volunteer'].sort(),
      );
      const again = await cli(['demo', 'load'], env);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/niet leeg|not empty/);
    });

    it('demo totp prints a 6-digit code for an enrolled demo account', async () => {
      const r = await cli(['demo', 'totp', 'beheer'], env);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toMatch(/^\d{6}$/);
    });

    it('user create reads the password from stdin; a campaign role needs an end date (R-89)', async () => {
      const ok = await cli(
        [
          'user',
          'create',
          '--username',
          'secretaris',
          '--display-name',
          'Sara Secretaris',
          '--role',
          'admin',
          '--password-stdin',
          '--json',
        ],
        env,
        'een lang genoeg wachtwoord\n',
      );
      expect(ok.code, ok.stderr).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ username: 'secretaris' });
      expect(JSON.parse(ok.stdout).password).toBeUndefined();
      const bad = await cli(
        [
          'user',
          'create',
          '--username',
          'vrijwilliger2',
          '--display-name',
          'V',
          '--role',
          'volunteer',
          '--area',
          '1000-1099',
        ],
        env,
      );
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/ASSIGNMENT_NEEDS_VALID_UNTIL/);
      const dup = await cli(
        ['user', 'create', '--username', 'secretaris', '--display-name', 'X', '--role', 'fg'],
        env,
      );
      expect(dup.code).toBe(1);
      expect(dup.stderr).toMatch(/USERNAME_TAKEN/);
    });

    it('audit verify exits 0 on an intact chain and 1 naming the position of a changed entry', async () => {
      const ok = await cli(['audit', 'verify', '--json'], env);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true });
      const k = await openKernel(loadConfig(env), { holder: 'test' });
      await k.db.exec('ALTER TABLE audit_events DISABLE TRIGGER USER');
      await k.db.exec("UPDATE audit_events SET purpose = 'verborgen' WHERE seq = 3");
      await k.db.exec('ALTER TABLE audit_events ENABLE TRIGGER USER');
      await k.close();
      const broken = await cli(['audit', 'verify'], env);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(/positie 3: changed/);
    });

    it('keys rotate re-encrypts inline when no server runs', async () => {
      const r = await cli(['keys', 'rotate', '--json'], env);
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.activeKeyId).not.toBe(out.previousKeyId);
      expect(out.reencrypted).toBeGreaterThan(300);
    });
  });

  describe('while a server holds the embedded database', () => {
    const dir = tempDir();
    const env = { KIESKLUIS_DATA_DIR: dir, KIESKLUIS_JOBS: 'true' };
    let server: Awaited<ReturnType<typeof serveInBackground>>;
    beforeAll(async () => {
      server = await serveInBackground(['--demo', '--port', '0'], env);
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
    });

    it('serve prints the URL and the demo logins', () => {
      expect(server.output()).toMatch(/beheer\s+\S+\s+admin/);
      expect(server.output()).toMatch(/ingebed \(PGlite\)/);
    });

    it('a second process on the same data directory gets a clear error naming the holder pid', async () => {
      const r = await cli(['serve', '--port', '0'], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`proces ${server.child.pid}`);
      expect(r.stderr).toContain(server.url);
    });

    it('audit verify and keys rotate go through the server API', async () => {
      const v = await cli(['audit', 'verify', '--json'], env);
      expect(v.code, v.stderr).toBe(0);
      expect(JSON.parse(v.stdout)).toMatchObject({ ok: true });
      const k = await cli(['keys', 'rotate', '--json'], env);
      expect(k.code, k.stderr).toBe(0);
      expect(JSON.parse(k.stdout)).toMatchObject({ queued: true });
      const health = await (await fetch(`${server.url}/api/v1/health`)).json();
      expect(health.keys.activeKeyId).toBe(JSON.parse(k.stdout).activeKeyId);
    });

    it('user create goes through the server', async () => {
      const r = await cli(
        [
          'user',
          'create',
          '--username',
          'penningmeester',
          '--display-name',
          'Piet Penning',
          '--role',
          'fg',
          '--json',
        ],
        env,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).password).toMatch(/.{12,}/);
    });

    it('demo load and migrate refuse clearly instead of touching the database', async () => {
      for (const args of [['demo', 'load'], ['migrate']]) {
        const r = await cli(args, env);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/stop (it|die) first|stop die eerst|stop it first/);
      }
    });
  });

  it('a stale lock of a dead process is taken over', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'kieskluis.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: '', holder: 'server' }),
    );
    const r = await cli(['migrate', '--json'], { KIESKLUIS_DATA_DIR: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).applied).toContain('001-foundation');
  });
});

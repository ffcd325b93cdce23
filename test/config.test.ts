/** One validated config: defaults once, file then environment then flags; bad keys named with their source. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/config.js';

const dir = mkdtempSync(path.join(tmpdir(), 'kk-config-'));
function file(content: unknown): string {
  const f = path.join(dir, `${Math.random()}.json`);
  writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content));
  return f;
}
function problems(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e.issues;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults: embedded database in ./data, 127.0.0.1:8080, no master key in config', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ host: '127.0.0.1', port: 8080, jobs: true, sessionIdleMinutes: 30 });
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c.databaseUrl).toBeUndefined();
    expect(c.masterKey).toBeUndefined();
  });

  it('file, then environment, then command-line flags win', () => {
    const f = file({ port: 9000, host: '0.0.0.0', loginMaxAttempts: 3 });
    const c = loadConfig({ KIESKLUIS_CONFIG: f, PORT: '9100' }, { host: '::1' });
    expect(c).toMatchObject({ port: 9100, host: '::1', loginMaxAttempts: 3 });
  });

  it.each([
    [{ PORT: '70000' }, 'port', 'env PORT'],
    [{ PORT: 'abc' }, 'port', 'env PORT'],
    [{ KIESKLUIS_LOG_LEVEL: 'loud' }, 'logLevel', 'env KIESKLUIS_LOG_LEVEL'],
    [{ DATABASE_URL: 'mysql://x' }, 'databaseUrl', 'env DATABASE_URL'],
    [{ KIESKLUIS_MASTER_KEY: 'c2hvcnQ=' }, 'masterKey', 'env KIESKLUIS_MASTER_KEY'],
    [{ KIESKLUIS_JOBS: 'maybe' }, 'jobs', 'env KIESKLUIS_JOBS'],
    [{ KIESKLUIS_APP_DB_ROLE: 'app; DROP TABLE x' }, 'appDatabaseRole', 'env KIESKLUIS_APP_DB_ROLE'],
  ])('a bad value %j is refused naming %s and its source', (env, key, source) => {
    expect(problems(() => loadConfig(env))).toEqual([expect.objectContaining({ key, source })]);
  });

  it('an unknown key in the config file is refused (typos do not pass silently)', () => {
    const f = file({ prot: 8080 });
    expect(problems(() => loadConfig({ KIESKLUIS_CONFIG: f }))[0]).toMatchObject({ key: 'prot' });
  });

  it('a config file that is not JSON is refused naming the file', () => {
    const f = file('{ port: ');
    expect(problems(() => loadConfig({ KIESKLUIS_CONFIG: f }))[0]).toMatchObject({
      key: 'KIESKLUIS_CONFIG',
      source: f,
    });
  });

  it('PostgreSQL mode requires the master key from the environment (no default secrets)', () => {
    expect(problems(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db' }))[0]).toMatchObject({
      key: 'masterKey',
    });
    const key = Buffer.alloc(32, 1).toString('base64');
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db', KIESKLUIS_MASTER_KEY: key }).masterKey).toBe(key);
  });
});

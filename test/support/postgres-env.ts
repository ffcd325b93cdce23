/**
 * The PostgreSQL side of the test suite. `npm test` (scripts/test.sh) starts a throwaway cluster and
 * exports three URLs:
 *
 * - TEST_DATABASE_URL      the owner role (owns database and schema; runs migrations)
 * - TEST_APP_DATABASE_URL  the app role (LOGIN, not owner, not superuser; what the server uses)
 * - TEST_PG_ADMIN_URL      the superuser, only for creating and dropping throwaway databases
 *
 * Usage in a test file:
 *
 *   describe.skipIf(!requirePostgres())('on PostgreSQL', () => { ... createThrowawayDatabase() ... });
 *
 * Outside CI a developer running `npx vitest` without the cluster gets those suites skipped; in CI (or
 * with KK_REQUIRE_PG=1) a missing cluster is an error, so PostgreSQL coverage can never silently vanish.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface PostgresUrls {
  owner: string;
  app: string;
  admin: string;
}

export interface ThrowawayDatabase {
  /** Name of the new database. */
  name: string;
  /** Owner role, connected to the new database (for migrations). */
  ownerUrl: string;
  /** App role (not owner), connected to the new database. */
  appUrl: string;
  /** Drops the database, closing any connection still open to it. Safe to call twice. */
  drop(): Promise<void>;
}

const MISSING_MESSAGE = 'PostgreSQL tests need TEST_DATABASE_URL; run them through npm test';

function nonEmpty(value: string | undefined): string | null {
  return value !== undefined && value.trim() !== '' ? value : null;
}

/** The three URLs from the environment, or null when `npm test` did not set them. */
export function postgresUrls(): PostgresUrls | null {
  const owner = nonEmpty(process.env.TEST_DATABASE_URL);
  const app = nonEmpty(process.env.TEST_APP_DATABASE_URL);
  const admin = nonEmpty(process.env.TEST_PG_ADMIN_URL);
  if (owner === null || app === null || admin === null) return null;
  return { owner, app, admin };
}

/**
 * True when the PostgreSQL URLs are set. When they are not: false on a developer machine, but an error
 * in CI or with KK_REQUIRE_PG set.
 */
export function requirePostgres(): boolean {
  if (postgresUrls() !== null) return true;
  if (nonEmpty(process.env.CI) !== null || nonEmpty(process.env.KK_REQUIRE_PG) !== null) {
    throw new Error(MISSING_MESSAGE);
  }
  return false;
}

function urlsOrThrow(): PostgresUrls {
  const urls = postgresUrls();
  if (urls === null) throw new Error(MISSING_MESSAGE);
  return urls;
}

/** The same URL pointing at another database. */
function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

function roleOf(url: string): string {
  const role = decodeURIComponent(new URL(url).username);
  if (role === '') throw new Error(`No user name in PostgreSQL URL ${new URL(url).host}`);
  return role;
}

/** Double-quoted SQL identifier. */
function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database in the test cluster, owned by the owner role (database and schema `public`),
 * with CONNECT and schema USAGE for the app role. `name` is a prefix (lower-case letters, digits, `_`);
 * a unique suffix is always added so parallel test files never collide.
 */
export async function createThrowawayDatabase(name = 'kk_test'): Promise<ThrowawayDatabase> {
  if (!/^[a-z_][a-z0-9_]{0,30}$/.test(name)) {
    throw new Error(`Throwaway database prefix must match [a-z_][a-z0-9_]{0,30}: ${JSON.stringify(name)}`);
  }
  const urls = urlsOrThrow();
  const owner = roleOf(urls.owner);
  const app = roleOf(urls.app);
  const dbName = `${name}_${process.pid}_${randomBytes(4).toString('hex')}`;

  await withClient(urls.admin, async (c) => {
    await c.query(`CREATE DATABASE ${ident(dbName)} OWNER ${ident(owner)}`);
    await c.query(`REVOKE ALL ON DATABASE ${ident(dbName)} FROM PUBLIC`);
    await c.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(dbName)} TO ${ident(app)}`);
  });

  const drop = async (): Promise<void> => {
    await withClient(urls.admin, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(dbName)} WITH (FORCE)`));
  };

  try {
    // PostgreSQL 15: schema public belongs to pg_database_owner and only its owner may CREATE in it.
    // Hand it to the owner role explicitly, as a production install would.
    await withClient(withDatabase(urls.admin, dbName), async (c) => {
      await c.query(`ALTER SCHEMA public OWNER TO ${ident(owner)}`);
      await c.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
      await c.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${ident(owner)}`);
      await c.query(`GRANT USAGE ON SCHEMA public TO ${ident(app)}`);
    });
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }

  return {
    name: dbName,
    ownerUrl: withDatabase(urls.owner, dbName),
    appUrl: withDatabase(urls.app, dbName),
    drop,
  };
}

/**
 * The one validated configuration. Sources, later ones winning: defaults (defined here, once), an optional
 * JSON file (KIESKLUIS_CONFIG), environment variables. A bad value stops start-up with a message naming
 * the key. There are no default secrets: the master key comes from the environment (PostgreSQL mode) or
 * is generated into the data directory on first run (embedded mode, see storage/master-key.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const bool = z.union([
  z.boolean(),
  z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
]);
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const configSchema = z
  .object({
    dataDir: z.string().min(1).max(4096).default('./data'),
    databaseUrl: z
      .string()
      .max(4096)
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    /** Optional owner connection used only for migrations (the app role then cannot alter the audit table). */
    migrationDatabaseUrl: z
      .string()
      .max(4096)
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    /** Role the migrations grant the app's privileges to (PostgreSQL, when migrating as owner). */
    appDatabaseRole: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a plain PostgreSQL role name')
      .optional(),
    /** base64 of 32 random bytes; required with DATABASE_URL. */
    masterKey: z
      .string()
      .max(200)
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be base64 of exactly 32 bytes')
      .optional(),
    host: z.string().min(1).max(255).default('127.0.0.1'),
    port: int(0, 65535).default(8080),
    /** Trust X-Forwarded-* from one reverse proxy in front (TLS termination). */
    trustProxy: bool.default(false),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    bodyLimitBytes: int(1024, 50 * 1024 * 1024).default(1024 * 1024),
    sessionIdleMinutes: int(1, 24 * 60).default(30),
    sessionMaxHours: int(1, 7 * 24).default(12),
    loginMaxAttempts: int(1, 100).default(5),
    loginLockMinutes: int(1, 24 * 60).default(15),
    /** Requests per minute per client IP on the login and MFA routes. */
    loginRateLimitPerMinute: int(1, 10_000).default(30),
    /** Posts per minute per client IP on each public consent-form route (sign-up, confirm, withdraw). */
    publicFormRateLimitPerMinute: int(1, 1_000_000).default(20),
    /** Start the job queue (pg-boss) with the server. */
    jobs: bool.default(true),
    /**
     * Outgoing mail (double opt-in, receipts): smtp:// or smtps:// with optional user:password@. Without
     * it, mail stays in the outbox that admins read in the app.
     */
    smtpUrl: z
      .string()
      .max(4096)
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    /** Sender address of outgoing mail. */
    mailFrom: z
      .string()
      .max(320)
      .regex(/^[^\s@]+@[^\s@]+$/, 'must be an e-mail address')
      .default('noreply@kieskluis.invalid'),
    /**
     * The address people reach this server on, for links in mail and the embeddable form snippet
     * (e.g. https://kieskluis.partij.example). Defaults to http://HOST:PORT.
     */
    publicUrl: z
      .string()
      .max(2048)
      .regex(/^https?:\/\/[^/\s]+(\/[^\s]*)?$/, 'must be an http(s) URL')
      .optional(),
    /** Exports of more persons than this wait for the FG's approval (R-63). */
    exportApprovalThreshold: int(0, 10_000_000).default(500),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;

/** Environment variable → config key. */
const ENV_KEYS: Record<string, keyof Config> = {
  KIESKLUIS_DATA_DIR: 'dataDir',
  DATABASE_URL: 'databaseUrl',
  KIESKLUIS_MIGRATION_DATABASE_URL: 'migrationDatabaseUrl',
  KIESKLUIS_APP_DB_ROLE: 'appDatabaseRole',
  KIESKLUIS_MASTER_KEY: 'masterKey',
  HOST: 'host',
  PORT: 'port',
  KIESKLUIS_TRUST_PROXY: 'trustProxy',
  KIESKLUIS_LOG_LEVEL: 'logLevel',
  KIESKLUIS_BODY_LIMIT_BYTES: 'bodyLimitBytes',
  KIESKLUIS_SESSION_IDLE_MINUTES: 'sessionIdleMinutes',
  KIESKLUIS_SESSION_MAX_HOURS: 'sessionMaxHours',
  KIESKLUIS_LOGIN_MAX_ATTEMPTS: 'loginMaxAttempts',
  KIESKLUIS_LOGIN_LOCK_MINUTES: 'loginLockMinutes',
  KIESKLUIS_LOGIN_RATE_LIMIT: 'loginRateLimitPerMinute',
  KIESKLUIS_PUBLIC_FORM_RATE_LIMIT: 'publicFormRateLimitPerMinute',
  KIESKLUIS_JOBS: 'jobs',
  SMTP_URL: 'smtpUrl',
  KIESKLUIS_MAIL_FROM: 'mailFrom',
  KIESKLUIS_PUBLIC_URL: 'publicUrl',
  KIESKLUIS_EXPORT_APPROVAL_THRESHOLD: 'exportApprovalThreshold',
};

export class ConfigError extends Error {
  readonly issues: { key: string; source: string; problem: string }[];
  constructor(issues: { key: string; source: string; problem: string }[]) {
    super(
      `Ongeldige configuratie / invalid configuration:\n${issues
        .map((i) => `  - ${i.key} (${i.source}): ${i.problem}`)
        .join('\n')}`,
    );
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/**
 * Build the config from a file (optional) + environment + explicit overrides (CLI flags). Throws
 * ConfigError naming every bad key and where it came from.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Record<keyof Config, unknown>> = {},
): Config {
  const raw: Record<string, unknown> = {};
  const source: Record<string, string> = {};
  const file = env.KIESKLUIS_CONFIG;
  if (file) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ConfigError([{ key: 'KIESKLUIS_CONFIG', source: file, problem: (e as Error).message }]);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ConfigError([{ key: 'KIESKLUIS_CONFIG', source: file, problem: 'must be a JSON object' }]);
    }
    for (const [k, v] of Object.entries(parsed)) {
      raw[k] = v;
      source[k] = file;
    }
  }
  for (const [envKey, key] of Object.entries(ENV_KEYS)) {
    const v = env[envKey];
    if (v !== undefined && v !== '') {
      raw[key] = v;
      source[key] = `env ${envKey}`;
    }
  }
  for (const [k, v] of Object.entries(overrides)) {
    if (v !== undefined) {
      raw[k] = v;
      source[k] = 'command line';
    }
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => {
        const key = i.path.length
          ? String(i.path[0])
          : ((i as { keys?: string[] }).keys?.join(', ') ?? '(root)');
        return { key, source: source[key] ?? 'default', problem: i.message };
      }),
    );
  }
  const cfg = result.data;
  if (cfg.databaseUrl && !cfg.masterKey) {
    throw new ConfigError([
      {
        key: 'masterKey',
        source: 'env KIESKLUIS_MASTER_KEY',
        problem: 'required with DATABASE_URL (generate one: openssl rand -base64 32)',
      },
    ]);
  }
  return { ...cfg, dataDir: path.resolve(cfg.dataDir) };
}

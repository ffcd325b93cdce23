/**
 * Background jobs on pg-boss, in the same database (PGlite or PostgreSQL): no Redis, no other service.
 * pg-boss talks to the database through our own Db port, so both engines share one path.
 */
import PgBoss from 'pg-boss';
import type { Db } from '../storage/db.js';
import type { JobQueue } from '../usecases/deps.js';

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export interface RunningQueue extends JobQueue {
  stop(): Promise<void>;
}

function makeBoss(db: Db, extra: Partial<PgBoss.ConstructorOptions> = {}): PgBoss {
  return new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => db.raw(text, values ?? []) },
    schema: 'pgboss',
    // Embedded mode has one process; keep maintenance light.
    maintenanceIntervalSeconds: 300,
    ...extra,
  } as unknown as PgBoss.ConstructorOptions);
}

/**
 * PostgreSQL with a separate owner (migrations) and app role: the owner installs pg-boss's schema and the
 * queues (creating a queue is DDL), and grants the app role what it needs to send and work jobs.
 */
export async function installQueueSchema(
  owner: Db,
  queues: readonly string[],
  appRole: string,
): Promise<void> {
  const boss = makeBoss(owner, { supervise: false, schedule: false });
  await boss.start();
  for (const name of queues) await boss.createQueue(name);
  await boss.stop({ graceful: false, wait: true });
  const role = `"${appRole}"`;
  await owner.exec(`
    GRANT USAGE ON SCHEMA pgboss TO ${role};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${role};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO ${role};
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${role};
  `);
}

/** Start the queue and its workers; `migrate: false` when the owner installed the schema already. */
export async function startQueue(
  db: Db,
  handlers: Record<string, JobHandler>,
  opts: { migrate?: boolean } = {},
): Promise<RunningQueue> {
  const boss = makeBoss(db, { migrate: opts.migrate ?? true });
  let lastErrorAt = 0;
  let stopped = false;
  boss.on('error', () => {
    lastErrorAt = Date.now();
  });
  await boss.start();
  for (const [name, handler] of Object.entries(handlers)) {
    await boss.createQueue(name);
    await boss.work(name, { pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs) await handler((job.data ?? {}) as Record<string, unknown>);
    });
  }
  return {
    async send(name, data) {
      return boss.send(name, data);
    },
    // Healthy while running and no error in the last minute.
    healthy: () => !stopped && Date.now() - lastErrorAt > 60_000,
    async stop() {
      stopped = true;
      await boss.stop({ graceful: true, timeout: 5000, wait: true });
    },
  };
}

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

export async function startQueue(db: Db, handlers: Record<string, JobHandler>): Promise<RunningQueue> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => db.raw(text, values ?? []) },
    schema: 'pgboss',
    // Embedded mode has one process; keep maintenance light.
    maintenanceIntervalSeconds: 300,
  } as unknown as PgBoss.ConstructorOptions);
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

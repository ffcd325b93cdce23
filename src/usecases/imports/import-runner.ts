/**
 * Which process runs an import. A runner is "host:pid:nonce"; a job held by a runner that is gone (its
 * process died on this host, or no sign of life for RUNNER_STALE_MS) may be taken over, and the
 * checkpoint guard (ImportJobsRepo.lockForChunk) makes sure no two runners ever commit the same rows.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** A runner without a heartbeat for this long (on another host) is taken for dead. */
export const RUNNER_STALE_MS = 2 * 60 * 1000;

/** The job-queue name of the import runner. */
export const IMPORT_RUN_JOB = 'imports.run';

/** Jobs this process runs now (a second request for one returns at once). */
export const runningHere = new Set<string>();

export function newRunnerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the runner holding a job (another process, or an earlier run of this one) is still at work. */
export function runnerAlive(runner: string | null, heartbeatAt: Date | null, now: Date): boolean {
  if (runner === null) return false;
  const [host, pidText] = runner.split(':');
  const pid = Number(pidText);
  const fresh = heartbeatAt !== null && now.getTime() - heartbeatAt.getTime() < RUNNER_STALE_MS;
  // On this host a dead process is known at once (a CLI run again right after a crash); a live pid
  // still needs a recent heartbeat, in case the pid was reused.
  if (host === hostname() && Number.isInteger(pid)) return pid !== process.pid && processAlive(pid) && fresh;
  return fresh;
}

export function importJobData(data: Record<string, unknown>): string | null {
  const id = data.jobId;
  return typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id) ? id : null;
}

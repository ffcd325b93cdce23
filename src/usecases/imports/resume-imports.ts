/**
 * At start-up, imports left queued or running by a stopped or crashed process are handed to the runner
 * again; each continues after its checkpoint (run-import.ts). Jobs whose runner is still alive elsewhere
 * are left alone by the runner itself. Returns the ids handed on.
 */
import type { Deps } from '../deps.js';
import { jobsRepo } from './import-files.js';
import { runnerAlive, runningHere } from './import-runner.js';
import { launch } from './start-import.js';

export async function resumeImports(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'config' | 'keyring' | 'persons' | 'suppression' | 'jobs'>,
): Promise<string[]> {
  const now = d.now();
  const resumed: string[] = [];
  for (const job of await jobsRepo(d).active(d.db)) {
    if (runningHere.has(job.id)) continue;
    if (job.status === 'running' && runnerAlive(job.runner, job.heartbeatAt, now)) continue;
    await launch(d, job.id);
    resumed.push(job.id);
  }
  return resumed;
}

/** The branches (afdelingen) with their postcode ranges, for filters and the membership form (no personal data). */
import type { Actor } from '../../domain/access/actor.js';
import { type BranchRecord, branchesRepo } from '../../storage/branches-repo.js';
import type { Deps } from '../deps.js';
import { personReader } from './authorize-person-read.js';

export async function listBranches(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
): Promise<BranchRecord[]> {
  await personReader(d, actor, d.now(), 'branch.list');
  return branchesRepo.list(d.db);
}

/** Stop scanning a website. Its scans and alerts stay as evidence; the site no longer appears. */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { websitesRepo } from '../../storage/websites-repo.js';
import type { Deps } from '../deps.js';
import { websiteManager } from './authorize-websites.js';

export async function deleteWebsite(d: Pick<Deps, 'db' | 'audit' | 'now'>, actor: Actor, id: string) {
  const who = await websiteManager(d, actor, 'website.delete', { objectType: 'website', objectId: id });
  const now = d.now();
  await d.db.transaction(async (tx) => {
    const site = await websitesRepo.findSite(tx, id);
    if (!site || !(await websitesRepo.markDeleted(tx, id, now))) throw new DomainError('NOT_FOUND');
    await d.audit.append(
      tx,
      [
        {
          type: 'website.deleted',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'website',
          objectId: id,
          data: { url: site.url },
        },
      ],
      now,
    );
  });
}

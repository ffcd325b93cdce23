/** Register a website of the party or of a candidate, to be scanned for trackers. */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { type Cadence, type SiteOwner, siteUrlProblem } from '../../domain/websites.js';
import { type WebsiteRecord, websitesRepo } from '../../storage/websites-repo.js';
import type { Deps } from '../deps.js';
import { websiteManager } from './authorize-websites.js';

export interface NewWebsite {
  url: string;
  label: string;
  owner: SiteOwner;
  candidateId: string | null;
  cadence: Cadence;
  crawlPages: number;
}

function invalid(field: string, problem: string): never {
  throw new DomainError('VALIDATION_FAILED', { in: 'body', fields: [{ field, problem }] });
}

export async function createWebsite(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  input: NewWebsite,
): Promise<WebsiteRecord> {
  const who = await websiteManager(d, actor, 'website.create');
  const problem = siteUrlProblem(input.url);
  if (problem) invalid('url', problem);
  if (input.owner === 'party' && input.candidateId !== null) {
    invalid('candidateId', 'only a candidate site names a candidate');
  }
  const now = d.now();
  return d.db.transaction(async (tx) => {
    if (input.candidateId !== null && !(await websitesRepo.candidateExists(tx, input.candidateId))) {
      invalid('candidateId', 'no such candidate');
    }
    const site = await websitesRepo.insertSite(tx, { ...input, createdBy: who.userId }, now);
    await d.audit.append(
      tx,
      [
        {
          type: 'website.created',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'website',
          objectId: site.id,
          data: {
            url: site.url,
            owner: site.owner,
            candidateId: site.candidateId,
            cadence: site.cadence,
            crawlPages: site.crawlPages,
          },
        },
      ],
      now,
    );
    return site;
  });
}

/** Mark an alert as seen and handled; who and when are kept on the alert and in the audit trail. */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { type AlertRecord, websitesRepo } from '../../storage/websites-repo.js';
import type { Deps } from '../deps.js';
import { websiteManager } from './authorize-websites.js';

export async function acknowledgeWebsiteAlert(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  alertId: string,
): Promise<AlertRecord> {
  const who = await websiteManager(d, actor, 'website.alert_acknowledge', {
    objectType: 'website_alert',
    objectId: alertId,
  });
  const now = d.now();
  return d.db.transaction(async (tx) => {
    const alert = await websitesRepo.findAlert(tx, alertId);
    if (!alert) throw new DomainError('NOT_FOUND');
    const done = await websitesRepo.acknowledgeAlert(tx, alertId, who.userId, now);
    if (!done) throw new DomainError('WEBSITE_ALERT_ACKNOWLEDGED');
    await d.audit.append(
      tx,
      [
        {
          type: 'website.alert_acknowledged',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'website_alert',
          objectId: alertId,
          data: { websiteId: alert.websiteId, scanId: alert.scanId, vendor: alert.vendor },
        },
      ],
      now,
    );
    return done;
  });
}

/**
 * The GateContext (C4) from the party settings (name as controller, voting age R-78), the consent
 * purpose catalogue (incl. the separate political-advertising purposes, R-76) and the activity (DPIA
 * status, the FG's member-communication override R-79). No personal data.
 */
import type { PermissionChannel } from '../../domain/consent/types.js';
import type { GateContext } from '../../domain/gate/types.js';
import type { ActivityRow } from '../../storage/activities-repo.js';
import type { Queryable } from '../../storage/db.js';
import { gateFactsRepo } from '../../storage/gate-facts-repo.js';
import type { Deps } from '../deps.js';

export async function loadGateContext(
  _d: Partial<Pick<Deps, 'db'>>,
  tx: Queryable,
  activity: ActivityRow | null,
  now: Date,
): Promise<GateContext> {
  const party = await gateFactsRepo.partySettings(tx);
  const purposes = await gateFactsRepo.consentPurposes(tx);
  return {
    referenceDate: now.toISOString(),
    partyControllerName: party?.partyName ?? '',
    jurisdiction: 'NL',
    votingAge: party?.votingAge ?? 18,
    consentPurposes: purposes.map((p) => ({
      id: p.id,
      name: p.name,
      political: p.political,
      politicalAdvertising: p.political_advertising,
      channels: (p.channels ?? []) as PermissionChannel[],
      scopeUntil: p.scope_until,
      refreshAfterMonths: p.refresh_after_months === null ? null : Number(p.refresh_after_months),
      recipients: p.recipients ?? [],
    })),
    dpia: activity?.dpiaStatus ?? 'NONE',
    memberCommunicationOverride: activity?.memberCommunicationOverride ?? false,
  };
}

/**
 * The channels on which members may be messaged on the basis of the existing relationship (R-70; PRODUCT
 * CHOICE pending legal confirmation): only when the membership form offered an opt-out for the channel.
 * Read by whoever builds audiences or keeps the registers; changed with `accountability:manage` (FG,
 * campaign lead), with a reason, audited. The legal gate reads it for members (PersonFacts).
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import type { PermissionChannel } from '../../domain/consent/types.js';
import { type MemberChannelsRow, partySettingsRepo } from '../../storage/party-settings-repo.js';
import { invalid, registerReader, registerWriter } from '../activities/authorize-register.js';
import type { Deps } from '../deps.js';

export async function getMemberChannels(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
): Promise<MemberChannelsRow> {
  await registerReader(d, actor, 'member_channels.read');
  return d.db.transaction((tx) => partySettingsRepo.memberChannels(tx));
}

export async function setMemberChannels(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  input: { channels: PermissionChannel[]; reason: string | null },
): Promise<MemberChannelsRow> {
  const who = await registerWriter(d, actor, 'member_channels.update');
  const channels = [...new Set(input.channels)].sort();
  const reason = input.reason?.trim() || null;
  if (channels.length > 0 && reason === null) {
    invalid('reason', 'R-70', 'say how the membership form offered an opt-out for these channels');
  }
  const now = d.now();
  return d.db.transaction(async (tx) => {
    if (!(await partySettingsRepo.setMemberChannels(tx, channels, reason, who.userId, now))) {
      throw new DomainError('NOT_FOUND');
    }
    await d.audit.append(
      tx,
      [
        {
          type: 'settings.member_channels_changed',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'party_settings',
          objectId: '1',
          data: { channels },
        },
      ],
      now,
    );
    return partySettingsRepo.memberChannels(tx);
  });
}

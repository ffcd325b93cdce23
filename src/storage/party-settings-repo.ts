/** The party's settings row (id = 1): the member channel permission record of R-70. */
import type { PermissionChannel } from '../domain/consent/types.js';
import type { Queryable } from './db.js';

export interface MemberChannelsRow {
  channels: PermissionChannel[];
  reason: string | null;
  setBy: string | null;
  setAt: Date | null;
}

export const partySettingsRepo = {
  async memberChannels(tx: Queryable): Promise<MemberChannelsRow> {
    const { rows } = await tx.query<{
      member_channels: PermissionChannel[];
      member_channels_reason: string | null;
      member_channels_set_by: string | null;
      member_channels_set_at: Date | string | null;
    }>(
      `SELECT member_channels, member_channels_reason, member_channels_set_by, member_channels_set_at
         FROM party_settings WHERE id = 1`,
    );
    const r = rows[0];
    if (!r) return { channels: [], reason: null, setBy: null, setAt: null };
    return {
      channels: r.member_channels,
      reason: r.member_channels_reason,
      setBy: r.member_channels_set_by,
      setAt: r.member_channels_set_at === null ? null : new Date(r.member_channels_set_at),
    };
  },

  /** Returns false when the party has no settings row yet. */
  async setMemberChannels(
    tx: Queryable,
    channels: readonly PermissionChannel[],
    reason: string | null,
    setBy: string | null,
    now: Date,
  ): Promise<boolean> {
    const res = await tx.query(
      `UPDATE party_settings SET member_channels = $1::text[], member_channels_reason = $2,
              member_channels_set_by = $3, member_channels_set_at = $4
        WHERE id = 1`,
      [channels, reason, setBy, now],
    );
    return (res.rowCount ?? 0) > 0;
  },
};

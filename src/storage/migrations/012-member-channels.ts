/**
 * Issue 4: the channels on which members may be messaged on the basis of the existing relationship
 * (R-70, Tw art 11.7; PRODUCT CHOICE pending legal confirmation): only when the membership form offered
 * an opt-out for that channel at collection. Recorded by the FG or campaign lead with the reason, and
 * empty by default, so without a record members need a consent per channel like anyone else.
 */
export const name = '012-member-channels';

export const sql = /* sql */ `
ALTER TABLE party_settings
  ADD COLUMN member_channels text[] NOT NULL DEFAULT '{}'
    CHECK (member_channels <@ ARRAY['EMAIL', 'SMS', 'WHATSAPP', 'PHONE']::text[]),
  ADD COLUMN member_channels_reason text CHECK (length(member_channels_reason) <= 2000),
  ADD COLUMN member_channels_set_by uuid REFERENCES users(id),
  ADD COLUMN member_channels_set_at timestamptz,
  ADD CHECK (member_channels = '{}' OR member_channels_reason IS NOT NULL);
`;

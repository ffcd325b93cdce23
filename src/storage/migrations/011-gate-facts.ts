/**
 * Issue 4 (performance of the legal gate, docs/adr/0010): each person's suppression keys as the
 * suppression list hashes them (`keyring.blindIndex('suppress:<kind>', normalised)`, e-mail and phone),
 * written by the persons repository with the contact data. An audience evaluation then matches the
 * suppression list without decrypting and hashing every address. The hashes are keyed and in the
 * suppression list's own contexts: no more than the existing `email_bidx`/`phone_bidx` say, and nothing
 * political. NULL = not computed yet (rows written before this migration): the kernel fills them at
 * start-up (src/usecases/gate/backfill-suppression-keys.ts) and readers fall back to the old way.
 */
export const name = '011-gate-facts';

export const sql = /* sql */ `
ALTER TABLE persons ADD COLUMN suppress_keys text[];
CREATE INDEX persons_suppress_keys_missing ON persons (id) WHERE suppress_keys IS NULL;
`;

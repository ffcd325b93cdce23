/**
 * Fill `persons.suppress_keys` (migration 011) for persons written before it: decrypt e-mail and phone,
 * hash them as the suppression list does, store the hashes. Runs at kernel start-up in batches
 * until none is left; the persons repository writes the column for every new or changed person, and the
 * gate's reader hashes any row still without it, so results never depend on this having run. Not a read
 * of personal data for any purpose (nothing leaves this function but keyed hashes): no audit event, as
 * with the re-encryption after a key rotation.
 */
import { gateFactsRepo } from '../../storage/gate-facts-repo.js';
import type { Deps } from '../deps.js';

export async function backfillSuppressionKeys(
  d: Pick<Deps, 'db' | 'keyring' | 'suppression'>,
  batchSize = 2000,
): Promise<number> {
  let done = 0;
  for (;;) {
    const n = await d.db.transaction(async (tx) => {
      const rows = await gateFactsRepo.withoutSuppressKeys(tx, batchSize);
      await gateFactsRepo.setSuppressKeys(
        tx,
        rows.map((r) => ({
          id: r.id,
          keys: d.suppression
            .hashes({
              email: d.keyring.decryptNullable(r.email_enc, 'persons.email'),
              phone: d.keyring.decryptNullable(r.phone_enc, 'persons.phone'),
            })
            .map((h) => h.hash),
        })),
      );
      return rows.length;
    });
    done += n;
    if (n < batchSize) return done;
  }
}

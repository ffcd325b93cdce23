/** Remember the user's language (nl or en). */

import type { SignedIn } from '../auth/resolve-session.js';
import type { Deps } from '../deps.js';

export async function setLocale(
  d: Pick<Deps, 'db' | 'users' | 'audit' | 'now'>,
  s: SignedIn,
  locale: 'nl' | 'en',
) {
  await d.db.transaction(async (tx) => {
    await d.users.setLocale(tx, s.user.id, locale);
    await d.audit.append(
      tx,
      [{ type: 'user.locale_changed', actorType: 'user', actorId: s.user.id, data: { locale } }],
      d.now(),
    );
  });
  return { locale };
}

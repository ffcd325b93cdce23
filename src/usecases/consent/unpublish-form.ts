/** Take a form offline: its hosted page answers 404 until it is published again. Records stay. */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { consentFormsRepo } from '../../storage/consent-forms-repo.js';
import type { Deps } from '../deps.js';
import { consentManager } from './authorize-consent.js';
import { type FormView, formView } from './create-form.js';

export async function unpublishForm(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'config'>,
  actor: Actor,
  id: string,
): Promise<FormView> {
  const object = { objectType: 'consent_form', objectId: id };
  const who = await consentManager(d, actor, 'consent.form_unpublish', object);
  const now = d.now();
  const form = await d.db.transaction(async (tx) => {
    const f = await consentFormsRepo.unpublish(tx, id, now);
    if (!f) throw new DomainError('NOT_FOUND');
    await d.audit.append(
      tx,
      [
        {
          type: 'consent.form_unpublished',
          actorType: who.actorType,
          actorId: who.actorId,
          ...object,
          data: { slug: f.slug },
        },
      ],
      now,
    );
    return f;
  });
  return formView(d.config, form);
}

/**
 * Edit a form's draft. A published form keeps showing what was checked at its last publish until it is
 * published again (the public page never shows unchecked content).
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { consentCatalogueRepo } from '../../storage/consent-catalogue-repo.js';
import { consentFormsRepo } from '../../storage/consent-forms-repo.js';
import type { Deps } from '../deps.js';
import { consentManager } from './authorize-consent.js';
import { checkFormInput, type FormInput, type FormView, formView } from './create-form.js';

export async function updateForm(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'config'>,
  actor: Actor,
  id: string,
  input: FormInput,
): Promise<FormView> {
  const object = { objectType: 'consent_form', objectId: id };
  const who = await consentManager(d, actor, 'consent.form_update', object);
  const now = d.now();
  try {
    const form = await d.db.transaction(async (tx) => {
      const before = await consentFormsRepo.byId(tx, id, true);
      if (!before) throw new DomainError('NOT_FOUND');
      if (before.published !== null && input.slug.trim().toLowerCase() !== before.slug) {
        // The hosted page and embeds use the slug: changing it would break them silently.
        throw new DomainError('VALIDATION_FAILED', {
          in: 'body',
          fields: [{ field: 'slug', rule: 'published_fixed', problem: 'a published form keeps its address' }],
        });
      }
      const f = await checkFormInput(tx, input);
      const form = (await consentFormsRepo.update(tx, id, f, now))!;
      await d.audit.append(
        tx,
        [
          {
            type: 'consent.form_updated',
            actorType: who.actorType,
            actorId: who.actorId,
            ...object,
            data: { slug: form.slug, purposes: f.items.flatMap((i) => i.purposeIds) },
          },
        ],
        now,
      );
      return form;
    });
    return formView(d.config, form);
  } catch (e) {
    if (consentCatalogueRepo.isUniqueViolation(e)) throw new DomainError('FORM_SLUG_TAKEN');
    throw e;
  }
}

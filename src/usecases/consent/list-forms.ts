/** The consent forms with their hosted address (no personal data). */
import type { Actor } from '../../domain/access/actor.js';
import { consentFormsRepo } from '../../storage/consent-forms-repo.js';
import type { Deps } from '../deps.js';
import { consentManager } from './authorize-consent.js';
import { type FormView, formView } from './create-form.js';

export async function listForms(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'config'>,
  actor: Actor,
): Promise<FormView[]> {
  await consentManager(d, actor, 'consent.form_list');
  return (await consentFormsRepo.list(d.db)).map((f) => formView(d.config, f));
}

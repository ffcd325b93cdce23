/**
 * Create a consent form (a draft): which purposes it asks, one checkbox each, its titles per language,
 * the controller and the privacy notice. Publishing runs the legal checks (publish-form.ts).
 */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import type { FormItem } from '../../domain/consent/request.js';
import type { ConsentLanguage } from '../../domain/consent/types.js';
import { consentCatalogueRepo } from '../../storage/consent-catalogue-repo.js';
import { consentFormsRepo, type FormDraftFields, type FormRecord } from '../../storage/consent-forms-repo.js';
import type { Queryable } from '../../storage/db.js';
import type { Deps } from '../deps.js';
import { consentManager, invalid } from './authorize-consent.js';
import { formUrl, publicBaseUrl } from './public-base-url.js';

export type FormInput = FormDraftFields;

export interface FormView extends FormRecord {
  /** The hosted page: `${publicBaseUrl}/f/<slug>`. */
  publicUrl: string;
}

export function formView(config: Deps['config'], f: FormRecord): FormView {
  return { ...f, publicUrl: formUrl(publicBaseUrl(config), f.slug) };
}

const clean = (m: Partial<Record<ConsentLanguage, string>>) =>
  Object.fromEntries(
    Object.entries(m)
      .map(([k, v]) => [k, (v ?? '').trim()])
      .filter(([, v]) => v !== ''),
  ) as Partial<Record<ConsentLanguage, string>>;

/** Checks against the catalogue: known purposes, each purpose in one checkbox at most. */
export async function checkFormInput(tx: Queryable, f: FormInput): Promise<FormInput> {
  const ids = f.items.flatMap((i) => i.purposeIds);
  if (f.servicePurposeId) ids.push(f.servicePurposeId);
  const known = await consentCatalogueRepo.purposesByIds(tx, ids);
  f.items.forEach((item: FormItem, i) => {
    if (item.purposeIds.length === 0)
      invalid(`items.${i}.purposeIds`, 'min_one', 'a checkbox asks at least one purpose');
    for (const id of item.purposeIds) {
      if (!known.has(id)) invalid(`items.${i}.purposeIds`, 'unknown_purpose', 'no such purpose');
    }
  });
  const flat = f.items.flatMap((i) => i.purposeIds);
  if (new Set(flat).size !== flat.length)
    invalid('items', 'purpose_once', 'each purpose in one checkbox only');
  if (f.servicePurposeId && !known.has(f.servicePurposeId)) {
    invalid('servicePurposeId', 'unknown_purpose', 'no such purpose');
  }
  if (f.servicePurposeId && !f.serviceName) invalid('serviceName', 'required', 'name the service');
  return {
    ...f,
    slug: f.slug.trim().toLowerCase(),
    titles: clean(f.titles),
    intros: clean(f.intros),
    controllerName: f.controllerName.trim(),
    privacyNoticeUrl: f.privacyNoticeUrl?.trim() || null,
    privacyNoticeText: f.privacyNoticeText?.trim() || null,
    serviceName: f.serviceName?.trim() || null,
  };
}

export async function createForm(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'config'>,
  actor: Actor,
  input: FormInput,
): Promise<FormView> {
  const who = await consentManager(d, actor, 'consent.form_create');
  const now = d.now();
  try {
    const form = await d.db.transaction(async (tx) => {
      const f = await checkFormInput(tx, input);
      const form = await consentFormsRepo.insert(tx, f, who.userId, now);
      await d.audit.append(
        tx,
        [
          {
            type: 'consent.form_created',
            actorType: who.actorType,
            actorId: who.actorId,
            objectType: 'consent_form',
            objectId: form.id,
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

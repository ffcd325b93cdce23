/**
 * The public view of a published form (for the hosted page and the embed): the snapshot checked at
 * publish, in the requested language when the form has it, else Dutch. Unknown or unpublished: NOT_FOUND.
 * No personal data; not audited.
 */
import { DomainError } from '../../domain/codes.js';
import type { ConsentLanguage } from '../../domain/consent/types.js';
import { consentCatalogueRepo } from '../../storage/consent-catalogue-repo.js';
import { consentFormsRepo, type FormRecord, type PublishedForm } from '../../storage/consent-forms-repo.js';
import type { Queryable } from '../../storage/db.js';
import type { Deps } from '../deps.js';

export interface PublicFormView {
  slug: string;
  title: string;
  intro: string;
  controllerName: string;
  privacyNotice: { url: string | null; text: string | null };
  /** The language served (the requested one when the form has it, else the form's first language). */
  language: ConsentLanguage;
  /** One unticked checkbox per purpose: `label` is the express statement, `text` the full request text. */
  purposes: { purposeId: string; textVersionId: string; label: string; text: string }[];
  askBirthYear: true;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The published form with its snapshot, or NOT_FOUND. */
export async function publishedForm(
  tx: Queryable,
  slug: string,
): Promise<{ form: FormRecord; published: PublishedForm }> {
  if (!SLUG.test(slug)) throw new DomainError('NOT_FOUND');
  const form = await consentFormsRepo.bySlug(tx, slug);
  if (form?.status !== 'published' || !form.published) throw new DomainError('NOT_FOUND');
  return { form, published: form.published };
}

export function servedLanguage(published: PublishedForm, locale: ConsentLanguage): ConsentLanguage {
  return published.languages.includes(locale) ? locale : (published.languages[0] ?? 'nl');
}

export async function getPublicForm(
  d: Pick<Deps, 'db'>,
  slug: string,
  locale: ConsentLanguage,
): Promise<PublicFormView> {
  const { form, published } = await publishedForm(d.db, slug);
  const language = servedLanguage(published, locale);
  const ids = published.purposes.map((p) => p.texts[language]!);
  const texts = await consentCatalogueRepo.textsByIds(d.db, ids);
  return {
    slug: form.slug,
    title: published.titles[language] ?? '',
    intro: published.intros[language] ?? '',
    controllerName: published.controllerName,
    privacyNotice: published.privacyNotice,
    language,
    purposes: published.purposes.map((p) => {
      const t = texts.get(p.texts[language]!)!;
      return { purposeId: p.purposeId, textVersionId: t.id, label: t.statement, text: t.fullText };
    }),
    askBirthYear: true,
  };
}

/**
 * Publish a form after the legal checks (R-13 not pre-ticked, not a condition; R-15 complete request and
 * privacy notice; R-17 one checkbox per purpose, explicit texts name the data and the purpose; R-18 names
 * the party and every recipient). Every problem is reported (`details.reasons`, `details.problems`) and
 * the refusal is audited. On success the newest text version per purpose and language is pinned, frozen
 * and the privacy notice snapshotted: the public page shows exactly what was checked.
 */
import type { Actor } from '../../domain/access/actor.js';
import { type Code, DomainError } from '../../domain/codes.js';
import { checkFormPublish, type FormProblem, formLanguages } from '../../domain/consent/request.js';
import type { ConsentLanguage } from '../../domain/consent/types.js';
import {
  consentCatalogueRepo,
  type NoticeRecord,
  type TextVersionRecord,
} from '../../storage/consent-catalogue-repo.js';
import { consentFormsRepo, type FormRecord, type PublishedForm } from '../../storage/consent-forms-repo.js';
import type { Queryable } from '../../storage/db.js';
import type { Deps } from '../deps.js';
import { consentManager } from './authorize-consent.js';
import { type FormView, formView } from './create-form.js';

export async function publishForm(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'config'>,
  actor: Actor,
  id: string,
): Promise<FormView> {
  const object = { objectType: 'consent_form', objectId: id };
  const who = await consentManager(d, actor, 'consent.form_publish', object);
  const now = d.now();
  const outcome = await d.db.transaction(async (tx) => {
    const r = await checkAndPublish(tx, id, now);
    if ('published' in r) {
      await d.audit.append(
        tx,
        [
          {
            type: 'consent.form_published',
            actorType: who.actorType,
            actorId: who.actorId,
            ...object,
            data: {
              slug: r.published.slug,
              textVersions: r.pinned,
              noticeId: r.notice.id,
              noticeSha256: r.notice.sha256,
            },
          },
        ],
        now,
      );
    }
    return r;
  });
  if ('refused' in outcome) {
    const { reasons, problems } = outcome.refused;
    // Every refusal is audited (Appendix C.0), committed on its own.
    await d.db.transaction((tx) =>
      d.audit.append(
        tx,
        [
          {
            type: 'consent.form_publish_refused',
            actorType: who.actorType,
            actorId: who.actorId,
            ...object,
            data: { code: reasons[0], reasons },
          },
        ],
        d.now(),
      ),
    );
    throw new DomainError(reasons[0]!, { reasons, problems });
  }
  return formView(d.config, outcome.published);
}

/**
 * The publish checks and, when they pass, the publish itself, inside the caller's transaction (also used
 * by the demo). Returns the refusal with every problem, or the published form with what was pinned.
 */
export async function checkAndPublish(
  tx: Queryable,
  id: string,
  now: Date,
): Promise<
  | { refused: { reasons: Code[]; problems: FormProblem[] } }
  | { published: FormRecord; pinned: string[]; notice: NoticeRecord }
> {
  const form = await consentFormsRepo.byId(tx, id, true);
  if (!form) throw new DomainError('NOT_FOUND');
  const purposeIds = form.items.flatMap((i) => i.purposeIds);
  const purposes = await consentCatalogueRepo.purposesByIds(tx, purposeIds);
  const latest = new Map<string, TextVersionRecord>();
  for (const t of await consentCatalogueRepo.latestTexts(tx, purposeIds))
    latest.set(`${t.purposeId}:${t.language}`, t);
  const textOf = (p: string, l: ConsentLanguage) => latest.get(`${p}:${l}`) ?? null;
  const party = await consentCatalogueRepo.partyName(tx);
  const check = checkFormPublish(
    {
      titles: form.titles,
      controllerName: form.controllerName,
      privacyNoticeUrl: form.privacyNoticeUrl,
      privacyNoticeText: form.privacyNoticeText,
      service: form.serviceName ? { name: form.serviceName, purposeId: form.servicePurposeId } : null,
      items: form.items,
    },
    purposes,
    textOf,
    party,
  );
  if (check.reasons.length > 0) return { refused: check };

  const languages = formLanguages(form.titles);
  const notice = await consentCatalogueRepo.notice(tx, form.privacyNoticeUrl, form.privacyNoticeText, now);
  const snapshot: PublishedForm = {
    languages,
    titles: form.titles,
    intros: form.intros,
    controllerName: form.controllerName,
    privacyNotice: { url: form.privacyNoticeUrl, text: form.privacyNoticeText },
    noticeId: notice.id,
    purposes: purposeIds.map((purposeId) => ({
      purposeId,
      texts: Object.fromEntries(languages.map((l) => [l, textOf(purposeId, l)!.id])),
    })),
  };
  const pinned = snapshot.purposes.flatMap((p) => Object.values(p.texts) as string[]);
  await consentCatalogueRepo.markReferenced(tx, pinned, now);
  const published = await consentFormsRepo.publish(tx, id, snapshot, now);
  return { published, pinned, notice };
}

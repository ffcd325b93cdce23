/**
 * Consent test set-up through the product's own use cases on the demo party: an admin actor, a political
 * purpose (explicit) and a non-political one, Dutch and English texts, a published form, and helpers to
 * read the outbox's links.
 */
import type { Actor } from '../../src/domain/access/actor.js';
import type { ConsentLanguage, ConsentTextContent } from '../../src/domain/consent/types.js';
import { MailOutboxRepo } from '../../src/storage/mail-outbox-repo.js';
import { createForm } from '../../src/usecases/consent/create-form.js';
import { createPurpose } from '../../src/usecases/consent/create-purpose.js';
import { createTextVersion } from '../../src/usecases/consent/create-text-version.js';
import { publishForm } from '../../src/usecases/consent/publish-form.js';
import type { PublicFormSubmission } from '../../src/usecases/consent/submit-public-form.js';
import { DEMO_PARTY } from '../../src/usecases/demo/demo-data.js';
import type { TestApp } from '../support/app.js';

export const PARTY = DEMO_PARTY;

export async function actorOf(t: TestApp, username: string): Promise<Actor> {
  const k = t.kernel;
  const u = (await k.users.findByUsername(k.db, username))!;
  return {
    kind: 'user',
    userId: u.id,
    username: u.username,
    assignments: await k.users.assignments(k.db, u.id),
  };
}

export function text(language: ConsentLanguage, over: Partial<ConsentTextContent> = {}): ConsentTextContent {
  const nl = language === 'nl';
  return {
    language,
    controllerName: PARTY,
    statement: nl
      ? `Ja, ${PARTY} mag vastleggen dat ik de partij steun en mij daarom campagnemails sturen.`
      : `Yes, ${PARTY} may record that I support the party and send me campaign e-mails for that reason.`,
    specialCategoryMention: nl ? 'dat ik de partij steun' : 'that I support the party',
    purposeMention: nl ? 'campagnemails sturen' : 'campaign e-mails',
    dataCategories: nl
      ? ['naam', 'e-mailadres', 'politieke voorkeur']
      : ['name', 'e-mail address', 'political preference'],
    withdrawalInstructions: nl
      ? 'Klik op de link onder elke e-mail, of mail naar privacy@polder.invalid.'
      : 'Click the link in every e-mail, or write to privacy@polder.invalid.',
    automatedDecisionNotice: null,
    transferNotice: null,
    ...over,
  };
}

export interface Catalogue {
  actor: Actor;
  campaign: string;
  volunteer: string;
  formId: string;
  slug: string;
}

let n = 0;

/** Two purposes with texts in both languages and a published form asking both. */
export async function setUpCatalogue(t: TestApp, slug = `aanmelden-test-${++n}`): Promise<Catalogue> {
  const actor = await actorOf(t, 'beheer');
  const campaign = await createPurpose(t.kernel, actor, {
    name: `Campagnemails ${slug}`,
    description: 'Campagnemails op basis van politieke voorkeur',
    political: true,
    channels: ['EMAIL'],
    scopeUntil: null,
    refreshAfterMonths: null,
    recipients: [],
  });
  await createTextVersion(t.kernel, actor, campaign.id, text('nl'));
  await createTextVersion(t.kernel, actor, campaign.id, text('en'));
  const volunteer = await createPurpose(t.kernel, actor, {
    name: `Vrijwilligerswerk ${slug}`,
    description: 'Uitnodigingen voor vrijwilligerswerk',
    political: false,
    channels: ['EMAIL', 'PHONE'],
    scopeUntil: null,
    refreshAfterMonths: null,
    recipients: [],
  });
  for (const l of ['nl', 'en'] as const) {
    await createTextVersion(
      t.kernel,
      actor,
      volunteer.id,
      text(l, {
        statement:
          l === 'nl'
            ? `Ja, ${PARTY} mag mij uitnodigen voor vrijwilligerswerk.`
            : `Yes, ${PARTY} may invite me to volunteer.`,
        specialCategoryMention: null,
        purposeMention: null,
        dataCategories: l === 'nl' ? ['naam', 'e-mailadres'] : ['name', 'e-mail address'],
      }),
    );
  }
  const form = await createForm(t.kernel, actor, {
    slug,
    titles: { nl: 'Doe mee', en: 'Join us' },
    intros: { nl: 'Blijf op de hoogte.', en: 'Stay informed.' },
    controllerName: PARTY,
    privacyNoticeUrl: 'https://polder.invalid/privacy',
    privacyNoticeText: null,
    serviceName: null,
    servicePurposeId: null,
    items: [
      { purposeIds: [campaign.id], required: false, defaultChecked: false },
      { purposeIds: [volunteer.id], required: false, defaultChecked: false },
    ],
  });
  await publishForm(t.kernel, actor, form.id);
  return { actor, campaign: campaign.id, volunteer: volunteer.id, formId: form.id, slug };
}

let s = 0;
export function submission(over: Partial<PublicFormSubmission> = {}): PublicFormSubmission {
  s += 1;
  return {
    submissionId: `sub-${Date.now().toString(36)}-${s}`,
    firstName: 'Aletta',
    lastName: 'Jacobs',
    email: `aletta.${s}@voorbeeld.invalid`,
    birthYear: 1990,
    guardianName: null,
    guardianEmail: null,
    purposeIds: [],
    locale: 'nl',
    ...over,
  };
}

export interface OutboxMail {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

/** Every outbox mail, oldest first (decrypted as the app reads it). */
export async function outbox(t: TestApp): Promise<OutboxMail[]> {
  const repo = new MailOutboxRepo(t.kernel.keyring);
  const page = await repo.list(t.kernel.db, { limit: 500 });
  const out: OutboxMail[] = [];
  for (const item of page.items.reverse()) {
    const m = (await repo.get(t.kernel.db, item.id))!;
    out.push({ id: m.id, kind: m.kind, to: m.to, subject: m.subject, text: m.text, html: m.html });
  }
  return out;
}

/** The newest mail to an address. */
export async function lastMailTo(t: TestApp, to: string): Promise<OutboxMail> {
  const m = (await outbox(t)).filter((x) => x.to === to).at(-1);
  if (!m) throw new Error(`no mail to ${to}`);
  return m;
}

/** The token of the first /f/<kind>/<token> link in a mail text. */
export function tokenIn(text: string, kind: 'bevestigen' | 'intrekken'): string {
  const m = new RegExp(`/f/${kind}/([A-Za-z0-9_-]+)`).exec(text);
  if (!m) throw new Error(`no ${kind} link in:\n${text}`);
  return m[1]!;
}

/** Row counts of the consent tables (to prove nothing was half-written). */
export async function counts(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    'consent_records',
    'consent_tokens',
    'consent_submissions',
    'persons',
    'consent_scans',
  ]) {
    const { rows } = await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    out[table] = rows[0]!.n;
  }
  return out;
}

/** Some demo persons in the admin's scope. */
export async function demoPersonIds(t: TestApp, limit: number): Promise<string[]> {
  const { rows } = await t.kernel.db.query<{ id: string }>(
    `SELECT id FROM persons WHERE email_bidx IS NOT NULL ORDER BY created_at, id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.id);
}

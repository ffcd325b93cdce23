/**
 * A published public consent form on the demo party, set up through the product's own consent use cases
 * (as the admin): two purposes — one political (explicit consent, R-17) and one not — each with a Dutch
 * and an English text version; and small helpers to read the form page, post it like a browser does
 * (application/x-www-form-urlencoded) and find the links in the outbox.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Actor } from '../../src/domain/access/actor.js';
import type { ConsentLanguage, ConsentTextContent } from '../../src/domain/consent/types.js';
import { FORM_MIN_FILL_MS } from '../../src/server/public/form-token.js';
import { createForm } from '../../src/usecases/consent/create-form.js';
import { createPurpose } from '../../src/usecases/consent/create-purpose.js';
import { createTextVersion } from '../../src/usecases/consent/create-text-version.js';
import { publishForm } from '../../src/usecases/consent/publish-form.js';
import { DEMO_PARTY } from '../../src/usecases/demo/demo-data.js';
import type { TestApp } from '../support/app.js';

export const SLUG = 'doe-mee';

export interface FixtureForm {
  slug: string;
  news: string;
  volunteer: string;
}

export async function adminActor(t: TestApp): Promise<Actor> {
  const k = t.kernel;
  const u = (await k.users.findByUsername(k.db, 'beheer'))!;
  return {
    kind: 'user',
    userId: u.id,
    username: u.username,
    assignments: await k.users.assignments(k.db, u.id),
  };
}

function text(
  language: ConsentLanguage,
  statement: string,
  special: string | null,
  purpose: string,
): ConsentTextContent {
  return {
    language,
    controllerName: DEMO_PARTY,
    statement,
    specialCategoryMention: special,
    purposeMention: purpose,
    dataCategories: language === 'nl' ? ['naam', 'e-mailadres'] : ['name', 'e-mail address'],
    withdrawalInstructions:
      language === 'nl'
        ? 'Met de link in elke e-mail, of via privacy@polder.invalid.'
        : 'With the link in every e-mail, or via privacy@polder.invalid.',
    automatedDecisionNotice: null,
    transferNotice: null,
  };
}

export async function publishFixtureForm(t: TestApp, slug = SLUG): Promise<FixtureForm> {
  const actor = await adminActor(t);
  const news = await createPurpose(t.kernel, actor, {
    name: `Campagnenieuws ${slug}`,
    description: 'Campagnenieuws per e-mail',
    political: true,
    channels: ['EMAIL'],
    scopeUntil: null,
    refreshAfterMonths: null,
    recipients: [],
  });
  await createTextVersion(
    t.kernel,
    actor,
    news.id,
    text(
      'nl',
      `Ja, ${DEMO_PARTY} mag vastleggen dat ik de partij steun en mij daarom campagnenieuws per e-mail sturen.`,
      'dat ik de partij steun',
      'campagnenieuws per e-mail',
    ),
  );
  await createTextVersion(
    t.kernel,
    actor,
    news.id,
    text(
      'en',
      `Yes, ${DEMO_PARTY} may record that I support the party and send me campaign news by e-mail for that reason.`,
      'that I support the party',
      'campaign news by e-mail',
    ),
  );
  const volunteer = await createPurpose(t.kernel, actor, {
    name: `Vrijwilligerswerk ${slug}`,
    description: 'Uitnodigingen voor vrijwilligerswerk',
    political: false,
    channels: ['EMAIL'],
    scopeUntil: null,
    refreshAfterMonths: null,
    recipients: [],
  });
  await createTextVersion(
    t.kernel,
    actor,
    volunteer.id,
    text('nl', `Ja, ${DEMO_PARTY} mag mij uitnodigen voor vrijwilligerswerk.`, null, 'vrijwilligerswerk'),
  );
  await createTextVersion(
    t.kernel,
    actor,
    volunteer.id,
    text('en', `Yes, ${DEMO_PARTY} may invite me to volunteer.`, null, 'volunteer'),
  );
  const form = await createForm(t.kernel, actor, {
    slug,
    titles: { nl: 'Doe mee met de Polder', en: 'Join the Polder' },
    intros: {
      nl: 'Blijf op de hoogte van de campagne, of help mee.',
      en: 'Stay informed about the campaign, or lend a hand.',
    },
    controllerName: DEMO_PARTY,
    privacyNoticeUrl: 'https://polder.invalid/privacy',
    privacyNoticeText: null,
    serviceName: null,
    servicePurposeId: null,
    items: [
      { purposeIds: [news.id], required: false, defaultChecked: false },
      { purposeIds: [volunteer.id], required: false, defaultChecked: false },
    ],
  });
  await publishForm(t.kernel, actor, form.id);
  return { slug, news: news.id, volunteer: volunteer.id };
}

/** The hidden form token of a rendered form page. */
export function formTokenOf(page: LightMyRequestResponse): string {
  const m = /name="formToken" value="([^"]+)"/.exec(page.body);
  if (!m) throw new Error(`no form token in:\n${page.body.slice(0, 500)}`);
  return m[1]!;
}

export function formBody(fields: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
}

export function post(
  t: TestApp,
  url: string,
  fields: Record<string, string | string[]>,
  opts: { ip?: string; headers?: Record<string, string> } = {},
) {
  return t.app.inject({
    method: 'POST',
    url,
    ...(opts.ip ? { remoteAddress: opts.ip } : {}),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers },
    payload: formBody(fields),
  });
}

export interface OutboxMail {
  id: string;
  kind: string;
  status: string;
  to: string;
  text: string;
}

/** Every outbox mail, oldest first, decrypted through the mailer's repository (as the app reads it). */
export async function outbox(t: TestApp): Promise<OutboxMail[]> {
  const { MailOutboxRepo } = await import('../../src/storage/mail-outbox-repo.js');
  const repo = new MailOutboxRepo(t.kernel.keyring);
  const page = await repo.list(t.kernel.db, { limit: 500 });
  const out: OutboxMail[] = [];
  for (const item of page.items.reverse()) {
    const m = (await repo.get(t.kernel.db, item.id))!;
    out.push({ id: m.id, kind: m.kind, status: m.status, to: m.to, text: m.text });
  }
  return out;
}

/** The path (/f/bevestigen/<token> or /f/intrekken/<token>) of the first such link in a mail text. */
export function linkPath(text: string, kind: 'bevestigen' | 'intrekken'): string {
  const m = new RegExp(`https?://[^\\s/]+(/f/${kind}/[A-Za-z0-9_-]+)`).exec(text);
  if (!m) throw new Error(`no ${kind} link in:\n${text}`);
  return m[1]!;
}

let ipSeq = 0;
/** A fresh client address per call, so the per-IP rate limit only bites where a test asks for it. */
export const nextIp = () => `10.0.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

export async function countSql(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  return (await t.kernel.db.query<{ n: number }>(sql, params)).rows[0]!.n;
}

export function countRows(t: TestApp, table: 'consent_records' | 'mail_outbox'): Promise<number> {
  return countSql(t, `SELECT count(*)::int AS n FROM ${table}`);
}

/** Render the form, let a person's few seconds pass (the test clock), and send it. */
export async function submitForm(
  t: TestApp,
  form: FixtureForm,
  fields: Record<string, string | string[]>,
  opts: { ip?: string; query?: string } = {},
) {
  const page = await t.app.inject({ method: 'GET', url: `/f/${form.slug}${opts.query ?? ''}` });
  expect(page.statusCode, page.body).toBe(200);
  t.clock.advance(FORM_MIN_FILL_MS + 1_000);
  const token = formTokenOf(page);
  const res = await post(
    t,
    `/f/${form.slug}${opts.query ?? ''}`,
    { formToken: token, website: '', ...fields },
    { ip: opts.ip ?? nextIp() },
  );
  return { res, token };
}

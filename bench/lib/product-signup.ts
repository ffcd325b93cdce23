/**
 * The product's public sign-up form as bench/signup-load.ts drives it. Set up through the product's own
 * use cases, as test/public-forms/fixture.ts does: the demo party (loadDemo), one political purpose
 * (explicit consent, R-17) with a Dutch text version, a form with one unticked checkbox, published.
 *
 * Every request carries its own signed form token (`issueFormToken`, the function the form page uses),
 * issued 5 s in the past so it is past the minimum fill time: the token's submission id is the
 * idempotency key, so a reused token would be a cheap "posted twice" instead of a new sign-up. The load
 * therefore runs a fixed number of requests (as many as tokens), sized from the warm-up's rate. The
 * per-IP limit on public POSTs (KIESKLUIS_PUBLIC_FORM_RATE_LIMIT, default 20 a minute) is raised for the
 * run: all load comes from 127.0.0.1. The rate-limit plugin still runs on every request.
 */
import type { Kernel } from '../../src/app/kernel.js';
import type { Actor } from '../../src/domain/access/actor.js';
import { issueFormToken } from '../../src/server/public/form-token.js';
import { createForm } from '../../src/usecases/consent/create-form.js';
import { createPurpose } from '../../src/usecases/consent/create-purpose.js';
import { createTextVersion } from '../../src/usecases/consent/create-text-version.js';
import { publishForm } from '../../src/usecases/consent/publish-form.js';
import { DEMO_PARTY } from '../../src/usecases/demo/demo-data.js';
import { loadDemo } from '../../src/usecases/demo/load-demo.js';
import type { LoadConfig } from './load-client.js';

/** Config overrides for the run (the per-IP limit of the public form, raised for a loopback load test). */
export const SIGNUP_CONFIG_OVERRIDES: Record<string, string> = {
  KIESKLUIS_PUBLIC_FORM_RATE_LIMIT: '1000000',
};

const SLUG = 'doe-mee';

export interface SignupTarget {
  path: string;
  /** SQL counting the rows one sign-up creates (consent records), to check the 2xx count. */
  rowsSql: string;
  describe: Record<string, unknown>;
  /** A load of about `seconds` at `expectedRate` requests/s (null: a fixed warm-up amount). */
  loadConfig(
    seconds: number,
    expectedRate: number | null,
    fields: Record<string, string>,
  ): Omit<LoadConfig, 'connections' | 'startAt'>;
}

export async function prepareSignup(k: Kernel, baseUrl: string): Promise<SignupTarget | null> {
  await loadDemo(k, { persons: 120 });
  const u = (await k.users.findByUsername(k.db, 'beheer'))!;
  const actor: Actor = {
    kind: 'user',
    userId: u.id,
    username: u.username,
    assignments: await k.users.assignments(k.db, u.id),
  };
  const news = await createPurpose(k, actor, {
    name: 'Campagnenieuws',
    description: 'Campagnenieuws per e-mail',
    political: true,
    channels: ['EMAIL'],
    scopeUntil: null,
    refreshAfterMonths: null,
    recipients: [],
  });
  await createTextVersion(k, actor, news.id, {
    language: 'nl',
    controllerName: DEMO_PARTY,
    statement: `Ja, ${DEMO_PARTY} mag vastleggen dat ik de partij steun en mij daarom campagnenieuws per e-mail sturen.`,
    specialCategoryMention: 'dat ik de partij steun',
    purposeMention: 'campagnenieuws per e-mail',
    dataCategories: ['naam', 'e-mailadres'],
    withdrawalInstructions: 'Met de link in elke e-mail, of via privacy@polder.invalid.',
    automatedDecisionNotice: null,
    transferNotice: null,
  });
  const form = await createForm(k, actor, {
    slug: SLUG,
    titles: { nl: 'Doe mee met de Polder' },
    intros: { nl: 'Blijf op de hoogte van de campagne.' },
    controllerName: DEMO_PARTY,
    privacyNoticeUrl: 'https://polder.invalid/privacy',
    privacyNoticeText: null,
    serviceName: null,
    servicePurposeId: null,
    items: [{ purposeIds: [news.id], required: false, defaultChecked: false }],
  });
  await publishForm(k, actor, form.id);

  // The page renders and carries a token: the form is live.
  const page = await fetch(`${baseUrl}/f/${SLUG}`);
  const html = await page.text();
  if (page.status !== 200 || !/name="formToken"/.test(html)) {
    throw new Error(`GET /f/${SLUG}: ${page.status} ${html.slice(0, 300)}`);
  }

  const tokens = (count: number) => {
    const at = new Date(Date.now() - 5_000);
    return Array.from({ length: count }, () => issueFormToken(k.keyring, SLUG, at));
  };
  return {
    path: `/f/${SLUG}`,
    rowsSql: 'SELECT count(*)::int AS n FROM consent_records',
    describe: { slug: SLUG, purposes: 1, political: true, mail: 'outbox (no SMTP_URL)' },
    loadConfig(seconds, expectedRate, fields) {
      const amount = expectedRate === null ? 2_000 : Math.max(1_000, Math.ceil(expectedRate * seconds));
      return {
        url: baseUrl,
        path: `/f/${SLUG}`,
        amount,
        fields: { ...fields, website: '', purpose: news.id },
        tokens: tokens(amount),
        tokenField: 'formToken',
      };
    },
  };
}

/**
 * The demo's consent set-up on both engines: its form passes its own publish checks, and the demo
 * persons' consents show each status the consent screens explain (valid, onbevestigd, pending,
 * withdrawn with its suppression entry).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentGroundFacts } from '../../src/usecases/consent/consent-ground-facts.js';
import { getPublicForm } from '../../src/usecases/consent/get-public-form.js';
import { DEMO_FORM_SLUG, loadDemoConsent } from '../../src/usecases/demo/demo-consent.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import { demoPersonIds } from './fixture.js';

describe.each(engines())('demo consent on %s', (engine) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(engine);
    const loaded = await t.kernel.db.query('SELECT 1 FROM consent_forms WHERE slug = $1', [DEMO_FORM_SLUG]);
    if (loaded.rows.length === 0) {
      // Until the demo loader calls it: load it on its own, as the demo does, in one transaction.
      const personIds = await demoPersonIds(t, 40);
      await t.kernel.db.transaction((tx) =>
        loadDemoConsent(t.kernel, tx, {
          now: t.clock.now(),
          personIds: personIds.slice(30),
          adminUserId: null,
        }),
      );
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the form "aanmelden" is published with four purposes, in Dutch and English', async () => {
    const nl = await getPublicForm(t.kernel, DEMO_FORM_SLUG, 'nl');
    expect(nl.purposes).toHaveLength(4);
    expect(nl.purposes.map((p) => p.label).join(' ')).toContain('Voorbeeldplatform Advertenties');
    expect((await getPublicForm(t.kernel, DEMO_FORM_SLUG, 'en')).language).toBe('en');
  });

  it('the demo consents show valid, onbevestigd, pending and withdrawn, with a suppression entry', async () => {
    const { rows } = await t.kernel.db.query<{ person_id: string }>(
      'SELECT DISTINCT person_id FROM consent_records',
    );
    const facts = [
      ...(
        await consentGroundFacts(
          t.kernel,
          t.kernel.db,
          rows.map((r) => r.person_id),
          t.clock.now(),
        )
      ).values(),
    ].flat();
    const statuses = new Set(facts.map((f) => f.status));
    for (const s of ['valid', 'pending_confirmation', 'withdrawn'] as const) expect(statuses).toContain(s);
    expect(facts.some((f) => f.status === 'valid' && f.explicit)).toBe(true);
    const { rows: sup } = await t.kernel.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM suppression WHERE reason = 'CONSENT_WITHDRAWN'`,
    );
    expect(sup[0]!.n).toBeGreaterThan(0);
  });
});

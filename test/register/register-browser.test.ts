/**
 * The register screens in Chromium against the real server (needs the built web app, like test/browser):
 * search, the person page with its tabs (ground badge, evidence, consents, provenance, history), the
 * new-person form with a field error named by the server, the political-write refusal shown to the user,
 * and axe-core (WCAG 2.1 A/AA) on each of these views.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/server/web.js';
import {
  launchBrowser,
  logInThroughUi,
  pageForDescribe,
  type RunningApp,
  startListeningApp,
  visible,
} from '../browser/support.js';

const AXE_SOURCE = readFileSync(path.join(repoRoot(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: unknown,
          ): Promise<{ violations: { id: string; help: string; nodes: { html: string }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map(
      (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`,
    );
  });
  expect(violations, where).toEqual([]);
}

/**
 * The built app (dist/web) must contain these screens: `npm test` builds first. A stale build from before
 * them (a developer's checkout) skips this file instead of failing on screens it does not have yet.
 */
function builtWithRegisterScreens(): boolean {
  const assets = path.join(repoRoot(), 'dist', 'web', 'assets');
  if (!existsSync(assets)) return false;
  return readdirSync(assets).some(
    (f) => f.endsWith('.js') && readFileSync(path.join(assets, f), 'utf8').includes('Grondslag en bewijs'),
  );
}

let running: RunningApp;
let browser: Browser;

describe.skipIf(!builtWithRegisterScreens())('register screens (Chromium, real server)', () => {
  beforeAll(async () => {
    running = await startListeningApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.t.close();
  });

  let page: Page;
  pageForDescribe(
    () => browser,
    () => running.origin,
    (p) => {
      page = p;
    },
  );

  it('search by postcode digits, open a person: ground badge, tabs, provenance; no axe violations', async () => {
    await page.goto('/personen');
    await logInThroughUi(page, running.t, 'beheer');
    await visible(page.getByRole('heading', { level: 1, name: 'Personen', exact: true }));
    await expectNoAxeViolations(page, 'search page');
    // Search for the postcode digits of the first person in the list.
    const table = await visible(page.getByRole('table', { name: 'Personen binnen jouw bereik' }));
    const postcode = (await table.locator('tbody tr').first().locator('td').nth(2).textContent())!.trim();
    await page.getByRole('textbox', { name: 'Zoeken' }).fill(postcode.slice(0, 4));
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await visible(page.getByText('Gezocht op postcodegebied'));
    const first = table.locator('tbody tr').first().getByRole('link');
    const name = (await first.textContent())!.trim();
    await first.click();
    await visible(page.getByRole('heading', { level: 1, name }));
    await visible(page.getByText(/art\. 9\(2\)|Geen grondslag/).first());
    await visible(page.getByRole('heading', { name: 'Herkomst' }));
    await expectNoAxeViolations(page, 'person page: details');
    await page.getByRole('tab', { name: 'Grondslag en bewijs' }).click();
    await visible(page.getByRole('heading', { name: 'Grondslag (art. 9 AVG)' }));
    await visible(page.getByRole('heading', { name: 'Toestemmingen' }));
    // the public-evidence form offers active acts only, never likes or follows.
    await page.getByRole('button', { name: 'Uiting vastleggen' }).click();
    const acts = await page
      .getByRole('combobox', { name: 'Soort handeling' })
      .locator('option')
      .allTextContents();
    expect(acts).toEqual([
      'Openbare uitspraak onder eigen naam',
      'Kandidaatstelling',
      'Openbaar ambt',
      'Gepubliceerd artikel',
      'Anders, gedocumenteerd',
    ]);
    await expectNoAxeViolations(page, 'person page: ground and evidence');
    await page.getByRole('tab', { name: 'Kenmerken en notities' }).click();
    await visible(page.getByRole('heading', { name: 'Kenmerken, labels en notities' }));
    await expectNoAxeViolations(page, 'person page: attributes');
    await page.getByRole('tab', { name: 'Geschiedenis' }).click();
    await visible(page.getByRole('table', { name: 'Geschiedenis' }));
    await expectNoAxeViolations(page, 'person page: history');
  });

  it('a former member, a regular contact and a person with a public statement: badge, caution, evidence; no axe violations', async () => {
    const db = running.t.kernel.db;
    const one = async (sql: string) => (await db.query<{ id: string }>(sql)).rows[0]!.id;
    const cases = [
      [
        'former member',
        await one('SELECT person_id::text AS id FROM memberships WHERE until_enc IS NOT NULL LIMIT 1'),
      ],
      ['regular contact', await one('SELECT person_id::text AS id FROM regular_contact_evidence LIMIT 1')],
      ['public statement', await one('SELECT person_id::text AS id FROM public_evidence LIMIT 1')],
    ] as const;
    for (const [what, id] of cases) {
      await page.goto(`/personen/${id}`);
      await visible(page.getByRole('heading', { name: 'Herkomst' }));
      await expectNoAxeViolations(page, `${what}: details`);
      await page.getByRole('tab', { name: 'Grondslag en bewijs' }).click();
      await visible(page.getByRole('heading', { name: 'Grondslag (art. 9 AVG)' }));
      await expectNoAxeViolations(page, `${what}: ground and evidence`);
    }
    await visible(page.getByText('Zelf openbaar gemaakt · art. 9(2)(e)').first());
  });

  it('new person: the server names the bad postcode; a valid person holds no ground and a political tag is refused', async () => {
    await page.goto('/personen/nieuw');
    await visible(page.getByRole('heading', { level: 1, name: 'Nieuwe persoon' }));
    await page.getByRole('textbox', { name: 'Voornaam' }).fill('Browser');
    await page.getByRole('textbox', { name: 'Achternaam' }).fill('Proefpersoon');
    await page.getByRole('textbox', { name: 'Postcode' }).fill('1234 SS');
    await page.getByRole('button', { name: 'Persoon opslaan' }).click();
    await visible(page.getByText('De lettercombinaties SS, SA en SD komen in postcodes niet voor.'));
    await expectNoAxeViolations(page, 'new person form with a field error');
    await page.getByRole('textbox', { name: 'Postcode' }).fill('1017 XQ');
    await page.getByRole('button', { name: 'Persoon opslaan' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Browser Proefpersoon' }));
    await visible(page.getByText('Geen grondslag: geen politieke gegevens'));
    await page.getByRole('tab', { name: 'Kenmerken en notities' }).click();
    await page.getByRole('button', { name: 'Kenmerk, label of notitie toevoegen' }).click();
    await page.getByRole('combobox', { name: 'Soort' }).selectOption('vrijwilliger');
    await expectNoAxeViolations(page, 'attribute form');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const alert = await visible(page.getByRole('alert'));
    expect(await alert.textContent()).toContain('NO_EXPLICIT_CONSENT');
  });
});

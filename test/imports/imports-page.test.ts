/**
 * The Importeren page in Chromium against the real server (C3): the secretariat records a dataset, sees a
 * scraped dataset refused with its reasons in plain words, uploads a CSV, checks the column mapping with
 * the field classes, starts the import, follows the progress to the result with the counts and the row
 * report. The page passes axe (WCAG 2.1 A/AA), has one h1, and requests nothing from another origin.
 *
 * The web app must be built first (`npm run build`).
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/server/web.js';
import {
  assertWebBuilt,
  launchBrowser,
  logInThroughUi,
  newContext,
  screenshot,
  UI_TIMEOUT,
  visible,
} from '../browser/support.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { csv, person } from './support.js';

const AXE_SOURCE = readFileSync(path.join(repoRoot(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<{ id: string; nodes: unknown[] }[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(d: Document, o: unknown): Promise<{ violations: [] }> } })
      .axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v: { id: string; nodes: { html: string }[] }) => ({
      id: v.id,
      nodes: v.nodes.map((n) => n.html.slice(0, 200)),
    }));
  });
}

describe('the Importeren page', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    assertWebBuilt();
    t = await startTestApp('pglite');
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('dataset, refusal in plain words, upload, mapping, progress, result', async () => {
    const context = await newContext(browser, origin);
    const requested: string[] = [];
    context.on('request', (r) => requested.push(r.url()));
    const page = await context.newPage();
    await page.goto('/');
    await logInThroughUi(page, t, 'beheer');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Importeren' })
      .click();
    await visible(page.getByRole('heading', { level: 1, name: 'Importeren', exact: true }));

    // A scraped dataset is refused, with the reason in plain words.
    await page.getByRole('button', { name: 'Nieuwe dataset vastleggen' }).click();
    await page.getByRole('textbox', { name: 'Naam van de dataset' }).fill('Profielen van sociale media');
    await page.getByRole('combobox', { name: 'Herkomst' }).selectOption('SCRAPED');
    await page.getByRole('button', { name: 'Dataset vastleggen', exact: true }).click();
    await visible(page.getByText('Deze dataset is geweigerd'));
    await visible(page.getByText(/Gescrapete gegevens mogen niet worden gebruikt/));

    // The member administration is accepted and chosen.
    await page.getByRole('textbox', { name: 'Naam van de dataset' }).fill('Ledenadministratie (fictief)');
    await page.getByRole('combobox', { name: 'Herkomst' }).selectOption('MEMBER_ADMIN');
    await page.getByRole('button', { name: 'Dataset vastleggen', exact: true }).click();
    await visible(page.getByRole('heading', { level: 2, name: '2. Kies het bestand' }));

    const file = csv([person(1, { voornaam: 'Émile' }), person(2), person(3, { 'e-mail': 'geen-adres' })], {
      header: [
        'voornaam',
        'tussenvoegsel',
        'achternaam',
        'e-mail',
        'telefoon',
        'postcode',
        'huisnummer',
        'plaats',
        'geboortedatum',
        'lid sinds',
      ],
    });
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'leden.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: 'Uploaden en bekijken' }).click();

    await visible(page.getByRole('heading', { level: 2, name: '3. Koppel de kolommen' }));
    const table = await visible(page.getByRole('table', { name: 'De eerste rijen van het bestand' }));
    await visible(table.getByText('Émile'));
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Veld voor kolom lid sinds' }).inputValue())
      .toBe('memberSince');
    await visible(table.getByText('politiek').first());
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await screenshot(page, 'imports-mapping', { fullPage: true });
    const violations = await axeViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);

    await page.getByRole('button', { name: 'Import starten' }).click();
    await visible(page.getByRole('heading', { level: 2, name: '4. Import' }));
    const counts = await visible(page.getByRole('table', { name: 'Resultaat van de import' }));
    await page
      .getByText('Rijenrapport downloaden (CSV)')
      .waitFor({ state: 'visible', timeout: UI_TIMEOUT * 4 });
    await visible(counts.getByRole('row', { name: /Nieuw opgenomen\s+2/ }));
    await visible(counts.getByRole('row', { name: /Afgekeurd\s+1/ }));
    await screenshot(page, 'imports', { fullPage: true });
    const after = await axeViolations(page);
    expect(after, JSON.stringify(after, null, 2)).toEqual([]);

    const foreign = requested.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    await context.close();
  }, 240_000);
});

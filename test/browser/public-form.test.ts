/**
 * The public consent form in Chromium against the real server (R-13…R-19, R-67): axe-core (WCAG 2.1 A/AA)
 * finds nothing on the form, its error state, the "check your mail" page, the confirm step, the receipt
 * and the withdrawal page; a keyboard-only user ticks a purpose and sends the form; and no request of the
 * whole session goes to another origin.
 *
 * The public pages are rendered by the server, so this file does not need the built web app.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_MIN_FILL_MS } from '../../src/server/public/form-token.js';
import { repoRoot } from '../../src/server/web.js';
import { type FixtureForm, linkPath, outbox, publishFixtureForm } from '../public-forms/fixture.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { launchBrowser, newContext, screenshot, visible } from './support.js';

const AXE_SOURCE = readFileSync(path.join(repoRoot(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

/** axe on the whole document, injected driver-side (the page's CSP allows no inline script). */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, opts: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  }, WCAG_TAGS);
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  const report = violations
    .map(
      (v) =>
        `● ${v.id} [${v.impact}] ${v.help}\n${v.nodes.map((n) => `  - ${n.html}\n    ${n.failureSummary ?? ''}`).join('\n')}`,
    )
    .join('\n');
  expect(violations, `${where}:\n${report}`).toEqual([]);
}

/** Presses Tab until the focused element satisfies `test` (at most 40 times); fails otherwise. */
async function tabUntil(page: Page, what: string, test: () => boolean): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(test)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

const focusedId = (id: string) =>
  new Function(`return document.activeElement?.id === ${JSON.stringify(id)};`) as () => boolean;

let t: TestApp;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let form: FixtureForm;
const requested: string[] = [];

beforeAll(async () => {
  t = await startTestApp('pglite');
  form = await publishFixtureForm(t);
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
  context = await newContext(browser, origin);
  context.on('request', (r) => requested.push(r.url()));
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await t?.close();
});

describe('public consent form in Chromium', () => {
  it('the form has no axe violations (Dutch and English)', async () => {
    await page.goto(`/f/${form.slug}?lang=en`);
    await visible(page.getByRole('heading', { level: 1, name: 'Join the Polder' }));
    await expectNoViolations(page, 'form (en)');
    await page.goto(`/f/${form.slug}`);
    await visible(page.getByRole('heading', { level: 1, name: 'Doe mee met de Polder' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await expectNoViolations(page, 'form (nl)');
    await screenshot(page, 'public-form', { fullPage: true });
  });

  it('the error state: the summary links to the fields and has no axe violations', async () => {
    await page.goto(`/f/${form.slug}`);
    t.clock.advance(FORM_MIN_FILL_MS + 1_000);
    await page.getByLabel(/^Voornaam/).fill('Anna');
    await page
      .getByLabel(/^E-mailadres/)
      .first()
      .fill('anna@@voorbeeld');
    await page.getByRole('button', { name: 'Versturen' }).click();
    const summary = await visible(page.getByRole('alert'));
    expect(await summary.textContent()).toContain('Vul een geldig e-mailadres in');
    // The summary has focus, and its link takes the user to the field.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    await summary.getByRole('link', { name: /geldig e-mailadres/ }).click();
    expect(page.url()).toContain('#f-email');
    expect(
      await page
        .getByLabel(/^E-mailadres/)
        .first()
        .getAttribute('aria-invalid'),
    ).toBe('true');
    await expectNoViolations(page, 'form with errors (nl)');
    await screenshot(page, 'public-form-errors', { fullPage: true });
  });

  it('a keyboard-only user fills the form, ticks one purpose with the space bar and sends it', async () => {
    await page.goto(`/f/${form.slug}`);
    await visible(page.getByRole('heading', { level: 1, name: 'Doe mee met de Polder' }));
    t.clock.advance(FORM_MIN_FILL_MS + 1_000);
    await tabUntil(page, 'first name', focusedId('f-firstName'));
    await page.keyboard.type('Kees');
    await tabUntil(page, 'e-mail', focusedId('f-email'));
    await page.keyboard.type('kees.toetsenbord@example.invalid');
    await tabUntil(page, 'the first purpose', focusedId('p-0'));
    await page.keyboard.press('Space');
    expect(await page.locator('#p-0').isChecked()).toBe(true);
    expect(await page.locator('#p-1').isChecked()).toBe(false);
    await tabUntil(page, 'the send button', () => document.activeElement?.tagName === 'BUTTON');
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { level: 1, name: 'Bijna klaar: kijk in je mail' }));
    await expectNoViolations(page, 'thank-you page (nl)');
    const mails = (await outbox(t)).filter((m) => m.to === 'kees.toetsenbord@example.invalid');
    expect(mails).toHaveLength(1);
  });

  it('confirm step, receipt and withdrawal pages have no axe violations', async () => {
    const mail = (await outbox(t)).find((m) => m.to === 'kees.toetsenbord@example.invalid')!;
    await page.goto(linkPath(mail.text, 'bevestigen'));
    await expectNoViolations(page, 'confirm step (nl)');
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Bedankt: je toestemming is bevestigd' }));
    await expectNoViolations(page, 'receipt (nl)');
    await page.getByRole('link', { name: 'Trek je toestemming hier in' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Toestemming intrekken' }));
    await expectNoViolations(page, 'withdrawal page (nl)');
    await screenshot(page, 'public-form-withdraw', { fullPage: true });
    await page
      .getByRole('button', { name: /^Intrekken/ })
      .first()
      .click();
    await visible(page.getByRole('heading', { level: 1, name: 'Je toestemming is ingetrokken' }));
    await expectNoViolations(page, 'withdrawn page (nl)');
  });

  it('the embed variant has no axe violations', async () => {
    await page.goto(`/f/${form.slug}?embed=1`);
    await visible(page.getByRole('heading', { level: 1, name: 'Doe mee met de Polder' }));
    await expectNoViolations(page, 'embed (nl)');
  });

  it('no request of the whole session went to another origin', () => {
    expect(requested.length).toBeGreaterThan(0);
    const foreign = requested.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
  });
});

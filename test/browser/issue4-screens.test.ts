/**
 * The issue-4 screens in Chromium against the real server (PGlite, demo party): /doelgroepen (lijsten,
 * campagnes, exports) as beheer, and /verantwoording (toetsen, verwerkingen, ontvangers) as the FG and as
 * the campaign lead. Every tab: no axe violation (WCAG 2.1 A/AA), real content from the demo data, and
 * at the end not one request to another origin in the whole session.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './axe.js';
import {
  demoLogin,
  freshCode,
  launchBrowser,
  logInThroughUi,
  newContext,
  type RunningApp,
  startListeningApp,
  submitPassword,
  visible,
} from './support.js';

let running: RunningApp;
let browser: Browser;
const requested: string[] = [];

beforeAll(async () => {
  running = await startListeningApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await running?.t.close();
});

/** A fresh context whose every request (page, workers, popups, and what the network saw) is recorded. */
async function recordedContext(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, running.origin);
  context.on('request', (r) => requested.push(r.url()));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (e) => requested.push(e.request.url));
  await cdp.send('Network.enable');
  return { context, page };
}

/** Opens a tab of the current page by its Dutch name and waits until it is selected. */
async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
}

/** The document is not wider than the window (no table or form pushing the page sideways). */
async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, 'page wider than the window').toBeLessThanOrEqual(client);
}

describe('/doelgroepen as beheer', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await recordedContext());
    await page.goto('/');
    await logInThroughUi(page, running.t, 'beheer');
  });
  afterAll(async () => {
    await context?.close();
  });

  it('lijsten: the demo audiences; evaluating one shows who is in and who is out, with a Dutch reason', async () => {
    await page.goto('/doelgroepen');
    await visible(page.getByRole('heading', { level: 1, name: 'Doelgroepen', exact: true }));
    const table = await visible(page.getByRole('table').first());
    await visible(table.getByRole('cell', { name: 'Alle leden (ledennieuwsbrief)', exact: true }));
    await visible(table.getByRole('cell', { name: 'Utrecht: geen lid', exact: true }));
    await expectNoAxeViolations(page, 'doelgroepen / lijsten');

    await page.getByRole('button', { name: 'Doelgroep Utrecht: geen lid openen' }).click();
    const detail = await visible(page.getByRole('region', { name: 'Utrecht: geen lid' }));
    // The criteria in words, with the branch's name rather than an id or a count.
    await visible(detail.getByText(/afdeling Utrecht; lidmaatschap: geen lid/));
    await detail.getByRole('button', { name: 'Evalueren', exact: true }).click();
    const outcome = await visible(detail.getByRole('region', { name: 'Uitkomst van de toets' }));
    await visible(outcome.getByText(/^\d+ (persoon mag|personen mogen) worden benaderd$/));
    await visible(outcome.getByText(/^\d+ (persoon|personen) uitgesloten$/));
    const reasons = await visible(outcome.getByRole('table'));
    // A reason in plain Dutch next to its code, e.g. "… toestemming … (NO_EXPLICIT_CONSENT)".
    const first = (await reasons.locator('tbody tr').first().locator('td').first().textContent()) ?? '';
    expect(first).toMatch(/^.{20,} \([A-Z_]+\)$/);
    expect(first).toMatch(/\b(de|het|een|is|mag|nodig)\b/);
    await expectNoAxeViolations(page, 'doelgroepen / lijsten, evaluated');

    // Who is out for that reason: the modal's title names the reason in words, not its code.
    await reasons.getByRole('button').first().click();
    const dialog = await visible(page.getByRole('dialog'));
    const title = (await dialog.getByRole('heading').first().textContent()) ?? '';
    expect(title).toMatch(/^Wie is uitgesloten: .{20,}/);
    expect(title).not.toMatch(/[A-Z]+_[A-Z]+/);
    await visible(dialog.locator('tbody tr').first());
    await expectNoAxeViolations(page, 'doelgroepen / wie is uitgesloten');
    await dialog.getByRole('button', { name: 'Sluiten' }).last().click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('campagnes: the campaigns and templates sections, with their empty states', async () => {
    await openTab(page, 'Campagnes');
    expect(new URL(page.url()).pathname).toBe('/doelgroepen/campagnes');
    await visible(page.getByRole('heading', { name: 'Campagnes', exact: true }));
    await visible(page.getByRole('button', { name: 'Nieuwe campagne' }));
    await visible(page.getByRole('heading', { name: 'Sjablonen', exact: true }));
    await expectNoAxeViolations(page, 'doelgroepen / campagnes');
  });

  it('exports: a CSV export of the Amsterdam audience to the mail processor is assessed and made', async () => {
    await openTab(page, 'Exports en platforms');
    expect(new URL(page.url()).pathname).toBe('/doelgroepen/exports');
    await visible(page.getByRole('heading', { name: 'Exports en platformdoelgroepen' }));
    await visible(page.getByText(/Je hebt nog geen exports of platformlijsten gemaakt/));
    await expectNoAxeViolations(page, 'doelgroepen / exports');

    const form = page.getByRole('form', { name: 'Nieuwe export of platformlijst' });
    await form.getByLabel(/^Doelgroep/).click();
    await page.getByRole('option', { name: /^Amsterdam: toestemming voor campagnemails/ }).click();
    await form.getByRole('button', { name: 'Beoordelen en maken' }).click();
    const decision = await visible(form.getByRole('status'));
    expect(await decision.textContent()).toMatch(/Gemaakt: \d+ (persoon|personen) in het bestand\./);
    // The export is listed with a download link named by its date.
    await visible(page.getByRole('link', { name: /^Bestand van .+ downloaden$/ }));
    await expectNoAxeViolations(page, 'doelgroepen / exports, after an export');
  });

  it('a phone-sized screen: the audiences list fits without pushing the page sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openTab(page, 'Doelgroepen');
    await visible(page.getByRole('cell', { name: 'Alle leden (ledennieuwsbrief)', exact: true }));
    await expectNoHorizontalOverflow(page);
    await expectNoAxeViolations(page, 'doelgroepen / lijsten (390 px)');
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});

describe('/verantwoording as the FG', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await recordedContext());
    await page.goto('/');
    await logInThroughUi(page, running.t, 'fg');
  });
  afterAll(async () => {
    await context?.close();
  });

  it('toetsen: "lid, e-mail, binnen de partij" is allowed, on art 9(2)(d), with its obligations', async () => {
    await page.goto('/verantwoording');
    await visible(page.getByRole('heading', { level: 1, name: 'Verantwoording', exact: true }));
    const form = await visible(page.getByRole('form', { name: 'Wat wil je doen?' }));
    expect(await form.getByRole('radio', { name: 'Lid', exact: true }).isChecked()).toBe(true);
    expect(await form.getByRole('radio', { name: 'Een bericht sturen' }).isChecked()).toBe(true);
    expect(await form.getByRole('radio', { name: 'Blijft binnen de partij' }).isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'verantwoording / toetsen');

    await form.getByRole('button', { name: 'Toets', exact: true }).click();
    const result = await visible(page.getByRole('region', { name: 'Uitkomst' }));
    const status = await visible(result.getByRole('status'));
    expect(await status.textContent()).toContain('Toegestaan');
    expect(await status.textContent()).toContain(
      'leden en vaste contacten van de partij (art. 9 lid 2 sub d)',
    );
    await visible(result.getByRole('heading', { name: 'Verplichtingen' }));
    await visible(result.getByText('OBJECTION_NOTICE', { exact: true }));
    await expectNoAxeViolations(page, 'verantwoording / toetsen, with a decision');
  });

  it('verwerkingen: the member channels and the register with the demo member newsletter', async () => {
    await openTab(page, 'Verwerkingen');
    const channels = await visible(
      page.getByRole('region', { name: 'Leden benaderen op grond van het lidmaatschap' }),
    );
    expect(await channels.getByRole('checkbox', { name: 'E-mail' }).isChecked()).toBe(true);
    await visible(channels.getByText(/^Laatst vastgelegd op \d{1,2} \w+\.? \d{4}/));
    const register = await visible(page.getByRole('table', { name: 'Vastgelegde verwerkingen' }));
    const row = register.getByRole('row').filter({ hasText: 'Ledennieuwsbrief per e-mail' });
    await visible(row);
    expect(await row.textContent()).toContain('Communicatie aan leden (TTPA art. 18 lid 3)');
    expect(await row.textContent()).toContain('Mailverwerker Posthoorn B.V. (fictief)');
    await visible(page.getByRole('button', { name: 'Verwerking Ledennieuwsbrief per e-mail wijzigen' }));
    await expectNoAxeViolations(page, 'verantwoording / verwerkingen');
  });

  it('ontvangers: the approvals queue, and the recipients with what they still lack', async () => {
    await openTab(page, 'Ontvangers');
    await visible(page.getByRole('heading', { name: 'Exports die op goedkeuring wachten' }));
    await visible(page.getByText('Er wacht niets op goedkeuring.'));
    const table = await visible(page.getByRole('table', { name: 'Vastgelegde ontvangers' }));
    const platform = table.getByRole('row').filter({ hasText: 'Voorbeeldplatform' });
    await visible(platform.getByText('Ontbreekt: regeling gezamenlijke verantwoordelijkheid (art. 26)'));
    const processor = table.getByRole('row').filter({ hasText: 'Mailverwerker Posthoorn' });
    expect(await processor.getByText(/^Ontbreekt:/).count()).toBe(0);
    await expectNoAxeViolations(page, 'verantwoording / ontvangers');
  });
});

describe('/verantwoording as the campaign lead (first login with TOTP enrolment)', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ context, page } = await recordedContext());
    const lead = demoLogin(running.t, 'campagne');
    await page.goto('/');
    await visible(page.getByRole('heading', { level: 1, name: 'Inloggen', exact: true }));
    await submitPassword(page, lead.username, lead.password);
    await visible(page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }));
    // The enrolment secret is final once the page has settled. On a loaded machine a code can land on
    // the far side of a 30-second step; if the shell does not follow, the secret is read off the page
    // again and a code of the next step entered, once, as a person would.
    await page.waitForLoadState('networkidle');
    const shell = page.getByRole('navigation', { name: 'Hoofdmenu' });
    for (let attempt = 1; attempt <= 2; attempt++) {
      const uri = (await visible(page.getByText(/^otpauth:\/\/totp\//))).textContent();
      const secret = new URL(((await uri) ?? '').trim()).searchParams.get('secret');
      if (!secret) throw new Error('no TOTP secret on the enrolment page');
      await page.getByLabel(/Code uit je authenticator-app/).fill(freshCode(secret));
      await page.getByRole('button', { name: 'Instellen en inloggen' }).click();
      const shown = await shell.waitFor({ state: 'visible', timeout: 15_000 }).then(
        () => true,
        () => false,
      );
      if (shown) break;
    }
    await visible(shell);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('toetsen: a custom audience on a platform without the arrangements is refused, with every reason', async () => {
    await page.goto('/verantwoording');
    const form = await visible(page.getByRole('form', { name: 'Wat wil je doen?' }));
    await form.getByRole('radio', { name: /^Een custom audience/ }).check();
    await form.getByRole('radio', { name: 'Advertentieplatform of sociaal netwerk' }).check();
    await form.getByRole('button', { name: 'Toets', exact: true }).click();
    const result = await visible(page.getByRole('region', { name: 'Uitkomst' }));
    expect(await (await visible(result.getByRole('status'))).textContent()).toContain('Niet toegestaan');
    await visible(result.getByRole('heading', { name: 'Redenen' }));
    // Every reason, each with its message and its code (a refusal names more than one here).
    const codes = await result.getByText(/^[A-Z][A-Z0-9_]+$/).allTextContents();
    expect(codes.length, codes.join(', ')).toBeGreaterThanOrEqual(2);
    await expectNoAxeViolations(page, 'verantwoording / toetsen as campaign lead');
  });

  it('verwerkingen and ontvangers: may edit the register, but sees no approvals queue', async () => {
    await openTab(page, 'Verwerkingen');
    await visible(page.getByRole('table', { name: 'Vastgelegde verwerkingen' }));
    await visible(page.getByRole('heading', { name: 'Verwerking toevoegen' }));
    await expectNoAxeViolations(page, 'verantwoording / verwerkingen as campaign lead');

    await openTab(page, 'Ontvangers');
    await visible(page.getByRole('table', { name: 'Vastgelegde ontvangers' }));
    await visible(page.getByRole('heading', { name: 'Ontvanger toevoegen' }));
    expect(await page.getByRole('heading', { name: 'Exports die op goedkeuring wachten' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'verantwoording / ontvangers as campaign lead');
  });
});

describe('no third parties', () => {
  it('every request of the three sessions went to the app itself', () => {
    expect(requested.length).toBeGreaterThan(20);
    const foreign = requested.filter((u) => !u.startsWith('data:') && new URL(u).origin !== running.origin);
    expect(foreign, `requests to other origins:\n${foreign.join('\n')}`).toEqual([]);
    expect(requested.some((u) => new URL(u).pathname.startsWith('/api/v1/audiences'))).toBe(true);
    expect(requested.some((u) => new URL(u).pathname === '/api/v1/assessments')).toBe(true);
  });
});

/**
 * A person's path through the web app in a real browser against the real server: the Dutch login page,
 * a wrong password, password + TOTP, the shell with the Personen list, English, the mobile menu, logout;
 * and a volunteer's first login with TOTP enrolment who sees only the persons in postcodes 1000–1019.
 * Screenshots of the key steps go to test-results/browser/ (gitignored).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode, totpStep } from '../../src/storage/crypto/totp.js';
import {
  demoLogin,
  freshCode,
  launchBrowser,
  newContext,
  pageForDescribe,
  type RunningApp,
  screenshot,
  startListeningApp,
  submitPassword,
  visible,
} from './support.js';

let running: RunningApp;
let browser: Browser;

beforeAll(async () => {
  running = await startListeningApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await running?.t.close();
});

/** The visible rows of the persons table as { name, branch, postcode }. */
async function personRows(page: Page, caption: string) {
  const table = await visible(page.getByRole('table', { name: caption }));
  await visible(table.locator('tbody tr').first());
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
      return { name: cells[0] ?? '', branch: cells[1] ?? '', postcode: cells[2] ?? '' };
    }),
  );
}

async function navNames(page: Page, navLabel: string): Promise<string[]> {
  const nav = await visible(page.getByRole('navigation', { name: navLabel }));
  return (await nav.getByRole('link').allTextContents()).map((s) => s.trim());
}

describe('login flow (Chromium, real server)', () => {
  let context: BrowserContext;

  afterAll(async () => {
    await context?.close();
  });

  it('beheer: Dutch login page, wrong password, password + TOTP, shell, English, mobile menu, logout', async () => {
    const { t, origin } = running;
    const beheer = demoLogin(t, 'beheer');
    context = await newContext(browser, origin);
    const page = await context.newPage();

    // 1. The login page, in Dutch.
    await page.goto('/');
    await visible(page.getByRole('heading', { level: 1, name: 'Inloggen', exact: true }));
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.title()).toBe('Inloggen · Kieskluis');
    await visible(page.getByRole('textbox', { name: 'Gebruikersnaam', exact: true }));
    await visible(page.getByRole('textbox', { name: 'Wachtwoord', exact: true }));
    await screenshot(page, '01-login-nl');

    // 2. A wrong password: the server's Dutch message, and the password field is emptied.
    await submitPassword(page, beheer.username, `${beheer.password}-wrong`);
    const alert = await visible(page.getByRole('alert'));
    expect(await alert.textContent()).toContain('Gebruikersnaam of wachtwoord klopt niet.');
    expect(await alert.textContent()).toContain('INVALID_CREDENTIALS');
    expect(await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).inputValue()).toBe('');
    await screenshot(page, '02-login-wrong-password');

    // 3. The right password: the TOTP step.
    await submitPassword(page, beheer.username, beheer.password);
    await visible(page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie', exact: true }));
    const codeField = page.getByLabel(/Code uit je authenticator-app/);
    await visible(codeField);
    await screenshot(page, '03-mfa-verify');
    await codeField.fill(freshCode(beheer.totpSecret!));
    await page.getByRole('button', { name: 'Bevestigen' }).click();

    // 4. The shell: name, navigation from the server's `areas`, the Personen page with rows.
    const nav = await navNames(page, 'Hoofdmenu');
    const session = (await page.evaluate(() => fetch('/api/v1/auth/session').then((r) => r.json()))) as {
      stage: string;
      user: { displayName: string; areas: string[] };
    };
    expect(session.stage).toBe('active');
    const dutchAreaNames: Record<string, string> = {
      personen: 'Personen',
      importeren: 'Importeren',
      toestemming: 'Toestemming',
      doelgroepen: 'Doelgroepen',
      rechten: 'Rechten',
      verantwoording: 'Verantwoording',
      websites: 'Websites',
      instellingen: 'Instellingen',
    };
    expect(nav).toEqual(session.user.areas.map((a) => dutchAreaNames[a] ?? a));
    expect(nav).toEqual(expect.arrayContaining(['Personen', 'Instellingen']));
    await visible(
      page.getByRole('banner').getByText('Ingelogd als Bep Beheer (secretariaat)', { exact: true }),
    );
    await visible(page.getByRole('heading', { level: 1, name: 'Personen', exact: true }));
    expect(new URL(page.url()).pathname).toBe('/personen');
    expect(
      await page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Personen' })
        .getAttribute('aria-current'),
    ).toBe('page');
    const firstPage = await personRows(page, 'Personen binnen jouw bereik');
    expect(firstPage.length).toBe(50);
    for (const row of firstPage) {
      expect(row.name).not.toBe('');
      expect(row.postcode).toMatch(/^[1-9]\d{3} [A-Z]{2}$/);
    }
    await visible(page.getByText('50 personen getoond'));
    await screenshot(page, '04-shell-personen-nl', { fullPage: true });

    // The admin sees the whole demo party (120 persons): load the remaining pages.
    await page.getByRole('button', { name: 'Meer laden' }).click();
    await visible(page.getByText('100 personen getoond'));
    await page.getByRole('button', { name: 'Meer laden' }).click();
    await visible(page.getByText('120 personen getoond'));
    expect(await page.getByRole('button', { name: 'Meer laden' }).count()).toBe(0);

    // 5. English: the navigation, headings and the document language follow; the choice is saved.
    await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
    await visible(
      page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'People', exact: true }),
    );
    await visible(page.getByRole('heading', { level: 1, name: 'People', exact: true }));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await visible(page.getByRole('button', { name: 'Sign out' }));
    await screenshot(page, '05-shell-personen-en');
    // The server stores the preference too (PUT /me/locale), so it follows the user to another browser.
    await expect
      .poll(async () => {
        const s = (await page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()))) as {
          locale: string;
        };
        return s.locale;
      })
      .toBe('en');

    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Settings' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Settings', exact: true }));
    expect(new URL(page.url()).pathname).toBe('/instellingen');
    await visible(page.getByRole('heading', { level: 2, name: 'Account' }));
    await screenshot(page, '06-settings-en', { fullPage: true });

    // 6. A phone-sized screen: the menu is behind the burger, and holds the account controls.
    await page.setViewportSize({ width: 390, height: 844 });
    const burger = await visible(page.getByRole('button', { name: 'Show or hide the menu' }));
    expect(await burger.getAttribute('aria-expanded')).toBe('false');
    await screenshot(page, '07-mobile-closed');
    await burger.click();
    expect(await burger.getAttribute('aria-expanded')).toBe('true');
    await visible(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'People' }));
    await visible(
      page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Sign out' }),
    );
    await screenshot(page, '08-mobile-menu-open');

    // 7. Logout (from the mobile menu) returns to the login page, still in English (stored in the browser).
    await page.getByRole('button', { name: 'Sign out' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Sign in', exact: true }));
    await visible(page.getByRole('textbox', { name: 'Username', exact: true }));
    // Personal data does not survive the session in the page.
    expect(await page.getByRole('table').count()).toBe(0);
    const after = (await page.evaluate(() => fetch('/api/v1/auth/session').then((r) => r.json()))) as {
      stage: string;
    };
    expect(after.stage).toBe('anonymous');
    await page.setViewportSize({ width: 1280, height: 860 });
    await screenshot(page, '09-after-logout-en');
  }, 120_000);
});

describe('first login with TOTP enrolment (Chromium, real server)', () => {
  let context: BrowserContext;

  afterAll(async () => {
    await context?.close();
  });

  it('vrijwilliger enrols, lands in the shell and sees only postcodes 1000–1019', async () => {
    const { t, origin } = running;
    const volunteer = demoLogin(t, 'vrijwilliger');
    expect(volunteer.totpSecret).toBeNull();
    context = await newContext(browser, origin);
    const page = await context.newPage();

    await page.goto('/');
    await visible(page.getByRole('heading', { level: 1, name: 'Inloggen', exact: true }));
    await submitPassword(page, volunteer.username, volunteer.password);

    // The enrolment step shows the secret (grouped by four) and the otpauth link.
    await visible(
      page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen', exact: true }),
    );
    const secretLabel = await visible(page.getByText('Geheime sleutel', { exact: true }));
    const secretShown = (
      await secretLabel.locator('xpath=following-sibling::*[1]').locator('pre, code').first().textContent()
    )?.trim();
    expect(secretShown).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
    const secret = secretShown!.replace(/\s+/g, '');
    const uri = await visible(page.getByText(/^otpauth:\/\/totp\//));
    const uriSecret = new URL((await uri.textContent())!.trim()).searchParams.get('secret');
    expect(uriSecret).toBe(secret);
    await screenshot(page, '10-mfa-enrol');

    // The code from "the app" (computed from the secret read off the page) confirms the enrolment.
    await page.getByLabel(/Code uit je authenticator-app/).fill(freshCode(secret));
    await page.getByRole('button', { name: 'Instellen en inloggen' }).click();

    // The shell: the volunteer's name, only the areas a volunteer may open.
    expect(await navNames(page, 'Hoofdmenu')).toEqual(['Personen', 'Instellingen']);
    await visible(page.getByRole('banner').getByText('Ingelogd als Victor Vrijwilliger', { exact: true }));
    await visible(page.getByRole('heading', { level: 1, name: 'Personen', exact: true }));

    // Only persons in postcodes 1000–1019, and at least one of them.
    const rows = await personRows(page, 'Personen binnen jouw bereik');
    expect(rows.length).toBeGreaterThan(0);
    const outside = rows.filter((r) => {
      const digits = Number(/^(\d{4})/.exec(r.postcode)?.[1] ?? Number.NaN);
      return !(digits >= 1000 && digits <= 1019);
    });
    expect(outside, `persons outside 1000–1019: ${JSON.stringify(outside)}`).toEqual([]);
    await visible(
      page.getByText(rows.length === 1 ? '1 persoon getoond' : `${rows.length} personen getoond`),
    );
    await screenshot(page, '11-volunteer-personen');

    // Settings shows the scope of the role.
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Instellingen' })
      .click();
    await visible(page.getByRole('heading', { level: 1, name: 'Instellingen', exact: true }));
    await visible(page.getByText('Postcodes 1000 t/m 1019'));
    await screenshot(page, '12-volunteer-instellingen', { fullPage: true });

    // Logout returns to the Dutch login page.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Inloggen', exact: true }));
    expect(await page.getByRole('table').count()).toBe(0);
  }, 120_000);
});

/**
 * After the server refuses a password or a code, only the server's message shows: the emptied field is
 * not also flagged as "required" (LoginPage.tsx and CodeForm.tsx reset `touched` on error). Own browser
 * context; they log in as `fg`, whose stored language is still Dutch (beheer switched to English above).
 */
describe('refused password or code: one clear message', () => {
  let page: Page;
  pageForDescribe(
    () => browser,
    () => running.origin,
    (p) => {
      page = p;
    },
  );

  it('a wrong password shows only the server message, not "Vul je wachtwoord in."', async () => {
    const fg = demoLogin(running.t, 'fg');
    await page.goto('/');
    await visible(page.getByRole('heading', { level: 1, name: 'Inloggen', exact: true }));
    await submitPassword(page, fg.username, `${fg.password}-wrong`);
    await visible(page.getByRole('alert').getByText('Gebruikersnaam of wachtwoord klopt niet.'));
    const password = page.getByRole('textbox', { name: 'Wachtwoord', exact: true });
    expect(await password.inputValue()).toBe('');
    // The user did type a password: no "fill in your password" error, and the field is not marked invalid.
    expect(
      await page.getByText('Vul je wachtwoord in.').count(),
      'stray "Vul je wachtwoord in." under the emptied password field (LoginPage onError: also setTouched(false))',
    ).toBe(0);
    expect(await password.getAttribute('aria-invalid'), 'password field marked invalid').not.toBe('true');
  });

  it('a wrong TOTP code shows only the server message, not "Vul precies 6 cijfers in."', async () => {
    const fg = demoLogin(running.t, 'fg');
    await page.goto('/');
    await visible(page.getByRole('heading', { level: 1, name: 'Inloggen', exact: true }));
    await submitPassword(page, fg.username, fg.password);
    await visible(page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie', exact: true }));
    // Six digits the server refuses: none of the codes valid within its ±1-step window.
    const step = totpStep(new Date());
    const valid = new Set([-2, -1, 0, 1, 2].map((d) => totpCode(fg.totpSecret!, step + d)));
    let wrong = 0;
    while (valid.has(String(wrong).padStart(6, '0'))) wrong += 1;
    const codeField = page.getByLabel(/Code uit je authenticator-app/);
    await codeField.fill(String(wrong).padStart(6, '0'));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await visible(
      page.getByRole('alert').getByText('De code van de tweede factor klopt niet of is verlopen.'),
    );
    expect(await codeField.inputValue()).toBe('');
    expect(
      await page.getByText('Vul precies 6 cijfers in.').count(),
      'stray "Vul precies 6 cijfers in." under the emptied code field (CodeForm onError: also setTouched(false))',
    ).toBe(0);
    expect(await codeField.getAttribute('aria-invalid'), 'code field marked invalid').not.toBe('true');
  });
});

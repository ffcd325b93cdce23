/**
 * Screenshots of the issue-4 screens (not a test): `npx tsx test/browser/issue4-shots.script.ts`.
 * Writes /tmp/shots/issue4-*.png. Needs a built web app.
 */
import type { Page } from 'playwright-core';
import {
  demoLogin,
  freshCode,
  launchBrowser,
  logInThroughUi,
  newContext,
  startListeningApp,
  submitPassword,
  visible,
} from './support.js';

const OUT = '/tmp/shots';
async function shot(page: Page, name: string) {
  await page.waitForTimeout(400);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${OUT}/issue4-${name}.png`, fullPage: true, animations: 'disabled' });
  console.log('shot', name);
}
async function safe(what: string, f: () => Promise<void>) {
  try {
    await f();
  } catch (e) {
    console.log('FAILED', what, String(e).slice(0, 300));
  }
}

const running = await startListeningApp();
const browser = await launchBrowser();
try {
  const ctx = await newContext(browser, running.origin);
  await ctx.addInitScript(() => localStorage.setItem('kk.locale', 'nl'));
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  page.on('pageerror', (e) => console.log('pageerror', String(e)));
  await page.goto('/');
  await logInThroughUi(page, running.t, 'beheer');
  await page.goto('/doelgroepen');
  await visible(page.getByRole('heading', { level: 1, name: 'Doelgroepen' }));
  await page.waitForTimeout(800);
  await shot(page, 'doelgroepen-lijsten');
  await safe('open+evaluate', async () => {
    await page.getByRole('button', { name: 'Doelgroep Utrecht: geen lid openen' }).click();
    await page.waitForTimeout(500);
    await shot(page, 'doelgroepen-lijsten-open');
    await page.getByRole('button', { name: /Evalueren/ }).click();
    await page.waitForTimeout(1500);
    await shot(page, 'doelgroepen-lijsten-evaluated');
    await page
      .getByRole('button', { name: /Bevriezen|Vastleggen|momentopname/i })
      .first()
      .click();
    await page.waitForTimeout(1500);
    await shot(page, 'doelgroepen-lijsten-frozen');
    await page
      .getByRole('button', { name: /^Toon wie: / })
      .first()
      .click();
    await page.waitForTimeout(1500);
    await shot(page, 'doelgroepen-lijsten-who');
    await page.keyboard.press('Escape');
  });
  await safe('new audience', async () => {
    await page.getByRole('button', { name: /Nieuwe doelgroep/ }).click();
    await page.waitForTimeout(600);
    await shot(page, 'doelgroepen-lijsten-new');
  });
  await page.goto('/doelgroepen/campagnes');
  await page.waitForTimeout(1500);
  await shot(page, 'doelgroepen-campagnes');
  await page.goto('/doelgroepen/exports');
  await page.waitForTimeout(1500);
  await shot(page, 'doelgroepen-exports');
  await safe('export request', async () => {
    await page.getByLabel(/^Doelgroep/).click();
    await page.getByRole('option', { name: /^Amsterdam/ }).click();
    await page
      .getByRole('button', { name: /Aanvragen|Exporteren|Toets|Maak/ })
      .first()
      .click();
    await page.waitForTimeout(2500);
    await shot(page, 'doelgroepen-exports-result');
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/doelgroepen');
  await page.waitForTimeout(1500);
  await shot(page, 'doelgroepen-narrow');
  await page.goto('/doelgroepen/exports');
  await page.waitForTimeout(1500);
  await shot(page, 'doelgroepen-exports-narrow');
  await ctx.close();

  for (const user of ['fg', 'campagne'] as const) {
    const c = await newContext(browser, running.origin);
    const p = await c.newPage();
    p.on('pageerror', (e) => console.log('pageerror', String(e)));
    await p.setViewportSize({ width: 1366, height: 900 });
    await p.goto('/');
    if (user === 'fg') await logInThroughUi(p, running.t, 'fg');
    else {
      const l = demoLogin(running.t, user);
      await submitPassword(p, l.username, l.password);
      await visible(p.getByText('Geheime sleutel', { exact: true }));
      await p.waitForLoadState('networkidle');
      const secret = (await p.getByText(/^otpauth:\/\/totp\//).textContent())!;
      const s = new URL(secret.trim()).searchParams.get('secret')!;
      await p.getByLabel(/Code uit je authenticator-app/).fill(freshCode(s));
      await p.getByRole('button', { name: 'Instellen en inloggen' }).click();
      await visible(p.getByRole('navigation', { name: 'Hoofdmenu' }));
    }
    await p.goto('/verantwoording');
    await p.waitForTimeout(1500);
    await shot(p, `${user}-toetsen`);
    await safe('assess', async () => {
      await p.getByRole('button', { name: 'Toets', exact: true }).click();
      await p.waitForTimeout(1500);
      await shot(p, `${user}-toetsen-result`);
    });
    await p.goto('/verantwoording/verwerkingen');
    await p.waitForTimeout(1500);
    await shot(p, `${user}-verwerkingen`);
    await p.goto('/verantwoording/ontvangers');
    await p.waitForTimeout(1500);
    await shot(p, `${user}-ontvangers`);
    if (user === 'campagne') {
      await p.goto('/doelgroepen');
      await p.waitForTimeout(1500);
      await shot(p, 'campagne-doelgroepen');
    }
    await c.close();
  }
} finally {
  await browser.close();
  await running.t.close();
}

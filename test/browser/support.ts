/**
 * Shared pieces of the browser tests: Debian's Chromium through playwright-core (never a downloaded
 * browser), the real server listening on 127.0.0.1 on a fresh PGlite database with the demo party, TOTP
 * codes that never reuse a time step, and screenshots into test-results/ (gitignored).
 *
 * The web app must be built (`npm run build`) before these tests run; `npm test` does that.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { repoRoot } from '../../src/server/web.js';
import { totpCode, totpStep } from '../../src/storage/crypto/totp.js';
import { login, startTestApp, type TestApp } from '../support/app.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** How long a single UI expectation may wait for the app (the server on PGlite can be slow on CI). */
export const UI_TIMEOUT = 15_000;

/** Waits until the element is visible (playwright-core has no `expect`; vitest's expect checks values). */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
  return locator;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export function assertWebBuilt(): void {
  const index = path.join(repoRoot(), 'dist', 'web', 'index.html');
  if (!existsSync(index)) {
    throw new Error(`${index} is missing: run \`npm run build\` before the browser tests`);
  }
}

export interface RunningApp {
  t: TestApp;
  /** http://127.0.0.1:<port> */
  origin: string;
}

/** The real server, in-process, listening on a free local port. Keep `t.clock` at real time. */
export async function startListeningApp(): Promise<RunningApp> {
  assertWebBuilt();
  const t = await startTestApp('pglite');
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const address = t.app.server.address() as AddressInfo;
  return { t, origin: `http://127.0.0.1:${address.port}` };
}

/** A fresh context (own cookies and storage) with a wide desktop viewport and Dutch as the browser language. */
export async function newContext(browser: Browser, origin: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: origin,
    viewport: { width: 1280, height: 860 },
    locale: 'nl-NL',
    serviceWorkers: 'allow',
  });
  context.setDefaultTimeout(UI_TIMEOUT);
  return context;
}

/**
 * One fresh context and page for a describe block: opened before its tests, closed after them. The browser
 * and origin are getters because the file's own beforeAll sets them.
 */
export function pageForDescribe(
  getBrowser: () => Browser,
  getOrigin: () => string,
  use: (page: Page) => void,
): void {
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    context = await newContext(getBrowser(), getOrigin());
    use(await context.newPage());
  });
  afterAll(async () => {
    await context?.close();
  });
}

const usedSteps = new Map<string, number>();

/**
 * A TOTP code for `secret` that the server accepts now: the current 30-second step, or the next one
 * when the current step was used already (the server refuses a step twice; it accepts ±1 step).
 */
export function freshCode(secret: string): string {
  const now = totpStep(new Date());
  const last = usedSteps.get(secret);
  const step = last === undefined || last < now ? now : last + 1;
  if (step > now + 1) throw new Error('no unused TOTP step left within the server window; log in less often');
  usedSteps.set(secret, step);
  return totpCode(secret, step);
}

export function demoLogin(t: TestApp, username: string) {
  return login(t, username);
}

/** The login form (Dutch labels), filled and sent. */
export async function submitPassword(page: Page, username: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Gebruikersnaam', exact: true }).fill(username);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** From the login page to the shell: password, then the TOTP code of an enrolled demo account. */
export async function logInThroughUi(page: Page, t: TestApp, username: string): Promise<void> {
  const l = demoLogin(t, username);
  if (!l.totpSecret) throw new Error(`${username} has no TOTP secret yet (enrols at first login)`);
  await visible(page.getByRole('heading', { level: 1, name: 'Inloggen' }));
  await submitPassword(page, l.username, l.password);
  await visible(page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie' }));
  await page.getByLabel(/Code uit je authenticator-app/).fill(freshCode(l.totpSecret));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await visible(page.getByRole('navigation', { name: 'Hoofdmenu' }));
}

const SCREENSHOT_DIR = path.join(repoRoot(), 'test-results', 'browser');

/**
 * A screenshot at test-results/browser/<name>.png (the viewport, or the whole page), with CSS animations
 * and transitions finished first; returns the path.
 */
export async function screenshot(
  page: Page,
  name: string,
  opts: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? false, animations: 'disabled' });
  return file;
}

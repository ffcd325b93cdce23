/**
 * Kieskluis loads nothing from another origin (no CDN, fonts, analytics, favicon services) and runs under
 * a strict CSP without violations. Every request of a whole session is recorded three ways — the page,
 * the browser context (which also sees service workers and popups) and the Chrome DevTools Protocol
 * network domain (which sees what the browser actually puts on the wire) — plus the document's own
 * Resource Timing entries, while a user loads the login page, logs in with password + TOTP, opens every
 * area the server allows, switches language and logs out.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appCsp, repoRoot } from '../../src/server/web.js';
import {
  launchBrowser,
  logInThroughUi,
  newContext,
  type RunningApp,
  startListeningApp,
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

interface Recorded {
  source: 'page' | 'context' | 'cdp' | 'resource-timing' | 'service-worker';
  url: string;
  type: string;
}

interface CspViolation {
  blockedURI: string;
  violatedDirective: string;
  effectiveDirective: string;
  sourceFile: string;
  sample: string;
  disposition: string;
}

/** Parses a CSP header into directive → sources. */
function parseCsp(header: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** Listens for CSP violations in every document of the context (init script + exposed binding). */
async function recordCspViolations(context: BrowserContext, sink: CspViolation[]): Promise<void> {
  await context.exposeBinding('__kkReportCspViolation', (_source, v: CspViolation) => {
    sink.push(v);
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { __kkReportCspViolation(v: unknown): void }).__kkReportCspViolation;
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        report({
          blockedURI: e.blockedURI,
          violatedDirective: e.violatedDirective,
          effectiveDirective: e.effectiveDirective,
          sourceFile: e.sourceFile,
          sample: e.sample,
          disposition: e.disposition,
        });
      },
      true,
    );
  });
}

function writeArtifact(name: string, data: unknown): void {
  const dir = path.join(repoRoot(), 'test-results', 'browser');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, name), `${JSON.stringify(data, null, 2)}\n`);
}

function isCspMessage(text: string): boolean {
  return /content[- ]security[- ]policy|refused to (load|execute|apply|connect|frame)/i.test(text);
}

describe('nothing from third parties, strict CSP (Chromium, real server)', () => {
  let context: BrowserContext;
  let page: Page;
  const requests: Recorded[] = [];
  const violations: CspViolation[] = [];
  const consoleMessages: { type: string; text: string }[] = [];
  const pageErrors: string[] = [];
  const documentCsp: { url: string; csp: string | null }[] = [];

  beforeAll(async () => {
    context = await newContext(browser, running.origin);
    context.on('request', (r) => requests.push({ source: 'context', url: r.url(), type: r.resourceType() }));
    context.on('serviceworker', (worker) => {
      requests.push({ source: 'service-worker', url: worker.url(), type: 'serviceworker' });
    });
    await recordCspViolations(context, violations);
    page = await context.newPage();
    page.on('request', (r) => requests.push({ source: 'page', url: r.url(), type: r.resourceType() }));
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'document') {
        documentCsp.push({ url: r.url(), csp: (await r.allHeaders())['content-security-policy'] ?? null });
      }
    });
    page.on('console', (m) => consoleMessages.push({ type: m.type(), text: m.text() }));
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    const cdp = await context.newCDPSession(page);
    cdp.on('Network.requestWillBeSent', (e) =>
      requests.push({ source: 'cdp', url: e.request.url, type: e.type ?? 'unknown' }),
    );
    await cdp.send('Network.enable');
  });

  afterAll(async () => {
    await context?.close();
  });

  /** Adds the document's Resource Timing entries (fonts, images, CSS url()s, fetches) to the record. */
  async function collectResourceTiming(): Promise<void> {
    const entries = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => ({ url: e.name, type: (e as PerformanceResourceTiming).initiatorType })),
    );
    for (const e of entries) requests.push({ source: 'resource-timing', ...e });
  }

  it('a whole session: login page, password + TOTP, every area, language switch, logout', async () => {
    const { t, origin } = running;

    // The login page.
    await page.goto('/');
    await visible(page.getByRole('heading', { level: 1, name: 'Inloggen', exact: true }));
    // The favicon the document declares is our own file (headless Chromium may not fetch it itself).
    const icons = await page
      .locator('link[rel~="icon"]')
      .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(icons.length).toBeGreaterThan(0);
    for (const href of icons) {
      expect(new URL(href).origin).toBe(origin);
      const res = await page.request.get(href);
      expect(res.status(), href).toBe(200);
    }
    await collectResourceTiming();

    // Log in as beheer (password + TOTP).
    await logInThroughUi(page, t, 'beheer');
    await visible(page.getByRole('heading', { level: 1, name: 'Personen', exact: true }));

    // Every area in the menu (the server decides which, from user.areas).
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    const areas = (await nav.getByRole('link').allTextContents()).map((s) => s.trim());
    expect(areas).toEqual(expect.arrayContaining(['Personen', 'Instellingen']));
    for (const name of areas) {
      await nav.getByRole('link', { name, exact: true }).click();
      await visible(page.getByRole('heading', { level: 1, name, exact: true }));
      if (name === 'Personen') {
        await visible(
          page.getByRole('table', { name: 'Personen binnen jouw bereik' }).locator('tbody tr').first(),
        );
      }
      if (name === 'Instellingen') await visible(page.getByText('Je hebt nog geen API-tokens.'));
      await collectResourceTiming();
    }

    // Switch language.
    await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
    await visible(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'People' }));
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'People' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'People', exact: true }));

    // A reload and a deep link: each document comes with its own CSP.
    await page.reload();
    await visible(page.getByRole('heading', { level: 1, name: 'People', exact: true }));
    await collectResourceTiming();

    // Log out.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Sign in', exact: true }));
    await collectResourceTiming();

    // No service worker was registered.
    const registrations = await page.evaluate(async () =>
      'serviceWorker' in navigator ? (await navigator.serviceWorker.getRegistrations()).length : 0,
    );
    expect(registrations).toBe(0);

    // The record, for a human to read: test-results/browser/no-third-party-requests.json.
    writeArtifact('no-third-party-requests.json', { origin, requests, documentCsp, consoleMessages });

    // --- every request went to the app's own origin (data: URLs allowed) ---
    expect(requests.filter((r) => r.source === 'page').length).toBeGreaterThan(5);
    expect(requests.filter((r) => r.source === 'cdp').length).toBeGreaterThan(5);
    expect(requests.filter((r) => r.source === 'resource-timing').length).toBeGreaterThan(0);
    const foreign = requests.filter((r) => !r.url.startsWith('data:') && new URL(r.url).origin !== origin);
    expect(foreign, `requests to other origins:\n${JSON.stringify(foreign, null, 2)}`).toEqual([]);
    // The API calls the page made are all on our origin too (sanity: the recording saw them).
    const seen = new Set(requests.map((r) => new URL(r.url).pathname));
    for (const p of [
      '/',
      '/api/v1/auth/session',
      '/api/v1/auth/login',
      '/api/v1/auth/mfa/verify',
      '/api/v1/auth/logout',
    ]) {
      expect(seen, `expected a request to ${p}`).toContain(p);
    }
    expect([...seen].some((p) => p.startsWith('/assets/') && p.endsWith('.js'))).toBe(true);

    // --- every HTML document carries a strict CSP ---
    expect(documentCsp.length).toBeGreaterThanOrEqual(2);
    for (const { url, csp } of documentCsp) {
      expect(csp, `CSP header on ${url}`).not.toBeNull();
      const directives = parseCsp(csp!);
      const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
      expect(scriptSrc, `script-src in ${csp}`).toEqual(["'self'"]);
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      // No directive allows another origin: only keywords, nonces and data: for images.
      for (const [name, sources] of directives) {
        for (const s of sources) {
          const ok = /^'(self|none|nonce-[A-Za-z0-9+/=]+)'$/.test(s) || (name === 'img-src' && s === 'data:');
          expect(ok, `${name} allows ${s}`).toBe(true);
        }
      }
      // The nonce differs per response (the header is the product's appCsp with a fresh nonce).
      const nonce = /'nonce-([^']+)'/.exec(csp!)?.[1];
      expect(nonce).toBeTruthy();
      expect(csp).toBe(appCsp(nonce!));
    }
    const nonces = documentCsp.map(({ csp }) => /'nonce-([^']+)'/.exec(csp!)?.[1]);
    expect(new Set(nonces).size).toBe(nonces.length);

    // --- no CSP violation, no script error ---
    const cspConsole = consoleMessages.filter((m) => isCspMessage(m.text));
    expect(violations, `CSP violations:\n${JSON.stringify(violations, null, 2)}`).toEqual([]);
    expect(cspConsole, `CSP console messages:\n${JSON.stringify(cspConsole, null, 2)}`).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('the violation recorder works: an injected inline script is blocked and reported', async () => {
    const before = violations.length;
    const ran = await page.evaluate(() => {
      (window as unknown as { __kkInlineRan?: boolean }).__kkInlineRan = false;
      const s = document.createElement('script');
      s.textContent = 'window.__kkInlineRan = true;';
      document.head.appendChild(s);
      return (window as unknown as { __kkInlineRan?: boolean }).__kkInlineRan;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.length).toBeGreaterThan(before);
    expect(violations[before]?.effectiveDirective).toMatch(/^script-src/);
    await expect.poll(() => consoleMessages.filter((m) => isCspMessage(m.text)).length).toBeGreaterThan(0);
  });
});

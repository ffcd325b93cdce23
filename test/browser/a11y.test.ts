/**
 * Accessibility (WCAG 2.1 A and AA) with axe-core in Chromium against the real server: the login page in
 * Dutch and English, the MFA step, the shell on the Personen page with data, and Instellingen.
 *
 * axe is injected with page.evaluate (a driver-side evaluation), because the app's CSP rightly blocks the
 * inline <script> that page.addScriptTag would add.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/server/web.js';
import {
  demoLogin,
  freshCode,
  launchBrowser,
  pageForDescribe,
  type RunningApp,
  startListeningApp,
  submitPassword,
  visible,
} from './support.js';

const AXE_SOURCE = readFileSync(path.join(repoRoot(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** Runs axe on the whole document with the WCAG 2.0/2.1 A and AA rules; returns the violations. */
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
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  }, WCAG_TAGS);
}

/** Violations as readable text: rule, impact, help, and each element with axe's explanation. */
function formatViolations(where: string, violations: AxeViolation[]): string {
  if (violations.length === 0) return `${where}: no violations`;
  const lines = [`${where}: ${violations.length} axe violation(s)`];
  for (const v of violations) {
    lines.push('', `● ${v.id} [${v.impact ?? 'n/a'}] ${v.help}`, `  ${v.helpUrl}`);
    for (const n of v.nodes) {
      lines.push(`  - ${n.target.map(String).join(' > ')}`);
      lines.push(`    ${n.html.length > 200 ? `${n.html.slice(0, 200)}…` : n.html}`);
      for (const s of (n.failureSummary ?? '').split('\n')) if (s.trim()) lines.push(`    ${s.trim()}`);
    }
  }
  return lines.join('\n');
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  const report = formatViolations(where, violations);
  if (violations.length > 0) console.error(report);
  expect(violations, report).toEqual([]);
}

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

describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  let page: Page;
  pageForDescribe(
    () => browser,
    () => running.origin,
    (p) => {
      page = p;
    },
  );

  it('login page in Dutch', async () => {
    await page.goto('/');
    await visible(page.getByRole('heading', { level: 1, name: 'Inloggen', exact: true }));
    await expectNoViolations(page, 'login (nl)');
  });

  it('login page in English', async () => {
    await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
    await visible(page.getByRole('heading', { level: 1, name: 'Sign in', exact: true }));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectNoViolations(page, 'login (en)');
  });

  it('MFA step', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('nl');
    await visible(page.getByRole('heading', { level: 1, name: 'Inloggen', exact: true }));
    const beheer = demoLogin(running.t, 'beheer');
    await submitPassword(page, beheer.username, beheer.password);
    await visible(page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie', exact: true }));
    await expectNoViolations(page, 'MFA verify (nl)');
  });

  it('shell on the Personen page with data', async () => {
    const beheer = demoLogin(running.t, 'beheer');
    await page.getByLabel(/Code uit je authenticator-app/).fill(freshCode(beheer.totpSecret!));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Personen', exact: true }));
    const table = await visible(page.getByRole('table', { name: 'Personen binnen jouw bereik' }));
    await visible(table.locator('tbody tr').first());
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    await expectNoViolations(page, 'shell / Personen (nl)');
  });

  it('Instellingen', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Instellingen' })
      .click();
    await visible(page.getByRole('heading', { level: 1, name: 'Instellingen', exact: true }));
    await visible(page.getByRole('heading', { level: 2, name: 'Account' }));
    // The tokens section has loaded (the admin may create tokens; none exist yet).
    await visible(page.getByText('Je hebt nog geen API-tokens.'));
    await expectNoViolations(page, 'Instellingen (nl)');
  });

  it('Instellingen in English', async () => {
    await page.getByRole('combobox', { name: 'Taal' }).selectOption('en');
    await visible(page.getByRole('heading', { level: 1, name: 'Settings', exact: true }));
    await visible(page.getByText('You have no API tokens yet.'));
    await expectNoViolations(page, 'Settings (en)');
  });

  it('shell on a phone-sized screen with the menu open', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Show or hide the menu' }).click();
    await visible(
      page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Sign out' }),
    );
    await expectNoViolations(page, 'mobile menu open (en)');
  });
});

/**
 * Error states of the login form (contrast of error text, no stray field errors). They once failed and
 * were fixed in web/src/theme.ts and LoginPage.tsx. Own browser context; never log in.
 */
describe('error states of the login form', () => {
  let page: Page;
  pageForDescribe(
    () => browser,
    () => running.origin,
    (p) => {
      page = p;
    },
  );

  it('WCAG 1.4.3: field error text meets 4.5:1 contrast — empty login form', async () => {
    await page.goto('/');
    await visible(page.getByRole('heading', { level: 1, name: 'Inloggen', exact: true }));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await visible(page.getByText('Vul je gebruikersnaam in.'));
    await visible(page.getByText('Vul je wachtwoord in.'));
    await expectNoViolations(page, 'login with field errors (nl)');
  });

  it('WCAG 1.4.3: login page after a wrong password has no low-contrast or stray field error', async () => {
    await page.goto('/');
    await visible(page.getByRole('heading', { level: 1, name: 'Inloggen', exact: true }));
    await submitPassword(page, 'beheer', 'not-the-password');
    await visible(page.getByRole('alert'));
    await expectNoViolations(page, 'login after a wrong password (nl)');
  });
});

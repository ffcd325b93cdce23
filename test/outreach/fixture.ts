/** Campaign test set-up: the audience world of test/audiences, an e-mail activity, templates, audiences. */
import { expect } from 'vitest';
import type { Mailer } from '../../src/mail/mailer.js';
import { runningSends } from '../../src/usecases/outreach/run-campaign-send.js';
import { setMemberChannels } from '../../src/usecases/settings/member-channels.js';
import { type AudienceWorld, activity } from '../audiences/fixture.js';
import type { Client, TestApp } from '../support/app.js';

export const TEXT_NL =
  'Beste {voornaam},\n\nKom naar de ledenavond. Programma: https://partij.invalid/agenda\n\n{bezwaarlink}\n\n{transparantieblok}';
export const HTML_NL =
  '<p>Beste {voornaam},</p><p>Kom naar de <a href="https://partij.invalid/agenda">ledenavond</a>.</p>{bezwaarlink}{transparantieblok}';

export const goodTemplate = (name = `Uitnodiging ${Math.random().toString(36).slice(2, 7)}`) => ({
  name,
  content: {
    nl: { subject: 'Uitnodiging ledenavond', text: TEXT_NL, html: HTML_NL },
    en: {
      subject: 'Invitation members evening',
      text: 'Dear {voornaam},\n\nJoin us.\n\n{bezwaarlink}\n\n{transparantieblok}',
      html: null,
    },
  },
});

/**
 * The campaign e-mail activity of these tests, relying on the campaign consent. The demo party records
 * that members may be e-mailed by the existing relationship (R-70, /member-channels); these tests count
 * only persons with the consent, so that record is cleared first: the member in the audience world is
 * then excluded with NO_CHANNEL_PERMISSION (test/gate/member-channels.test.ts covers the record itself).
 */
export async function emailActivity(t: TestApp, w: AudienceWorld): Promise<string> {
  await setMemberChannels(t.kernel, w.fg, { channels: [], reason: null });
  return activity(t, w.fg, { channel: 'EMAIL', consentPurposeId: w.cat.campaign });
}

export async function createAudience(c: Client, activityId: string, tagId: string): Promise<string> {
  const r = await c.request('POST', '/api/v1/audiences', {
    body: {
      name: `Campagnedoelgroep ${Math.random().toString(36).slice(2, 7)}`,
      activityId,
      criteria: { tagIdsAll: [tagId] },
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

export async function createTemplate(c: Client): Promise<string> {
  const r = await c.request('POST', '/api/v1/campaign-templates', { body: goodTemplate() });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

export async function createCampaign(
  c: Client,
  audienceId: string,
  templateId: string,
  over: Record<string, unknown> = {},
) {
  const r = await c.request('POST', '/api/v1/campaigns', {
    body: { name: 'Ledenavond', audienceId, templateId, languageRule: 'person', ...over },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as {
    campaign: { id: string; status: string };
    includedCount: number;
    excluded: Record<string, number>;
  };
}

/** Send (in-process, no job queue in tests) and wait for the chunks to be queued. */
export async function send(t: TestApp, c: Client, id: string): Promise<void> {
  const r = await c.request('POST', `/api/v1/campaigns/${id}/send`);
  expect(r.statusCode, r.body).toBe(202);
  await runningSends.get(id);
  void t;
}

export const mailer = (t: TestApp) => t.kernel.mail as Mailer;

export async function report(c: Client, id: string) {
  const r = await c.request('GET', `/api/v1/campaigns/${id}/report`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as {
    campaign: { status: string };
    byStatus: Record<string, number>;
    byReason: Record<string, number>;
    inDoubt: { id: string; lastError: string | null }[];
  };
}

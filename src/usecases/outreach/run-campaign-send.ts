/**
 * The `outreach.send` job: works through a queued campaign in chunks. For each pending message, in one
 * transaction: the recipient is assessed again now (`assess`; an objection or withdrawal after the
 * snapshot excludes them, with the reasons), the message is rendered and checked, and
 * written to the mail outbox with its headers (deterministic Message-ID, List-Unsubscribe,
 * List-Unsubscribe-Post) in the same transaction that marks it `queued`. A crash loses at most the
 * chunk's uncommitted work, which the next run redoes: UNIQUE(campaign_id, person_id) and the outbox's
 * unique campaign message keep it to one mail per person. The throttle spreads the outbox rows over
 * minutes (`notBefore`); the mailer delivers them, with its retries and back-off. After the last chunk
 * the campaign is settled when nothing is open (all held without SMTP: `held`); throttled messages are
 * settled by the mailer's pass that delivers the last of them (settle-campaign.ts).
 */
import { campaignHeaders } from '../../domain/outreach/headers.js';
import { CampaignsRepo } from '../../storage/campaigns-repo.js';
import { objectionsRepo } from '../../storage/objections-repo.js';
import type { Deps } from '../deps.js';
import { assessRecipients, loadSendContext, renderFor } from './campaign-message.js';
import { settleCampaign } from './settle-campaign.js';

export const OUTREACH_SEND_JOB = 'outreach.send';
/** Messages per transaction. */
export const SEND_CHUNK = 200;

export function campaignJobData(data: Record<string, unknown>): string | null {
  const id = data.campaignId;
  return typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) ? id : null;
}

type SendDeps = Pick<
  Deps,
  'db' | 'audit' | 'now' | 'config' | 'keyring' | 'persons' | 'suppression' | 'mail'
>;

/** Campaign sends running in this process (no job queue), so tests and shutdown can wait for them. */
export const runningSends = new Map<string, Promise<void>>();

export async function launchCampaignSend(
  d: SendDeps & Pick<Deps, 'jobs'>,
  campaignId: string,
): Promise<void> {
  if (d.jobs) {
    await d.jobs.send(OUTREACH_SEND_JOB, { campaignId });
    return;
  }
  if (runningSends.has(campaignId)) return;
  const run = runCampaignSend(d, campaignId)
    .catch(() => undefined)
    .finally(() => runningSends.delete(campaignId));
  runningSends.set(campaignId, run);
}

export async function runCampaignSend(d: SendDeps, campaignId: string): Promise<void> {
  const campaigns = new CampaignsRepo(d.keyring);
  const start = await d.db.transaction(async (tx) => {
    const c = await campaigns.get(tx, campaignId, true);
    if (!c || (c.status !== 'queued' && c.status !== 'sending')) return null;
    if (c.status === 'queued') await campaigns.setStatus(tx, c.id, 'sending', d.now());
    return c;
  });
  if (!start) return;
  for (;;) {
    const done = await d.db.transaction(async (tx) => {
      const now = d.now();
      const campaign = await campaigns.get(tx, campaignId, true);
      if (campaign?.status !== 'sending') return true;
      const pending = await campaigns.claimPending(tx, campaignId, SEND_CHUNK);
      if (pending.length === 0) return true;
      const ctx = await loadSendContext(d, tx, campaign, now);
      const { byStatus } = await campaigns.report(tx, campaignId);
      let position =
        byStatus.queued +
        byStatus.held +
        byStatus.sending +
        byStatus.sent +
        byStatus.failed +
        byStatus.in_doubt;
      const base = (campaign.queuedAt ?? now).getTime();
      const candidates = await assessRecipients(
        d,
        tx,
        ctx,
        pending.map((m) => m.personId),
        now,
      );
      const excluded: Record<string, number> = {};
      const events = [];
      let queued = 0;
      for (let i = 0; i < pending.length; i++) {
        const m = pending[i]!;
        const c = candidates[i]!;
        let reasons = c.ok ? [] : c.reasons;
        if (c.ok) {
          const token = await objectionsRepo.createLink(tx, c.personId, campaignId, now);
          const r = renderFor(ctx, c, token);
          reasons = r.problems;
          if (reasons.length === 0) {
            const slot = Math.floor(position / campaign.throttlePerMinute);
            const notBefore = new Date(Math.max(now.getTime(), base + slot * 60_000));
            const outboxId = await d.mail.queue(
              tx,
              {
                to: c.person.email!,
                subject: r.message.subject,
                text: r.message.text,
                ...(r.message.html ? { html: r.message.html } : {}),
                kind: 'outreach.campaign',
                personId: c.personId,
                headers: campaignHeaders({
                  campaignMessageId: m.id,
                  mailFrom: d.config.mailFrom,
                  objectionUrl: r.facts.objectionUrl,
                  unsubscribeMailto: null,
                }),
                campaignMessageId: m.id,
                notBefore: notBefore.getTime() > now.getTime() ? notBefore : null,
              },
              now,
            );
            await campaigns.markQueued(
              tx,
              m.id,
              { outboxId, language: r.message.language, whyYou: r.message.whyYou },
              now,
            );
            position++;
            queued++;
            continue;
          }
        }
        await campaigns.exclude(tx, m.id, reasons, now);
        for (const reason of reasons) excluded[reason] = (excluded[reason] ?? 0) + 1;
        events.push({
          type: 'outreach.message_excluded' as const,
          actorType: 'system' as const,
          actorId: null,
          personId: c.personId,
          objectType: 'campaign_message',
          objectId: m.id,
          data: { campaignId, reasons },
        });
      }
      events.push({
        type: 'outreach.messages_checked' as const,
        actorType: 'system' as const,
        actorId: null,
        personId: null,
        objectType: 'campaign',
        objectId: campaignId,
        data: { checked: pending.length, queued, excluded },
      });
      await d.audit.append(tx, events, now);
      return pending.length < SEND_CHUNK;
    });
    // Deliver what is due after each committed chunk (the mailer's own pass; errors stay in the outbox).
    await d.mail.flush();
    if (done) break;
  }
  await settleCampaign(d, campaignId);
}

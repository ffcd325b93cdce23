/**
 * One campaign message for one recipient, at the moment it is sent or previewed: the person goes through
 * the legal gate (`assess`) for the campaign's activity with the snapshot's criteria, with facts read now
 * (an objection or withdrawal after the snapshot excludes them), and the message is rendered with the
 * transparency block and the objection link, then checked again.
 */
import { prepareAssess } from '../../domain/gate/assess.js';
import type { Decision } from '../../domain/gate/types.js';
import { checkRendered, type RenderedMessage, renderMessage } from '../../domain/outreach/render.js';
import { languageFor, type TemplateVersion } from '../../domain/outreach/templates.js';
import { type TransparencyFacts, whyBasisOf } from '../../domain/outreach/transparency.js';
import { audiencesRepo } from '../../storage/audiences-repo.js';
import { campaignTemplatesRepo, type TemplateRow } from '../../storage/campaign-templates-repo.js';
import { type CampaignRow, CampaignsRepo, type Recipient } from '../../storage/campaigns-repo.js';
import type { Queryable } from '../../storage/db.js';
import { type EvaluationSetup, exclusionReasons, setUpEvaluation } from '../audiences/run-evaluation.js';
import { publicBaseUrl } from '../consent/public-base-url.js';
import type { Deps } from '../deps.js';
import { type GateSubject, loadPersonFacts } from '../gate/person-facts.js';

export const objectionUrl = (base: string, token: string) => `${base}/f/bezwaar/${token}`;

export interface SendContext {
  campaign: CampaignRow;
  template: TemplateRow;
  setup: EvaluationSetup;
  baseUrl: string;
  controllerContact: string;
}

export async function loadSendContext(
  d: Pick<Deps, 'db' | 'config'>,
  tx: Queryable,
  campaign: CampaignRow,
  now: Date,
): Promise<SendContext> {
  const audience = await audiencesRepo.get(tx, campaign.audienceId);
  const snapshot = await audiencesRepo.getSnapshot(tx, campaign.snapshotId);
  if (!audience || !snapshot) throw new Error(`campaign ${campaign.id}: audience or snapshot missing`);
  // The snapshot's criteria (what was frozen), assessed with today's facts.
  const setup = await setUpEvaluation(d, tx, { ...audience, criteria: snapshot.criteria }, now);
  const template = (await campaignTemplatesRepo.get(tx, campaign.templateId))!;
  return {
    campaign,
    template,
    setup,
    baseUrl: publicBaseUrl(d.config),
    controllerContact: d.config.mailFrom,
  };
}

export type Candidate =
  | { ok: false; personId: string; reasons: string[] }
  | { ok: true; personId: string; person: Recipient; subject: GateSubject; decision: Decision };

/**
 * The gate's decision for each person now, with the product reasons (no address, gone). Facts and the
 * recipients' names and addresses are read for all of them at once (two batched reads, not one per person).
 */
export async function assessRecipients(
  d: Pick<Deps, 'keyring' | 'suppression'>,
  tx: Queryable,
  ctx: Pick<SendContext, 'setup'>,
  personIds: readonly string[],
  now: Date,
): Promise<Candidate[]> {
  const subjects = await loadPersonFacts(d, tx, personIds, now, {
    purposeIds: ctx.setup.filter.factsPurposeIds,
  });
  const recipients = await new CampaignsRepo(d.keyring).recipients(tx, [...subjects.keys()]);
  const out: Candidate[] = [];
  const gate = prepareAssess(ctx.setup.processing, ctx.setup.context);
  for (const personId of personIds) {
    const subject = subjects.get(personId);
    const person = subject ? recipients.get(personId) : undefined;
    if (!subject || !person) {
      out.push({ ok: false, personId, reasons: ['NOT_FOUND'] });
      continue;
    }
    const decision = gate(subject.facts);
    const reasons = exclusionReasons(decision);
    if (!person.email) reasons.push('NO_EMAIL_ADDRESS');
    out.push(
      reasons.length ? { ok: false, personId, reasons } : { ok: true, personId, person, subject, decision },
    );
  }
  return out;
}

export interface Rendered {
  message: RenderedMessage;
  facts: TransparencyFacts;
  /** Reasons the rendered message may not be sent; empty when it may. */
  problems: string[];
}

export function renderFor(ctx: SendContext, c: Extract<Candidate, { ok: true }>, token: string): Rendered {
  const { setup, template, campaign } = ctx;
  const language = languageFor(campaign.languageRule, c.subject.language, template.content);
  const version: TemplateVersion =
    language === 'en' && template.content.en ? template.content.en : template.content.nl;
  const purposeName =
    setup.context.consentPurposes.find((p) => p.id === setup.activity.consentPurposeId)?.name ?? null;
  const facts: TransparencyFacts = {
    controllerName: setup.context.partyControllerName || 'Kieskluis',
    controllerContact: ctx.controllerContact,
    activityName: setup.activity.name,
    purpose: setup.activity.purpose,
    why: whyBasisOf(c.decision.basis, c.subject.facts.relation),
    consentPurposeName: purposeName,
    source: c.subject.facts.source.kind,
    objectionUrl: objectionUrl(ctx.baseUrl, token),
  };
  const message = renderMessage(
    version,
    language,
    { firstName: c.person.firstName, branchName: c.person.branchName ?? '' },
    facts,
  );
  return { message, facts, problems: checkRendered(message, facts) };
}

/**
 * Campaign send throughput (C5) against a real SMTP server (smtp-server) on loopback, on both engines:
 * the demo party with N persons; a campaign to everyone with a consent for campaign mail. Measured apart:
 *   1. prepare: the `outreach.send` job (per recipient: facts, `assess`, render, checks, objection link,
 *      outbox row with headers, in chunks of 200 per transaction) — messages queued per second;
 *   2. deliver: the mailer handing the outbox to SMTP (claim with lease, `sending` mark, send, `sent`
 *      mark reported to the campaign message) — messages per second;
 *   3. bare: nodemailer (one pooled connection, as the product) sending the same number of messages of
 *      about the same size to the same server, no database — the ceiling of one SMTP connection here.
 *
 *   npx tsx bench/send-throughput.ts [--engine=pglite|postgres|both] [--persons=3000] [--quick]
 */
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { Actor } from '../src/domain/access/actor.js';
import type { Mailer } from '../src/mail/mailer.js';
import { activitiesRepo } from '../src/storage/activities-repo.js';
import { audiencesRepo } from '../src/storage/audiences-repo.js';
import { CampaignsRepo } from '../src/storage/campaigns-repo.js';
import { consentCatalogueRepo } from '../src/storage/consent-catalogue-repo.js';
import { createAudience } from '../src/usecases/audiences/create-audience.js';
import { recordOfflineConsent } from '../src/usecases/consent/record-offline-consent.js';
import { loadDemo } from '../src/usecases/demo/load-demo.js';
import { createCampaign } from '../src/usecases/outreach/create-campaign.js';
import { createTemplate } from '../src/usecases/outreach/create-template.js';
import { runCampaignSend } from '../src/usecases/outreach/run-campaign-send.js';
import { clusterProvider, openBenchKernel } from './lib/engines.js';
import {
  enginesFlag,
  fmt,
  intFlag,
  machineInfo,
  nowMs,
  parseFlags,
  printTable,
  warnIfBusy,
  writeResult,
} from './lib/report.js';

const flags = parseFlags();
const engines = enginesFlag(flags);
const persons = intFlag(flags, 'persons', flags.quick ? 400 : 3000);

async function startSmtp(): Promise<{ url: string; received: () => number; stop: () => Promise<void> }> {
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // No reverse DNS of 127.0.0.1 per connection (there is no resolver here; it would dominate).
    disableReverseLookup: true,
    onData: (stream, _s, cb) => {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        n++;
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => n,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const TEXT =
  'Beste {voornaam},\n\nDe verkiezingen komen eraan. Lees ons programma op https://partij.invalid/programma.\n\n{bezwaarlink}\n\n{transparantieblok}';
const HTML =
  '<p>Beste {voornaam},</p><p>De verkiezingen komen eraan. Lees <a href="https://partij.invalid/programma">ons programma</a>.</p>{bezwaarlink}{transparantieblok}';

interface EngineResult {
  info: Record<string, string>;
  recipients: number;
  queued: number;
  prepareSeconds: number;
  preparePerSec: number;
  delivered: number;
  deliverSeconds: number;
  deliverPerSec: number;
  bareSeconds: number;
  barePerSec: number;
}

const clusters = clusterProvider();
const machine = machineInfo();
warnIfBusy(machine);
const results: Record<string, EngineResult> = {};
try {
  for (const engine of engines) {
    const smtp = await startSmtp();
    console.log(`\n[${engine}] opening kernel, loading the demo party with ${persons} persons…`);
    const bk = await openBenchKernel(engine, clusters, { SMTP_URL: smtp.url });
    try {
      const k = bk.kernel;
      await loadDemo(k, { persons });
      const u = (await k.users.findByUsername(k.db, 'beheer'))!;
      const actor: Actor = {
        kind: 'user',
        userId: u.id,
        username: u.username,
        assignments: await k.users.assignments(k.db, u.id),
      };
      const activity = (await activitiesRepo.list(k.db)).find((a) => a.name.startsWith('Campagnemails'))!;
      const catalogue = await audiencesRepo.catalogue(k.db);
      const purpose = catalogue.purposes.find((p) => p.name.startsWith('Campagnemails'))!.id;
      // Every demo person with an e-mail address gets a recorded paper consent for campaign mail.
      const texts = await consentCatalogueRepo.latestTexts(k.db, [purpose]);
      const nl = texts.find((x) => x.language === 'nl')!;
      const { rows: ids } = await k.db.query<{ id: string }>('SELECT id FROM persons ORDER BY id');
      let consents = 0;
      for (const { id: personId } of ids) {
        await recordOfflineConsent(k, actor, {
          personId,
          purposeId: purpose,
          textVersionId: nl.id,
          channel: 'PAPER',
          givenAt: new Date(k.now().getTime() - 10 * 86_400_000),
          collector: 'Vera Vrijwilliger',
          place: 'Markt',
          explicit: true,
          captureDefects: [],
          birthYear: null,
          guardianName: null,
          guardianEmail: null,
          guardianConsented: false,
          scan: null,
          sendConfirmation: false,
        })
          .then(() => consents++)
          .catch(() => undefined);
      }
      console.log(`  ${consents} consents recorded`);
      const audience = await createAudience(k, actor, {
        name: 'Bench: toestemming campagnemails',
        activityId: activity.id,
        criteria: { consentPurposeIds: [purpose] },
      });
      const template = await createTemplate(k, actor, {
        name: 'Bench',
        content: { nl: { subject: 'Verkiezingen', text: TEXT, html: HTML }, en: null },
      });
      const created = await createCampaign(k, actor, {
        name: 'Bench',
        audienceId: audience.id,
        templateId: template.id,
        languageRule: 'person',
        throttlePerMinute: 100_000,
      });
      const id = created.campaign.id;
      await new CampaignsRepo(k.keyring).setStatus(k.db, id, 'queued', k.now());
      // 1. prepare, with delivery held back (flush is a no-op while measuring).
      const mail = k.mail as Mailer;
      const noFlush = { ...k, mail: { queue: mail.queue, flush: async () => undefined } };
      let t0 = nowMs();
      await runCampaignSend(noFlush, id);
      const prepareSeconds = (nowMs() - t0) / 1000;
      const { byStatus } = await new CampaignsRepo(k.keyring).report(k.db, id);
      // 2. deliver
      t0 = nowMs();
      let delivered = 0;
      for (;;) {
        const r = await mail.deliver();
        delivered += r.sent;
        if (r.sent + r.failed === 0) break;
      }
      const deliverSeconds = (nowMs() - t0) / 1000;
      // 3. bare nodemailer, same count and size
      // Same settings as the product's transport: one pooled connection.
      const transport = nodemailer.createTransport({ url: smtp.url, pool: true, maxConnections: 1 });
      const body = TEXT.repeat(3);
      t0 = nowMs();
      for (let i = 0; i < delivered; i++) {
        await transport.sendMail({
          from: 'noreply@kieskluis.invalid',
          to: `persoon${i}@voorbeeld.invalid`,
          subject: 'Verkiezingen',
          text: body,
          html: HTML,
        });
      }
      const bareSeconds = (nowMs() - t0) / 1000;
      transport.close();
      results[engine] = {
        info: bk.info,
        recipients: created.includedCount,
        queued: byStatus.queued,
        prepareSeconds,
        preparePerSec: byStatus.queued / prepareSeconds,
        delivered,
        deliverSeconds,
        deliverPerSec: delivered / deliverSeconds,
        bareSeconds,
        barePerSec: delivered / bareSeconds,
      };
      console.log(
        `  ${created.includedCount} recipients; prepare ${fmt(results[engine].preparePerSec)} msg/s, deliver ${fmt(results[engine].deliverPerSec)} msg/s, bare nodemailer ${fmt(results[engine].barePerSec)} msg/s (smtp received ${smtp.received()})`,
      );
    } finally {
      await bk.close();
      await smtp.stop();
    }
  }
} finally {
  await clusters.stop();
}
printTable(
  'Campaign send throughput (messages per second)',
  ['engine', 'recipients', 'prepare msg/s', 'deliver msg/s', 'bare nodemailer msg/s', 'deliver / bare'],
  Object.entries(results).map(([e, r]) => [
    e,
    String(r.recipients),
    fmt(r.preparePerSec),
    fmt(r.deliverPerSec),
    fmt(r.barePerSec),
    `${fmt((100 * r.deliverPerSec) / r.barePerSec)} %`,
  ]),
);
writeResult('send-throughput', { benchmark: 'send-throughput', machine, persons, results });

/**
 * R-70 member channel permissions over HTTP on both engines: the FG records on which channels the
 * membership form offered an opt-out, with a reason (required), audited; a volunteer may not; and the
 * legal gate then lets a member's e-mail rely on the existing relationship, while a non-member still
 * needs a consent granting the channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assess } from '../../src/domain/gate/assess.js';
import { memberFacts, nonMemberFacts } from '../../src/domain/gate/fixtures.js';
import { auditHead, auditSince, expectError, signIn } from '../server/helpers.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';

const URL = '/api/v1/member-channels';

describe.each(engines())('member channel permissions (R-70) on %s', (engine) => {
  let t: TestApp;
  let fg: Client;
  let volunteer: Client;

  beforeAll(async () => {
    t = await startTestApp(engine);
    fg = await signIn(t, 'fg');
    volunteer = await signIn(t, 'vrijwilliger');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('R-70: the demo records e-mail with its reason; the FG can read it', async () => {
    const res = await fg.request('GET', URL);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ channels: ['EMAIL'] });
    expect(res.json().reason).toMatch(/aanmeldformulier/);
  });

  it('R-70 end to end: the demo member newsletter reaches members by e-mail only while the record holds', async () => {
    const admin = await signIn(t, 'beheer');
    const list = (await admin.request('GET', '/api/v1/audiences')).json() as {
      items: { id: string; name: string }[];
    };
    const newsletter = list.items.find((a) => a.name.startsWith('Alle leden'));
    expect(newsletter, JSON.stringify(list)).toBeDefined();
    const evaluate = async () => {
      const r = await admin.request('POST', `/api/v1/audiences/${newsletter!.id}/evaluation`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { includedCount: number; excluded: Record<string, number> };
    };
    const withRecord = await evaluate();
    expect(withRecord.includedCount).toBeGreaterThan(0);
    expect(withRecord.excluded.NO_CHANNEL_PERMISSION ?? 0).toBe(0);

    const cleared = await fg.request('PUT', URL, { body: { channels: [], reason: null } });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const without = await evaluate();
    expect(without.includedCount).toBe(0);
    expect(without.excluded.NO_CHANNEL_PERMISSION).toBe(withRecord.includedCount);

    const back = await fg.request('PUT', URL, {
      body: { channels: ['EMAIL'], reason: 'Het lidmaatschapsformulier bood afmelden voor e-mail (test).' },
    });
    expect(back.statusCode, back.body).toBe(200);
  });

  it('R-70: a channel without a reason is refused naming the field, and nothing changes', async () => {
    const before = (await fg.request('GET', URL)).json();
    const res = await fg.request('PUT', URL, { body: { channels: ['EMAIL', 'SMS'], reason: '  ' } });
    const body = expectError(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(body.details)).toContain('reason');
    expect((await fg.request('GET', URL)).json()).toEqual(before);
  });

  it('R-70: POST is no relationship channel (it needs no permission) and unknown keys are refused', async () => {
    expectError(
      await fg.request('PUT', URL, { body: { channels: ['POST'], reason: 'x' } }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await fg.request('PUT', URL, { body: { channels: [], reason: null, extra: true } }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('R-70: the FG changes it, audited; a volunteer may neither read nor change it', async () => {
    const head = await auditHead(t);
    const res = await fg.request('PUT', URL, {
      body: { channels: ['SMS', 'EMAIL'], reason: 'Formulier 2026 bood afmelden voor e-mail en sms.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ channels: ['EMAIL', 'SMS'] });
    expect(res.json().setAt).not.toBeNull();
    const events = await auditSince(t, head, 'settings.member_channels_changed');
    expect(events).toHaveLength(1);
    expectError(await volunteer.request('GET', URL), 403, 'FORBIDDEN');
    expectError(
      await volunteer.request('PUT', URL, { body: { channels: [], reason: null } }),
      403,
      'FORBIDDEN',
    );
  });

  it('R-70: clearing it needs no reason', async () => {
    const res = await fg.request('PUT', URL, { body: { channels: [], reason: null } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ channels: [], reason: null });
  });
});

describe('R-70 in the gate: the relationship permission counts for the channel it names only', () => {
  const email = (f: ReturnType<typeof memberFacts>) => ({
    ...f,
    processing: {
      ...f.processing,
      kind: 'MESSAGE' as const,
      channel: 'EMAIL' as const,
      directMarketing: true,
    },
  });
  it('a member with the e-mail relationship permission may be e-mailed; without it, not', () => {
    const m = email(memberFacts());
    expect(assess(m).reasons).toContain('NO_CHANNEL_PERMISSION');
    const withPermission = {
      ...m,
      person: { ...m.person, channelPermissionsByRelationship: ['EMAIL' as const] },
    };
    expect(assess(withPermission).reasons).not.toContain('NO_CHANNEL_PERMISSION');
    const sms = { ...withPermission, processing: { ...withPermission.processing, channel: 'SMS' as const } };
    expect(assess(sms).reasons).toContain('NO_CHANNEL_PERMISSION');
  });
  it('a non-member without consent is not helped by a permission the facts do not give them', () => {
    expect(assess(email(nonMemberFacts())).reasons).toContain('NO_CHANNEL_PERMISSION');
  });
});

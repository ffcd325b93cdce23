/**
 * `assess` calls per second in-process (C4): a mix of facts documents (member with a valid consent,
 * withdrawn consent, objection, bought list, minor and a political ad, a custom-audience disclosure,
 * a lookalike), each decided `--calls` times in a tight loop after a warm-up. One core. Three ways, the
 * same decision (src/domain/gate/prepared.test.ts): `assess(facts)`; the gate prepared once for the
 * processing without memo (`prepareAssess(p, c, { memo: false })`); and prepared with its memo, as an
 * audience evaluation uses it, on 1,000 distinct persons per fixture (consent given at distinct times,
 * so no two facts documents are equal).
 *
 *   npx tsx bench/assess-throughput.ts [--calls 200000] [--quick]
 */
import { assess, prepareAssess } from '../src/domain/gate/assess.js';
import type { GateFacts, PersonFacts, ProcessingFacts } from '../src/domain/gate/types.js';
import {
  fmt,
  intFlag,
  machineInfo,
  nowMs,
  parseFlags,
  printTable,
  warnIfBusy,
  writeResult,
} from './lib/report.js';

const flags = parseFlags(
  process.argv
    .slice(2)
    .map((a, i, all) =>
      /^--[a-z]+$/.test(a) && all[i + 1] && !all[i + 1]!.startsWith('--') ? `${a}=${all[i + 1]}` : a,
    ),
);
const calls = intFlag(flags, 'calls', flags.quick ? 20_000 : 200_000);
const REF = '2026-03-01T12:00:00.000Z';
const P = 'purpose-campaign';

const consent = {
  purposeId: P,
  explicit: true,
  textRecorded: true,
  channel: 'PAPER' as const,
  givenAt: '2026-02-01T10:00:00.000Z',
  controllerNames: ['Partij voor de Polder (fictief)'],
  captureDefects: [],
  purposesInAction: 1,
  confirmedAt: '2026-02-01T10:00:00.000Z',
  ageAtConsent: null,
  guardianConfirmedAt: null,
  withdrawnAt: null,
};
const person = (over: Partial<PersonFacts> = {}): PersonFacts => ({
  relation: 'MEMBER',
  consents: [consent],
  publicEvidence: [],
  objections: [],
  erased: false,
  restrictedActivityIds: null,
  suppressed: [],
  source: { kind: 'DATA_SUBJECT', obtainedFromSubject: true, inferred: false },
  art14InformedAt: null,
  birthDate: '1980-05-05',
  ageBand: null,
  minorSignal: false,
  channelPermissionsByRelationship: [],
  ...over,
});
const message: ProcessingFacts = {
  kind: 'MESSAGE',
  activityId: 'activity-1',
  purpose: 'Campagnemail',
  consentPurposeId: P,
  directMarketing: true,
  politicalData: true,
  channel: 'EMAIL',
  recipient: null,
  criteria: [],
  adClass: 'NOT_POLITICAL_AD',
  adBriefMinAge: null,
  platformTargetingCriteria: [],
  startedAt: null,
  publishedTopic: null,
  firstContactOrDisclosure: false,
  tracking: false,
  ai: null,
  purposeCompatible: true,
};
const platform = {
  name: 'Advertentieplatform (fictief)',
  role: 'JOINT_CONTROLLER' as const,
  registered: true,
  vetted: true,
  processorAgreementComplete: false,
  art26Arrangement: false,
  platform: true,
  outsideEea: true,
  transferMechanism: false,
};
const context = {
  referenceDate: REF,
  partyControllerName: 'Partij voor de Polder (fictief)',
  jurisdiction: 'NL' as const,
  votingAge: 18,
  consentPurposes: [
    {
      id: P,
      name: 'Campagnemails',
      political: true,
      politicalAdvertising: false,
      channels: ['EMAIL' as const],
      scopeUntil: null,
      refreshAfterMonths: null,
      recipients: [],
    },
  ],
  dpia: 'NONE' as const,
  memberCommunicationOverride: false,
};
const FIXTURES: [string, GateFacts][] = [
  ['member, valid consent, e-mail', { person: person(), processing: message, context }],
  [
    'consent withdrawn',
    {
      person: person({ consents: [{ ...consent, withdrawnAt: '2026-02-10T10:00:00.000Z' }] }),
      processing: message,
      context,
    },
  ],
  [
    'objection to direct marketing',
    {
      person: person({
        objections: [
          { kind: 'DIRECT_MARKETING', activityId: null, overriddenByCompellingGrounds: false, at: REF },
        ],
      }),
      processing: message,
      context,
    },
  ],
  [
    'bought list, no consent',
    {
      person: person({
        relation: 'NONE',
        consents: [],
        source: { kind: 'THIRD_PARTY_LIST', obtainedFromSubject: false, inferred: false },
      }),
      processing: message,
      context,
    },
  ],
  [
    'minor, political ad',
    {
      person: person({ birthDate: '2010-01-01', minorSignal: true }),
      processing: {
        ...message,
        kind: 'CUSTOM_AUDIENCE',
        channel: 'ONLINE_AD',
        adClass: 'POLITICAL_AD',
        recipient: platform,
      },
      context,
    },
  ],
  [
    'custom audience to a platform',
    {
      person: person(),
      processing: { ...message, kind: 'CUSTOM_AUDIENCE', channel: 'ONLINE_AD', recipient: platform },
      context,
    },
  ],
  [
    'lookalike',
    {
      person: person(),
      processing: { ...message, kind: 'LOOKALIKE', channel: 'ONLINE_AD', recipient: platform },
      context,
    },
  ],
];

const machine = machineInfo();
warnIfBusy(machine);
const rows: {
  fixture: string;
  allowed: boolean;
  reasons: number;
  callsPerSec: number;
  microsPerCall: number;
  preparedMicrosPerCall: number;
  memoMicrosPerCall: number;
}[] = [];
const time = (f: () => void): number => {
  for (let i = 0; i < Math.min(5000, calls); i++) f();
  const t0 = nowMs();
  for (let i = 0; i < calls; i++) f();
  return ((nowMs() - t0) * 1000) / calls;
};
/** 1,000 distinct persons like the fixture's: every consent given (and confirmed) a second apart. */
const crowd = (f: GateFacts): PersonFacts[] =>
  Array.from({ length: 1000 }, (_, i) => ({
    ...f.person,
    consents: f.person.consents.map((c) => {
      const at = new Date(Date.parse(c.givenAt ?? REF) - i * 1000).toISOString();
      return { ...c, givenAt: at, confirmedAt: c.confirmedAt === null ? null : at };
    }),
  }));
for (const [name, facts] of FIXTURES) {
  const d = assess(facts);
  const direct = time(() => assess(facts));
  const plain = prepareAssess(facts.processing, facts.context, { memo: false });
  const prepared = time(() => plain(facts.person));
  const memo = prepareAssess(facts.processing, facts.context);
  const persons = crowd(facts);
  let i = 0;
  const memoised = time(() => memo(persons[i++ % persons.length]!));
  rows.push({
    fixture: name,
    allowed: d.allowed,
    reasons: d.reasons.length,
    callsPerSec: 1e6 / direct,
    microsPerCall: direct,
    preparedMicrosPerCall: prepared,
    memoMicrosPerCall: memoised,
  });
}
// The mix: the fixtures in turn.
const t0 = nowMs();
for (let i = 0; i < calls; i++) assess(FIXTURES[i % FIXTURES.length]![1]);
const mixMs = nowMs() - t0;
const mix = { callsPerSec: (calls / mixMs) * 1000, microsPerCall: (mixMs * 1000) / calls };
printTable(
  `assess calls per second (one core, ${fmt(calls)} calls per fixture)`,
  ['fixture', 'allowed', 'reasons', 'calls/s', 'µs/call', 'prepared µs', 'prepared+memo µs'],
  [
    ...rows.map((r) => [
      r.fixture,
      String(r.allowed),
      String(r.reasons),
      fmt(r.callsPerSec),
      fmt(r.microsPerCall, 2),
      fmt(r.preparedMicrosPerCall, 2),
      fmt(r.memoMicrosPerCall, 2),
    ]),
    ['mix (all in turn)', '', '', fmt(mix.callsPerSec), fmt(mix.microsPerCall, 2), '', ''],
  ],
);
writeResult('assess-throughput', { benchmark: 'assess-throughput', machine, calls, fixtures: rows, mix });

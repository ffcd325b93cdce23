/** The person page as it leaves the server: the fields picked here, nothing else (data minimisation). */
import { z } from 'zod';
import { CODES } from '../../domain/codes.js';
import { CAUTIONS } from '../../domain/persons/grounds.js';
import { ART9_GROUNDS, RELATIONS } from '../../domain/persons/types.js';
import type { PersonPage } from '../../usecases/persons/get-person-page.js';

const provenance = z.object({
  datasetId: z.string().nullable(),
  datasetName: z.string().nullable(),
  sourceKind: z.string(),
  channel: z.string(),
  collectedAt: z.date(),
  collectedBy: z.string().nullable(),
  collectedByName: z.string().nullable(),
});

export const pageSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  firstName: z.string(),
  infix: z.string().nullable(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  birthDate: z.string().nullable(),
  ageBand: z.string().nullable(),
  language: z.string(),
  branchId: z.string().nullable(),
  branchName: z.string().nullable(),
  candidateIds: z.array(z.string()),
  provenance,
  obtainedFromSubject: z.boolean(),
  art14: z.object({ dueAt: z.date().nullable(), informedAt: z.date().nullable() }),
  political: z
    .object({
      relation: z.enum(RELATIONS),
      primary: z.enum(ART9_GROUNDS),
      grounds: z.array(
        z.object({
          ground: z.enum(ART9_GROUNDS),
          evidenceKind: z.string(),
          evidenceId: z.string(),
          since: z.date(),
          until: z.date().nullable(),
        }),
      ),
      cautions: z.array(z.object({ code: z.string(), nl: z.string(), en: z.string() })),
      memberships: z.array(
        z.object({
          id: z.string(),
          status: z.string(),
          since: z.string(),
          until: z.string().nullable(),
          branchId: z.string().nullable(),
          channel: z.string(),
          collectedAt: z.date(),
        }),
      ),
      regularContact: z.array(
        z.object({
          id: z.string(),
          kind: z.string(),
          occurrences: z.array(z.string()),
          description: z.string(),
          recordedBy: z.string(),
          recordedByName: z.string().nullable(),
          recordedAt: z.date(),
          retractedAt: z.date().nullable(),
          sufficient: z.boolean(),
          problems: z.array(z.string()),
        }),
      ),
      publicEvidence: z.array(
        z.object({
          id: z.string(),
          url: z.string(),
          quote: z.string(),
          topic: z.string(),
          captureMethod: z.string(),
          capturedAt: z.date(),
          activeAct: z.string(),
          reviewedBy: z.string().nullable(),
          reviewedByName: z.string().nullable(),
          reviewedAt: z.date().nullable(),
          retractedAt: z.date().nullable(),
        }),
      ),
      consents: z.array(
        z.object({
          consentId: z.string(),
          purposeId: z.string(),
          purposeName: z.string(),
          explicit: z.boolean(),
          givenAt: z.date(),
          status: z.string(),
          reasons: z.array(z.object({ code: z.string(), nl: z.string(), en: z.string() })),
        }),
      ),
    })
    .nullable(),
  attributes: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      labelNl: z.string(),
      labelEn: z.string(),
      kind: z.string(),
      value: z.string().nullable(),
      dataClass: z.enum(['ordinary', 'political']),
      publicEvidenceId: z.string().nullable(),
      channel: z.string(),
      createdByName: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  can: z.object({ write: z.boolean(), readPolitical: z.boolean(), readHistory: z.boolean() }),
});

export function toPage(page: PersonPage): z.infer<typeof pageSchema> {
  const p = page.person;
  const name = (id: string | null) => (id ? (page.users[id] ?? null) : null);
  const pol = page.political;
  return {
    ...p,
    displayName: [p.firstName, p.infix, p.lastName].filter((x) => x?.trim()).join(' '),
    provenance: {
      ...p.provenance,
      datasetName: page.datasetName,
      collectedByName: name(p.provenance.collectedBy),
    },
    art14: { dueAt: p.art14DueAt, informedAt: p.art14InformedAt },
    political: pol && {
      relation: pol.relation,
      primary: pol.primary,
      grounds: pol.grounds,
      cautions: pol.cautions.map((code) => ({ code, ...CAUTIONS[code] })),
      memberships: pol.memberships.map((m) => ({
        ...m,
        channel: m.provenance.channel,
        collectedAt: m.provenance.collectedAt,
      })),
      regularContact: pol.regularContact.map((e) => ({ ...e, recordedByName: name(e.recordedBy) })),
      publicEvidence: pol.publicEvidence.map((e) => ({ ...e, reviewedByName: name(e.reviewedBy) })),
      consents: pol.consents.map((c) => ({
        ...c,
        reasons: c.reasons.map((code) => {
          const info = (CODES as Record<string, { nl: string; en: string } | undefined>)[code];
          return { code, nl: info?.nl ?? code, en: info?.en ?? code };
        }),
      })),
    },
    attributes: page.attributes.map((a) => ({
      ...a,
      channel: a.provenance.channel,
      createdByName: name(a.createdBy),
    })),
    can: page.can,
  };
}

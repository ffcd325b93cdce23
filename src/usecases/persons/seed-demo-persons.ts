/**
 * The demo party's register (fictional persons only): contact records through the same validation as
 * real input, memberships with since dates and branch, former members (some past the retention period),
 * regular contacts with evidence, one person with manifestly-public evidence, non-members, and the
 * classified field catalogue with a few values. Bulk inserts, so `demo load` stays fast.
 */
import type { AuditEvent } from '../../domain/audit-events.js';
import { dutchDate, validateContact } from '../../domain/persons/validate-contact.js';
import type { Queryable } from '../../storage/db.js';
import { DEMO_FIELD_DEFINITIONS, type DemoPersonSeed } from '../demo/demo-data.js';
import type { Deps } from '../deps.js';

const DAY = 86_400_000;

export async function insertDemoPersons(
  d: Pick<Deps, 'persons' | 'audit'>,
  tx: Queryable,
  seeds: readonly DemoPersonSeed[],
  ctx: { branchIds: string[]; candidateIds: string[]; userIds: Record<string, string>; now: Date },
): Promise<string[]> {
  const { now, branchIds, candidateIds } = ctx;
  const admin = ctx.userIds.beheer ?? null;
  const daysAgo = (n: number) => dutchDate(new Date(now.getTime() - n * DAY));
  const operator = { actorType: 'operator' as const, actorId: null };
  const provenance = (sourceKind: 'MEMBER_ADMIN' | 'DATA_SUBJECT') => ({
    datasetId: null,
    sourceKind,
    channel: 'staff_entry' as const,
    collectedAt: now,
    collectedBy: admin,
  });

  const persons = seeds.map((s) => {
    const checked = validateContact(s, now);
    if (!checked.value) throw new Error(`demo person invalid: ${JSON.stringify(checked.errors)}`);
    return {
      ...checked.value,
      candidateIds: s.candidateIndex === null ? [] : [candidateIds[s.candidateIndex]!],
      provenance: provenance(
        s.relation === 'member' || s.relation === 'former_member' ? 'MEMBER_ADMIN' : 'DATA_SUBJECT',
      ),
      obtainedFromSubject: true,
    };
  });
  const ids = await d.persons.insertMany(tx, persons, now);
  const events: AuditEvent[] = [
    { type: 'demo.loaded', ...operator, data: { persons: ids.length } },
    ...ids.map((id) => ({
      type: 'person.created' as const,
      ...operator,
      personId: id,
      data: { source: 'demo' },
    })),
  ];

  // Memberships: members and former members, with their branch.
  const members = seeds.flatMap((s, i) =>
    s.relation === 'member' || s.relation === 'former_member'
      ? [
          {
            personId: ids[i]!,
            status: s.relation === 'member' ? ('active' as const) : ('ended' as const),
            since: daysAgo(s.memberSinceDaysAgo + (s.memberUntilDaysAgo ?? 0)),
            until: s.memberUntilDaysAgo === null ? null : daysAgo(s.memberUntilDaysAgo),
            branchId: branchIds[s.branchIndex]!,
            provenance: provenance('MEMBER_ADMIN'),
          },
        ]
      : [],
  );
  const membershipIds = await d.persons.memberships.insertMany(tx, members, now);
  for (const [k, id] of membershipIds.entries()) {
    events.push({
      type: 'person.membership_recorded',
      ...operator,
      personId: members[k]!.personId,
      objectType: 'membership',
      objectId: id,
    });
  }

  // Regular contacts: volunteers with several shifts, recurring donors.
  for (const [i, s] of seeds.entries()) {
    if (s.relation !== 'regular_contact' || !admin) continue;
    const id = await d.persons.evidence.insertRegularContact(
      tx,
      {
        personId: ids[i]!,
        kind: s.contactKind,
        occurrences: s.contactDaysAgo.map(daysAgo).sort(),
        description:
          s.contactKind === 'ACTIVE_VOLUNTEER'
            ? 'Folderen en flyeren voor de afdeling, meerdere diensten'
            : 'Maandelijkse gift aan de partij',
        recordedBy: admin,
      },
      now,
    );
    events.push({
      type: 'person.evidence_added',
      ...operator,
      personId: ids[i]!,
      objectType: 'regular_contact_evidence',
      objectId: id,
    });
  }

  // One person who made their view public under their own name.
  const figure = seeds.findIndex((s) => s.relation === 'public_figure');
  if (figure >= 0 && admin) {
    const id = await d.persons.evidence.insertPublic(
      tx,
      {
        personId: ids[figure]!,
        url: 'https://krant.voorbeeld.invalid/opinie/ingezonden-brief-polder',
        quote: 'Als inwoner steun ik de plannen van de Partij voor de Polder voor betaalbare woningen.',
        topic: 'steun voor het woningbouwplan van de partij',
        captureMethod: 'schermafdruk en webarchief',
        capturedAt: new Date(now.getTime() - 20 * DAY),
        activeAct: 'PUBLIC_STATEMENT_OWN_NAME',
        audienceUnrestricted: true,
        reviewedBy: admin,
      },
      now,
    );
    events.push({
      type: 'person.evidence_added',
      ...operator,
      personId: ids[figure]!,
      objectType: 'public_evidence',
      objectId: id,
    });
  }

  // The classified catalogue and some values (political ones only on persons with a ground, R-01).
  const defs = new Map<string, string>();
  for (const f of DEMO_FIELD_DEFINITIONS) {
    const def = await d.persons.definitions.insert(tx, { ...f, locked: false }, admin, now);
    if (def) defs.set(f.key, def.id);
  }
  for (const [i, s] of seeds.entries()) {
    const values: { key: string; value: string | null; dataClass: 'ordinary' | 'political' }[] = [
      ...s.tags.map((key) => ({
        key,
        value: null,
        dataClass: key === 'vrijwilliger' ? ('political' as const) : ('ordinary' as const),
      })),
      ...(s.housingView
        ? [{ key: 'standpunt-wonen', value: s.housingView, dataClass: 'political' as const }]
        : []),
    ];
    for (const v of values) {
      const id = await d.persons.attributes.insert(
        tx,
        {
          personId: ids[i]!,
          definitionId: defs.get(v.key)!,
          value: v.value,
          dataClass: v.dataClass,
          publicEvidenceId: null,
          provenance: provenance('DATA_SUBJECT'),
          createdBy: admin,
        },
        now,
      );
      events.push({
        type: 'person.attribute_set',
        ...operator,
        personId: ids[i]!,
        objectType: 'person_attribute',
        objectId: id,
      });
    }
  }
  await d.audit.append(tx, events, now);
  return ids;
}

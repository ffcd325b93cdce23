/**
 * The person page (C1): contact data, provenance and the art 14 deadline; for readers of political data
 * staff only) also the relation, the art 9 grounds with their evidence, the consents as the
 * consent rules assess them, and political fields, tags and notes. Within scope only (404 otherwise,
 * Every read is audited in the same transaction: `person.read`, and `person.political_read` when
 * political data were shown.
 */
import type { Actor } from '../../domain/access/actor.js';
import { can, personAccess } from '../../domain/access/policies.js';
import { DomainError } from '../../domain/codes.js';
import { regularContactSufficient } from '../../domain/persons/evidence.js';
import type { Caution, DerivedGrounds } from '../../domain/persons/grounds.js';
import type { ConsentGroundFact } from '../../domain/persons/types.js';
import type { MembershipRecord } from '../../storage/memberships-repo.js';
import type { AttributeRecord } from '../../storage/person-attributes-repo.js';
import type { PublicEvidenceRecord, RegularContactRecord } from '../../storage/person-evidence-repo.js';
import { personHistoryRepo } from '../../storage/person-history-repo.js';
import type { PersonRecord } from '../../storage/persons-repo.js';
import type { Deps } from '../deps.js';
import { refuse } from '../refuse.js';
import { personReader } from './authorize-person-read.js';
import { type GroundDeps, loadGrounds } from './person-grounds.js';

export interface PoliticalView {
  relation: DerivedGrounds['relation'];
  primary: DerivedGrounds['primary'];
  grounds: DerivedGrounds['grounds'];
  cautions: Caution[];
  memberships: MembershipRecord[];
  regularContact: (RegularContactRecord & { sufficient: boolean; problems: string[] })[];
  publicEvidence: PublicEvidenceRecord[];
  consents: ConsentGroundFact[];
}

export interface PersonPage {
  person: PersonRecord;
  datasetName: string | null;
  /** Usernames behind user ids on the page (collectors, reviewers). */
  users: Record<string, string>;
  political: PoliticalView | null;
  attributes: AttributeRecord[];
  can: { write: boolean; readPolitical: boolean; readHistory: boolean };
}

export async function getPersonPage(
  d: Pick<Deps, 'db' | 'persons' | 'audit' | 'now'> & GroundDeps,
  actor: Actor,
  id: string,
  purpose: string,
): Promise<PersonPage> {
  const now = d.now();
  const reader = await personReader(d, actor, now, 'person.read');
  const outcome = await d.db.transaction(async (tx) => {
    const person = await d.persons.findById(tx, id);
    if (!person) return { refused: 'NOT_FOUND' as const, exists: false };
    const access = personAccess(reader.assignments, person, 'person:read', now);
    if (!access.allowed) return { refused: access.code, exists: true };
    const readPolitical = actor.kind === 'user' && can(reader.assignments, 'person:read_political', now);
    let political: PoliticalView | null = null;
    if (readPolitical) {
      const g = await loadGrounds(d, tx, id, now);
      political = {
        relation: g.derived.relation,
        primary: g.derived.primary,
        grounds: g.derived.grounds,
        cautions: g.derived.cautions,
        memberships: g.memberships,
        regularContact: g.regularContact.map((e) => ({ ...e, ...regularContactSufficient(e, now) })),
        publicEvidence: g.publicEvidence,
        consents: g.consents,
      };
    }
    const attributes = await d.persons.attributes.forPerson(tx, id, { political: readPolitical });
    const datasetName = await personHistoryRepo.datasetName(tx, person.provenance.datasetId);
    const users = await personHistoryRepo.usernames(tx, [
      person.provenance.collectedBy,
      ...attributes.map((a) => a.createdBy),
      ...(political?.publicEvidence.map((e) => e.reviewedBy) ?? []),
      ...(political?.regularContact.map((e) => e.recordedBy) ?? []),
    ]);
    const base = { actorType: reader.actorType, actorId: reader.actorId, personId: id, purpose };
    await d.audit.append(
      tx,
      [
        { type: 'person.read', ...base, data: { view: 'page' } },
        ...(political || attributes.some((a) => a.dataClass === 'political')
          ? [
              {
                type: 'person.political_read' as const,
                ...base,
                data: {
                  view: 'page',
                  memberships: political?.memberships.length ?? 0,
                  evidence: (political?.regularContact.length ?? 0) + (political?.publicEvidence.length ?? 0),
                  consents: political?.consents.length ?? 0,
                  attributes: attributes.filter((a) => a.dataClass === 'political').length,
                },
              },
            ]
          : []),
      ],
      now,
    );
    const page: PersonPage = {
      person,
      datasetName,
      users: Object.fromEntries(users),
      political,
      attributes,
      can: {
        write: actor.kind === 'user' && personAccess(reader.assignments, person, 'person:write', now).allowed,
        readPolitical,
        readHistory: actor.kind === 'user' && can(reader.assignments, 'audit:read', now),
      },
    };
    return { page };
  });
  if ('page' in outcome && outcome.page) return outcome.page;
  // A refused read of an existing person is audited (same answer as a missing one, R-63).
  if (outcome.exists) return refuse(d, actor, outcome.refused, { action: 'person.read', personId: id });
  throw new DomainError('NOT_FOUND');
}

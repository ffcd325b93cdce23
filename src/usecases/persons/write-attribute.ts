/**
 * The shared step of setAttribute, addTag and addNote: find the definition, take its class,
 * and guard political data (R-01: a person without an art 9 ground holds none, NO_EXPLICIT_CONSENT;
 * under 9(2)(e) alone only what was published, linked to its evidence). A refusal is audited once
 * and nothing is written. BSNs are refused in field values and masked in notes.
 */
import { containsBsn, maskBsn } from '../../domain/bsn.js';
import { DomainError } from '../../domain/codes.js';
import { effectiveClass, type FieldKind } from '../../domain/persons/field-definitions.js';
import { checkPoliticalWrite } from '../../domain/persons/grounds.js';
import type { Deps } from '../deps.js';
import { type GroundDeps, loadGrounds } from './person-grounds.js';
import {
  invalidField,
  isRefusal,
  type Refusal,
  raise,
  type Writer,
  writablePerson,
} from './person-write-access.js';

export interface AttributeInput {
  key: string;
  value: string | null;
  publicEvidenceId: string | null;
}

const MAX_VALUE: Record<FieldKind, number> = { tag: 0, field: 500, note: 5000 };

export async function writeAttribute(
  d: Pick<Deps, 'db' | 'audit' | 'now' | 'persons'> & GroundDeps,
  w: Writer,
  personId: string,
  kind: FieldKind,
  input: AttributeInput,
  now: Date,
): Promise<{ id: string; dataClass: 'ordinary' | 'political'; masked: number }> {
  const action = `person.${kind === 'tag' ? 'add_tag' : kind === 'note' ? 'add_note' : 'set_attribute'}`;
  let value = input.value === null ? null : input.value.trim();
  let masked = 0;
  if (kind === 'tag' && value !== null && value !== '')
    invalidField('value', 'value.tag', 'a tag has no value');
  if (kind !== 'tag') {
    if (!value) invalidField('value', 'value.required', 'a value is required');
    if ([...value].length > MAX_VALUE[kind])
      invalidField('value', 'value.too_long', `at most ${MAX_VALUE[kind]} characters`);
    if (kind === 'field' && containsBsn(value)) {
      throw new DomainError('BSN_NOT_ALLOWED', { field: 'value' });
    }
    if (kind === 'note' && containsBsn(value)) {
      const m = maskBsn(value);
      masked = m === value ? 0 : 1;
      value = m;
    }
  } else value = null;

  const outcome = await d.db.transaction(
    async (tx): Promise<Refusal | { id: string; dataClass: 'ordinary' | 'political' }> => {
      const denied = await writablePerson(d, tx, w, personId, now);
      if (denied) return denied;
      const def = await d.persons.definitions.findByKey(tx, input.key);
      if (!def || def.kind !== kind) invalidField('key', 'key.unknown', `no ${kind} with this key`);
      if (def.locked) invalidField('key', 'key.membership', 'membership is recorded as a membership');
      const dataClass = effectiveClass(def);
      let publicEvidenceId: string | null = null;
      if (input.publicEvidenceId !== null) {
        const e = await d.persons.evidence.find(tx, 'public', input.publicEvidenceId);
        if (!e || e.personId !== personId || e.retractedAt) {
          invalidField(
            'publicEvidenceId',
            'publicEvidenceId.unknown',
            'no current public evidence of this person',
          );
        }
        publicEvidenceId = input.publicEvidenceId;
      }
      if (dataClass === 'political') {
        const held = (await loadGrounds(d, tx, personId, now)).derived;
        const reasons = checkPoliticalWrite(held, dataClass, publicEvidenceId);
        if (reasons.length) return { refused: reasons[0]!, reasons, details: { key: def.key }, audit: true };
      }
      const current = kind === 'note' ? [] : await d.persons.attributes.currentIds(tx, personId, def.id);
      if (kind === 'tag' && current.length > 0) return { id: current[0]!, dataClass };
      if (kind === 'field') await d.persons.attributes.remove(tx, current, w.userId, now);
      const id = await d.persons.attributes.insert(
        tx,
        {
          personId,
          definitionId: def.id,
          value,
          dataClass,
          publicEvidenceId,
          provenance: {
            datasetId: null,
            sourceKind: 'DATA_SUBJECT',
            channel: 'staff_entry',
            collectedAt: now,
            collectedBy: w.userId,
          },
          createdBy: w.userId,
        },
        now,
      );
      await d.audit.append(
        tx,
        [
          {
            type: 'person.attribute_set',
            actorType: w.actorType,
            actorId: w.actorId,
            personId,
            objectType: 'person_attribute',
            objectId: id,
            data: {
              definitionId: def.id,
              kind,
              dataClass,
              replaced: current.length,
              ...(masked ? { bsnMasked: masked } : {}),
            },
          },
        ],
        now,
      );
      return { id, dataClass };
    },
  );
  if (isRefusal(outcome)) return raise(d, w, outcome, { action, personId });
  return { ...outcome, masked };
}

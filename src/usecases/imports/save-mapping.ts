/** Save a column mapping under a name, for the next file with the same columns (saving again replaces it). */
import type { Actor } from '../../domain/access/actor.js';
import { DomainError } from '../../domain/codes.js';
import { IMPORT_FIELDS, type ImportMapping } from '../../domain/imports/fields.js';
import { importMappingsRepo, type SavedMapping } from '../../storage/import-mappings-repo.js';
import type { Deps } from '../deps.js';
import { importer } from './authorize-imports.js';

export async function saveImportMapping(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
  input: { name: string; mapping: ImportMapping },
): Promise<SavedMapping> {
  const who = await importer(d, actor, 'import.save_mapping');
  const name = input.name.trim();
  const problems: { field: string; rule: string }[] = [];
  if (name.length < 1 || name.length > 100) problems.push({ field: 'name', rule: 'name.length' });
  const entries = Object.entries(input.mapping);
  if (entries.length === 0 || entries.length > 200) problems.push({ field: 'mapping', rule: 'mapping.size' });
  for (const [column, field] of entries) {
    if (column.length > 200)
      problems.push({ field: `mapping.${column.slice(0, 40)}`, rule: 'mapping.column_too_long' });
    if (field !== null && !(IMPORT_FIELDS as readonly string[]).includes(field)) {
      problems.push({ field: `mapping.${column}`, rule: 'mapping.unknown_field' });
    }
  }
  if (problems.length) throw new DomainError('IMPORT_MAPPING_INVALID', { problems });
  const now = d.now();
  return d.db.transaction(async (tx) => {
    const saved = await importMappingsRepo.upsert(tx, name, input.mapping, who.userId, now);
    await d.audit.append(
      tx,
      [
        {
          type: 'import.mapping_saved',
          actorType: who.actorType,
          actorId: who.actorId,
          objectType: 'import_mapping',
          objectId: saved.id,
          data: { name },
        },
      ],
      now,
    );
    return saved;
  });
}

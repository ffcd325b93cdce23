/**
 * The mapping an import uses: one given with the request, a saved one by name (applied to the columns the
 * file has), the one already set on the job, or the suggestion from the column names, in that order.
 * Every problem is reported (IMPORT_MAPPING_INVALID, naming column and rule).
 */
import { DomainError } from '../../domain/codes.js';
import { type ImportMapping, suggestMapping } from '../../domain/imports/fields.js';
import { applyMapping, validateMapping } from '../../domain/imports/mapping.js';
import type { Queryable } from '../../storage/db.js';
import { importMappingsRepo } from '../../storage/import-mappings-repo.js';

export interface MappingChoice {
  mapping?: ImportMapping | null;
  mappingName?: string | null;
}

export async function resolveMapping(
  tx: Queryable,
  headers: readonly string[],
  choice: MappingChoice,
  current: ImportMapping | null,
  currentName: string | null = null,
): Promise<{ mapping: ImportMapping; name: string | null }> {
  let mapping: ImportMapping;
  let name: string | null = null;
  if (choice.mapping) {
    mapping = { ...applyMapping(headers, {}), ...choice.mapping };
  } else if (choice.mappingName) {
    const saved = await importMappingsRepo.findByName(tx, choice.mappingName);
    if (!saved) {
      throw new DomainError('NOT_FOUND', { field: 'mappingName', rule: 'mapping.unknown_name' });
    }
    mapping = applyMapping(headers, saved.mapping);
    name = saved.name;
  } else {
    mapping = current ? applyMapping(headers, current) : suggestMapping(headers);
    name = current ? currentName : null;
  }
  const problems = validateMapping(headers, mapping);
  if (problems.length > 0) throw new DomainError('IMPORT_MAPPING_INVALID', { problems });
  return { mapping, name };
}

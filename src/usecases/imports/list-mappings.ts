/** The saved column mappings, by name. */
import type { Actor } from '../../domain/access/actor.js';
import { importMappingsRepo, type SavedMapping } from '../../storage/import-mappings-repo.js';
import type { Deps } from '../deps.js';
import { importer } from './authorize-imports.js';

export async function listImportMappings(
  d: Pick<Deps, 'db' | 'audit' | 'now'>,
  actor: Actor,
): Promise<SavedMapping[]> {
  await importer(d, actor, 'import.list_mappings');
  return importMappingsRepo.list(d.db);
}

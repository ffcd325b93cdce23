/** Audit event types of the imports capability (issue 3). Persons by id only; never plaintext personal data. */
export const IMPORT_EVENTS = [
  'dataset.created',
  'dataset.refused',
  'dataset.provenance_completed',
  'dataset.purged',
  'import.uploaded',
  'import.previewed',
  'import.mapping_set',
  'import.mapping_saved',
  'import.started',
  'import.refused',
  'import.chunk_committed',
  'import.finished',
  'import.failed',
  'import.cancelled',
  'import.report_read',
  'import.file_deleted',
] as const;

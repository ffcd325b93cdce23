import { useQuery } from '@tanstack/react-query';
import { FIELD_CLASS, IMPORT_FIELDS } from '../../../../src/domain/imports/fields';
import { DATASET_ORIGINS, LAWFUL_BASES, ORIGIN_INFO } from '../../../../src/domain/imports/origins';
import { ApiError, api } from '../../api';

export type DatasetStatus = 'active' | 'quarantine' | 'refused';
export type ImportStatus =
  | 'uploaded'
  | 'previewed'
  | 'queued'
  | 'running'
  | 'done'
  | 'failed'
  | 'cancelled'
  | 'refused';
export type FieldClass = 'ordinary' | 'political';
export type Mapping = Record<string, string | null>;

// The choices come from the domain, so the screens and the gate never disagree.
export const ORIGINS = DATASET_ORIGINS;
export const THIRD_PARTY: ReadonlySet<string> = new Set(ORIGINS.filter((o) => ORIGIN_INFO[o].thirdParty));
export { LAWFUL_BASES };
export const FIELDS = IMPORT_FIELDS;
export const POLITICAL_FIELDS: ReadonlySet<string> = new Set(
  FIELDS.filter((f) => FIELD_CLASS[f] === 'political'),
);

export interface Provenance {
  description: string | null;
  noticeGiven: string | null;
  collectedFrom: string | null;
  collectedUntil: string | null;
  lawfulBasis: string | null;
  supplier: string | null;
  collectionMethod: string | null;
  consentText: string | null;
  consentNamesParty: boolean | null;
  documentReference: string | null;
}

export interface Dataset extends Provenance {
  id: string;
  name: string;
  origin: string;
  status: DatasetStatus;
  reasons: string[];
  obligations: string[];
  missingProvenance: string[];
  containsPolitical: boolean;
  enriched: boolean;
  quarantinedAt: string | null;
  purgeAt: string | null;
  createdAt: string;
}

export interface Counts {
  read: number;
  inserted: number;
  duplicates: number;
  suppressed: number;
  rejected: number;
}

export interface ImportJob {
  id: string;
  datasetId: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  sizeBytes: number;
  status: ImportStatus;
  encoding: string | null;
  delimiter: string | null;
  headers: string[] | null;
  totalRows: number | null;
  mapping: Mapping | null;
  mappingName: string | null;
  counts: Counts;
  committedRows: number;
  errorCode: string | null;
  errorDetails: Record<string, unknown> | null;
  refusalCodes: string[];
  fileKept: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface Assessment {
  status: DatasetStatus;
  reasons: string[];
  obligations: string[];
  missingProvenance: string[];
  columns: Record<string, string[]>;
}

export interface Preview {
  job: ImportJob;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  rows: { row: number; cells: string[] }[];
  columns: { header: string; suggested: string | null; fieldClass: FieldClass | null; kinds: string[] }[];
  suggestedMapping: Mapping;
  mapping: Mapping;
  assessment: Assessment;
}

export interface SavedMapping {
  id: string;
  name: string;
  mapping: Mapping;
}

export const FINISHED = new Set<ImportStatus>(['done', 'failed', 'cancelled', 'refused']);

export const datasetsKey = ['datasets'] as const;
export const importsKey = ['imports'] as const;
export const mappingsKey = ['import-mappings'] as const;

export function useDatasets() {
  return useQuery({
    queryKey: datasetsKey,
    queryFn: () => api<{ items: Dataset[] }>('GET', '/api/v1/datasets'),
  });
}

export function useImports() {
  return useQuery({
    queryKey: importsKey,
    queryFn: () => api<{ items: ImportJob[] }>('GET', '/api/v1/imports'),
    // While an import is queued or running, look again every few seconds.
    refetchInterval: (q) =>
      q.state.data?.items.some((j) => j.status === 'queued' || j.status === 'running') ? 2000 : false,
  });
}

/** One import, polled every second while it is queued or running. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: [...importsKey, id],
    enabled: id !== null,
    queryFn: () => api<ImportJob>('GET', `/api/v1/imports/${encodeURIComponent(id ?? '')}`),
    refetchInterval: (q) =>
      q.state.data &&
      !FINISHED.has(q.state.data.status) &&
      q.state.data.status !== 'uploaded' &&
      q.state.data.status !== 'previewed'
        ? 1000
        : false,
  });
}

export function usePreview(id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: [...importsKey, id, 'preview'],
    enabled: id !== null && enabled,
    retry: false,
    queryFn: () => api<Preview>('GET', `/api/v1/imports/${encodeURIComponent(id ?? '')}/preview`),
  });
}

export function useMappings() {
  return useQuery({
    queryKey: mappingsKey,
    queryFn: () => api<{ items: SavedMapping[] }>('GET', '/api/v1/import-mappings'),
  });
}

export const createDataset = (body: Record<string, unknown>) =>
  api<Dataset>('POST', '/api/v1/datasets', body);
export const completeProvenance = (id: string, body: Provenance) =>
  api<Dataset>('POST', `/api/v1/datasets/${encodeURIComponent(id)}/provenance`, body);
export const setMapping = (id: string, body: { mapping?: Mapping; mappingName?: string }) =>
  api<{ job: ImportJob; assessment: Assessment }>(
    'PUT',
    `/api/v1/imports/${encodeURIComponent(id)}/mapping`,
    body,
  );
export const startImport = (id: string, mapping: Mapping) =>
  api<ImportJob>('POST', `/api/v1/imports/${encodeURIComponent(id)}/start`, { mapping });
export const cancelImport = (id: string) =>
  api<ImportJob>('POST', `/api/v1/imports/${encodeURIComponent(id)}/cancel`);
export const saveMapping = (name: string, mapping: Mapping) =>
  api<SavedMapping>('POST', '/api/v1/import-mappings', { name, mapping });
export const reportUrl = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}/report.csv`;

/**
 * Upload a file as the raw request body with progress (XMLHttpRequest: fetch reports no upload progress).
 * The CSRF token comes from the session endpoint, as the shared client gets it.
 */
export async function uploadFile(
  datasetId: string,
  file: File,
  locale: string,
  onProgress: (fraction: number) => void,
): Promise<{ job: ImportJob; resumed: boolean }> {
  const session = await api<{ csrfToken: string }>('GET', '/api/v1/auth/session');
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(
      'POST',
      `/api/v1/datasets/${encodeURIComponent(datasetId)}/imports?fileName=${encodeURIComponent(file.name.slice(0, 255))}`,
    );
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-csrf-token', session.csrfToken);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', locale);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', ''));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: handled below
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as { job: ImportJob; resumed: boolean });
      const body = (data ?? {}) as { code?: string; message?: string; details?: unknown };
      reject(new ApiError(xhr.status, body.code ?? `HTTP_${xhr.status}`, body.message ?? '', body.details));
    };
    xhr.send(file);
  });
}

/** The reasons of a refusal as the server reported them (details.reasons), else its code. */
export function reasonsOf(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const d = error.details as { reasons?: unknown } | undefined;
  return Array.isArray(d?.reasons) ? (d.reasons as string[]) : [error.code];
}

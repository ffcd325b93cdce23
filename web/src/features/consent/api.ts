import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

/** The server's vocabulary (src/domain/consent/types.ts). */
export const PERMISSION_CHANNELS = ['EMAIL', 'SMS', 'WHATSAPP', 'PHONE', 'POST'] as const;
export type PermissionChannel = (typeof PERMISSION_CHANNELS)[number];
export const OFFLINE_CHANNELS = ['PAPER', 'DOORSTEP', 'PHONE', 'EMAIL_REPLY', 'VERBAL_RECORDED'] as const;
export type OfflineChannel = (typeof OFFLINE_CHANNELS)[number];
export type ConsentChannel = OfflineChannel | 'WEB_FORM' | 'IMPORT';
export const CAPTURE_DEFECTS = ['PRE_TICKED', 'BUNDLED_WITH_OTHER_PURPOSES', 'CONDITION_OF_SERVICE'] as const;
export type CaptureDefect = (typeof CAPTURE_DEFECTS)[number];
export const STAFF_WITHDRAWAL_CHANNELS = ['PHONE', 'PAPER', 'EMAIL', 'IN_PERSON'] as const;
export type WithdrawalChannel = (typeof STAFF_WITHDRAWAL_CHANNELS)[number] | 'LINK';
export type ConsentLanguage = 'nl' | 'en';
export type ConsentStatus = 'valid' | 'pending_confirmation' | 'invalid' | 'withdrawn' | 'lapsed';

export interface Purpose {
  id: string;
  name: string;
  description: string;
  political: boolean;
  channels: PermissionChannel[];
  scopeUntil: string | null;
  refreshAfterMonths: number | null;
  recipients: string[];
  createdAt: string;
  updatedAt: string;
}

export type PurposeInput = Omit<Purpose, 'id' | 'createdAt' | 'updatedAt'>;

export interface TextContent {
  controllerName: string;
  statement: string;
  specialCategoryMention: string | null;
  purposeMention: string | null;
  dataCategories: string[];
  withdrawalInstructions: string;
  automatedDecisionNotice: string | null;
  transferNotice: string | null;
}

export interface TextVersion extends TextContent {
  id: string;
  purposeId: string;
  language: ConsentLanguage;
  version: number;
  fullText: string;
  sha256: string;
  createdAt: string;
  referencedAt: string | null;
}

export interface RequestCheck {
  reasons: string[];
  missing: string[];
  warnings: string[];
}

export interface FormItem {
  purposeIds: string[];
  required: boolean;
  defaultChecked: boolean;
}

export interface FormInput {
  slug: string;
  titles: Partial<Record<ConsentLanguage, string>>;
  intros: Partial<Record<ConsentLanguage, string>>;
  controllerName: string;
  privacyNoticeUrl: string | null;
  privacyNoticeText: string | null;
  serviceName: string | null;
  servicePurposeId: string | null;
  items: FormItem[];
}

export interface ConsentForm extends FormInput {
  id: string;
  status: 'draft' | 'published';
  published: { languages: ConsentLanguage[]; noticeId: string; purposes: { purposeId: string }[] } | null;
  publishedAt: string | null;
  publicUrl: string;
  createdAt: string;
  updatedAt: string;
}

/** One reason a form cannot be published (details.problems of the refusal). */
export interface FormProblem {
  code: string;
  item?: number;
  purposeId?: string;
  language?: ConsentLanguage;
  missing?: string;
}

export interface PersonConsent {
  id: string;
  personId: string;
  purposeId: string;
  purposeName: string;
  political: boolean;
  channel: ConsentChannel;
  givenAt: string;
  confirmedAt: string | null;
  explicit: boolean;
  captureDefects: CaptureDefect[];
  textVersionId: string | null;
  textVersion: number | null;
  language: ConsentLanguage | null;
  ageAtConsent: number | null;
  guardianConfirmedAt: string | null;
  hasScan: boolean;
  withdrawnAt: string | null;
  withdrawalChannel: WithdrawalChannel | null;
  status: ConsentStatus;
  reasons: string[];
  unconfirmed: boolean;
}

export interface Receipt {
  consent: PersonConsent;
  text: {
    id: string;
    version: number;
    language: ConsentLanguage;
    statement: string;
    fullText: string;
    sha256: string;
    recordedSha256: string | null;
    intact: boolean;
  } | null;
  notice: { id: string; url: string | null; text: string | null; sha256: string } | null;
  controllerNames: string[];
  evidence: {
    formSlug: string | null;
    submissionId: string | null;
    collector: string | null;
    place: string | null;
    ipHash: string | null;
    userAgent: string | null;
    scan: { id: string; contentType: string; sizeBytes: number; sha256: string } | null;
    guardianName: string | null;
    withdrawnBy: string | null;
    withdrawalChannel: WithdrawalChannel | null;
    onBehalfOf: string | null;
  };
}

export interface ScanUpload {
  contentType: 'application/pdf' | 'image/png' | 'image/jpeg';
  dataBase64: string;
}

export interface OfflineInput {
  personId: string;
  purposeId: string;
  textVersionId: string;
  channel: OfflineChannel;
  givenAt: string;
  collector: string;
  place: string | null;
  explicit: boolean;
  captureDefects: CaptureDefect[];
  birthYear: number | null;
  guardianName: string | null;
  guardianEmail: string | null;
  guardianConsented: boolean;
  scan: ScanUpload | null;
  sendConfirmation: boolean;
}

/** A purpose an offline capture may ask, with its current text per language (Dutch first). */
export interface CaptureOption {
  id: string;
  name: string;
  description: string;
  political: boolean;
  scopeUntil: string | null;
  texts: { id: string; language: ConsentLanguage; version: number; statement: string; fullText: string }[];
}

export const purposesKey = ['consent', 'purposes'] as const;
export const captureOptionsKey = ['consent', 'capture-options'] as const;
export const textsKey = ['consent', 'texts'] as const;
export const formsKey = ['consent', 'forms'] as const;
export const personConsentsKey = (personId: string) => ['consent', 'person', personId] as const;

export function usePurposes() {
  return useQuery({
    queryKey: purposesKey,
    queryFn: () => api<{ items: Purpose[] }>('GET', '/api/v1/consent/purposes'),
  });
}

export function useTexts() {
  return useQuery({
    queryKey: textsKey,
    queryFn: () => api<{ items: TextVersion[] }>('GET', '/api/v1/consent/texts'),
  });
}

/** For everyone with `consent:record` (staff and volunteers). */
export function useCaptureOptions(enabled = true) {
  return useQuery({
    queryKey: captureOptionsKey,
    enabled,
    queryFn: () => api<{ items: CaptureOption[] }>('GET', '/api/v1/consent/capture-options'),
  });
}

export function useForms() {
  return useQuery({
    queryKey: formsKey,
    queryFn: () => api<{ items: ConsentForm[] }>('GET', '/api/v1/consent/forms'),
  });
}

export function usePersonConsents(personId: string | null, purpose: string) {
  return useQuery({
    queryKey: [...personConsentsKey(personId ?? ''), purpose],
    enabled: personId !== null,
    queryFn: () =>
      api<{ items: PersonConsent[] }>(
        'GET',
        `/api/v1/persons/${encodeURIComponent(personId ?? '')}/consents?purpose=${encodeURIComponent(purpose)}`,
      ),
  });
}

export const createPurpose = (p: PurposeInput) => api<Purpose>('POST', '/api/v1/consent/purposes', p);
export const updatePurpose = (id: string, p: PurposeInput) =>
  api<Purpose>('PUT', `/api/v1/consent/purposes/${id}`, p);

export const createTextVersion = (purposeId: string, language: ConsentLanguage, c: TextContent) =>
  api<{ version: TextVersion; check: RequestCheck }>('POST', `/api/v1/consent/purposes/${purposeId}/texts`, {
    language,
    ...c,
  });
export const deleteTextVersion = (id: string) => api<void>('DELETE', `/api/v1/consent/texts/${id}`);

export const createForm = (f: FormInput) => api<ConsentForm>('POST', '/api/v1/consent/forms', f);
export const updateForm = (id: string, f: FormInput) =>
  api<ConsentForm>('PUT', `/api/v1/consent/forms/${id}`, f);
export const publishForm = (id: string) => api<ConsentForm>('POST', `/api/v1/consent/forms/${id}/publish`);
export const unpublishForm = (id: string) =>
  api<ConsentForm>('POST', `/api/v1/consent/forms/${id}/unpublish`);

export const recordOffline = (input: OfflineInput) =>
  api<PersonConsent>('POST', '/api/v1/consent/records', input);
export const attachScan = (recordId: string, scan: ScanUpload) =>
  api<PersonConsent>('POST', `/api/v1/consent/records/${recordId}/scan`, scan);
export const getReceipt = (recordId: string, purpose: string) =>
  api<Receipt>('GET', `/api/v1/consent/records/${recordId}/receipt?purpose=${encodeURIComponent(purpose)}`);
export const withdrawConsent = (input: {
  personId: string;
  purposeId: string;
  channel: Exclude<WithdrawalChannel, 'LINK'>;
  onBehalfOf: string | null;
}) => api<{ withdrawn: string[] }>('POST', '/api/v1/consent/withdrawals', input);

/** Read a chosen file as base64 (for the scan upload), with its type when it is one we accept. */
export function readScan(file: File): Promise<ScanUpload | null> {
  const type = file.type as ScanUpload['contentType'];
  if (!['application/pdf', 'image/png', 'image/jpeg'].includes(type)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ contentType: type, dataBase64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

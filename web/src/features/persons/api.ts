import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export interface PersonRow {
  id: string;
  displayName: string;
  branchName: string | null;
  postcode: string | null;
}

export type SearchKind = 'email' | 'phone' | 'postcode' | 'postcode_area' | 'name';

interface SearchPage {
  items: PersonRow[];
  next: string | null;
  searchedBy: SearchKind | null;
}

export interface Ground {
  ground: string;
  evidenceKind: string;
  evidenceId: string;
  since: string;
  until: string | null;
}

export interface PersonPage {
  id: string;
  displayName: string;
  firstName: string;
  infix: string | null;
  lastName: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  birthDate: string | null;
  ageBand: string | null;
  language: string;
  branchId: string | null;
  branchName: string | null;
  provenance: {
    datasetId: string | null;
    datasetName: string | null;
    sourceKind: string;
    channel: string;
    collectedAt: string;
    collectedBy: string | null;
    collectedByName: string | null;
  };
  obtainedFromSubject: boolean;
  art14: { dueAt: string | null; informedAt: string | null };
  political: {
    relation: string;
    primary: string;
    grounds: Ground[];
    cautions: { code: string; nl: string; en: string }[];
    memberships: {
      id: string;
      status: string;
      since: string;
      until: string | null;
      branchId: string | null;
      channel: string;
      collectedAt: string;
    }[];
    regularContact: {
      id: string;
      kind: string;
      occurrences: string[];
      description: string;
      recordedByName: string | null;
      recordedAt: string;
      retractedAt: string | null;
      sufficient: boolean;
      problems: string[];
    }[];
    publicEvidence: {
      id: string;
      url: string;
      quote: string;
      topic: string;
      captureMethod: string;
      capturedAt: string;
      activeAct: string;
      reviewedByName: string | null;
      reviewedAt: string | null;
      retractedAt: string | null;
    }[];
    consents: {
      consentId: string;
      purposeName: string;
      explicit: boolean;
      givenAt: string;
      status: string;
      reasons: { code: string; nl: string; en: string }[];
    }[];
  } | null;
  attributes: {
    id: string;
    key: string;
    labelNl: string;
    labelEn: string;
    kind: string;
    value: string | null;
    dataClass: 'ordinary' | 'political';
    publicEvidenceId: string | null;
    channel: string;
    createdByName: string | null;
    createdAt: string;
  }[];
  can: { write: boolean; readPolitical: boolean; readHistory: boolean };
}

export interface HistoryEntry {
  seq: number;
  at: string;
  type: string;
  actorType: string;
  actorName: string | null;
  purpose: string | null;
  objectType: string | null;
  objectId: string | null;
  data: Record<string, unknown>;
}

export interface FieldDefinition {
  id: string;
  key: string;
  labelNl: string;
  labelEn: string;
  kind: 'tag' | 'field' | 'note';
  dataClass: 'ordinary' | 'political';
  proxyRisk: 'none' | 'low' | 'high';
  locked: boolean;
}

export interface Branch {
  id: string;
  name: string;
  postcodeFrom: number;
  postcodeTo: number;
}

const PAGE_SIZE = 50;
/** The purposes the screens state; the server records them with each audited read. */
export const PURPOSE = {
  list: 'overzicht',
  page: 'persoonskaart bekijken',
  history: 'geschiedenis bekijken',
};

/** Every fetch is an audited read: never refetch behind the user's back, and drop data once the view is left. */
const auditedRead = {
  staleTime: Number.POSITIVE_INFINITY,
  gcTime: 0,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
  retry: false,
} as const;

export const personKey = (id: string) => ['person', id] as const;

export function usePersonSearch(q: string, branchId: string) {
  return useInfiniteQuery({
    queryKey: ['persons', PURPOSE.list, q, branchId],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE), purpose: PURPOSE.list });
      if (q) params.set('q', q);
      if (branchId) params.set('branchId', branchId);
      if (pageParam !== null) params.set('after', pageParam);
      return api<SearchPage>('GET', `/api/v1/persons?${params}`);
    },
    getNextPageParam: (last) => last.next ?? undefined,
    ...auditedRead,
  });
}

export function usePersonPage(id: string) {
  return useQuery({
    queryKey: personKey(id),
    queryFn: () =>
      api<PersonPage>('GET', `/api/v1/persons/${id}?${new URLSearchParams({ purpose: PURPOSE.page })}`),
    ...auditedRead,
  });
}

export function usePersonHistory(id: string) {
  return useInfiniteQuery({
    queryKey: ['person-history', id],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '50', purpose: PURPOSE.history });
      if (pageParam !== null) params.set('before', String(pageParam));
      return api<{ items: HistoryEntry[]; next: number | null }>(
        'GET',
        `/api/v1/persons/${id}/history?${params}`,
      );
    },
    getNextPageParam: (last) => last.next ?? undefined,
    ...auditedRead,
  });
}

export function useFieldDefinitions() {
  return useQuery({
    queryKey: ['field-definitions'],
    queryFn: () => api<{ items: FieldDefinition[] }>('GET', '/api/v1/field-definitions'),
    staleTime: 60_000,
  });
}

export function useBranches() {
  return useQuery({
    queryKey: ['branches'],
    queryFn: () => api<{ items: Branch[] }>('GET', '/api/v1/branches'),
    staleTime: 5 * 60_000,
  });
}

export type ContactForm = Record<string, string | null>;

export const createPerson = (body: Record<string, string | boolean | null>) =>
  api<{ id: string }>('POST', '/api/v1/persons', body);

export const recordMembership = (
  id: string,
  body: { since: string; until: string | null; branchId: string | null },
) => api<{ id: string }>('POST', `/api/v1/persons/${id}/memberships`, body);

export const endMembership = (id: string, membershipId: string, until: string) =>
  api<void>('POST', `/api/v1/persons/${id}/memberships/${membershipId}/end`, { until });

export const addRegularContact = (
  id: string,
  body: { kind: string; occurrences: string[]; description: string },
) => api<{ id: string }>('POST', `/api/v1/persons/${id}/evidence/regular-contact`, body);

export const addPublicEvidence = (
  id: string,
  body: {
    url: string;
    quote: string;
    capturedAt: string;
    activeAct: string;
    audienceUnrestricted: boolean;
    captureMethod: string;
    topic: string;
  },
) => api<{ id: string }>('POST', `/api/v1/persons/${id}/evidence/public`, body);

export const retractEvidence = (
  id: string,
  kind: 'regular-contact' | 'public',
  evidenceId: string,
  reason: string,
) => api<void>('POST', `/api/v1/persons/${id}/evidence/${kind}/${evidenceId}/retract`, { reason });

const ATTRIBUTE_PATH = { tag: 'tags', field: 'fields', note: 'notes' } as const;

export const addAttribute = (
  id: string,
  kind: 'tag' | 'field' | 'note',
  body: { key: string; value: string | null; publicEvidenceId: string | null },
) =>
  api<{ id: string; dataClass: string; masked: number }>(
    'POST',
    `/api/v1/persons/${id}/${ATTRIBUTE_PATH[kind]}`,
    kind === 'tag' ? { key: body.key, publicEvidenceId: body.publicEvidenceId } : body,
  );

export const removeAttribute = (id: string, attributeId: string) =>
  api<void>('DELETE', `/api/v1/persons/${id}/attributes/${attributeId}`);

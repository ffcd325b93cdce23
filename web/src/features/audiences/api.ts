import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

/** The server's vocabulary (src/domain/audiences/types.ts). */
export const MEMBERSHIP_STATUSES = ['active', 'suspended', 'ended', 'none'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export interface Criteria {
  everyone: boolean;
  branchIds: string[];
  postcodeRanges: { from: number; to: number }[];
  membership: {
    statuses: MembershipStatus[];
    sinceFrom?: string;
    sinceTo?: string;
    untilFrom?: string;
    untilTo?: string;
  } | null;
  tagIdsAll: string[];
  tagIdsNone: string[];
  consentPurposeIds: string[];
  events: { attendedFrom?: string; attendedTo?: string } | null;
  languages: string[];
}

export const EMPTY_CRITERIA: Criteria = {
  everyone: false,
  branchIds: [],
  postcodeRanges: [],
  membership: null,
  tagIdsAll: [],
  tagIdsNone: [],
  consentPurposeIds: [],
  events: null,
  languages: [],
};

export interface Audience {
  id: string;
  name: string;
  activityId: string;
  activityName: string;
  criteria: Criteria;
  classification: 'ordinary' | 'political' | 'special';
  classificationDetail: { why: { key: string; why: string }[]; flags: string[]; adClass: string };
  scoped: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AudienceInput {
  name: string;
  activityId: string;
  criteria: Criteria;
}

export interface CriteriaOptions {
  branches: { id: string; name: string }[];
  tags: { id: string; key: string; labelNl: string; labelEn: string; dataClass: string; proxyRisk: string }[];
  purposes: { id: string; name: string; political: boolean; politicalAdvertising: boolean }[];
  languages: string[];
  activities: {
    id: string;
    name: string;
    purpose: string;
    kind: string;
    channel: string;
    adClass: string;
    politicalData: boolean;
  }[];
}

export interface Evaluation {
  audienceId: string;
  referenceDate: string;
  classification: string;
  adClass: string;
  flags: string[];
  refusals: string[];
  matched: number;
  includedCount: number;
  excluded: Record<string, number>;
  excludedPersons: number;
}

export interface ExplainedPerson {
  personId: string;
  displayName: string;
  branchId: string | null;
  branchName: string | null;
  reasons: string[];
}

export interface Snapshot {
  id: string;
  audienceId: string;
  classification: string;
  referenceDate: string;
  includedCount: number;
  excludedCounts: Record<string, number>;
  excludedPersons: number;
  usedFor: string;
  createdAt: string;
}

export const audiencesKey = ['audiences'] as const;
export const optionsKey = ['audiences', 'options'] as const;
export const snapshotsKey = (id: string) => ['audiences', id, 'snapshots'] as const;

export function useAudiences() {
  return useQuery({
    queryKey: audiencesKey,
    queryFn: () => api<{ items: Audience[] }>('GET', '/api/v1/audiences'),
  });
}

export function useCriteriaOptions() {
  return useQuery({
    queryKey: optionsKey,
    queryFn: () => api<CriteriaOptions>('GET', '/api/v1/audience-criteria/options'),
  });
}

export function useSnapshots(id: string) {
  return useQuery({
    queryKey: snapshotsKey(id),
    queryFn: () => api<{ items: Snapshot[] }>('GET', `/api/v1/audiences/${id}/snapshots`),
  });
}

export const createAudience = (input: AudienceInput) => api<Audience>('POST', '/api/v1/audiences', input);
export const updateAudience = (id: string, input: AudienceInput) =>
  api<Audience>('PUT', `/api/v1/audiences/${id}`, input);
export const evaluateAudience = (id: string) => api<Evaluation>('POST', `/api/v1/audiences/${id}/evaluation`);
export const freezeSnapshot = (id: string) =>
  api<{ snapshotId: string; includedCount: number }>('POST', `/api/v1/audiences/${id}/snapshots`, {
    usedFor: 'review',
  });

export function explainAudience(
  id: string,
  q: { outcome: 'included' | 'excluded'; reason: string | null; cursor: string | null },
) {
  const p = new URLSearchParams({ outcome: q.outcome, limit: '50' });
  if (q.reason) p.set('reason', q.reason);
  if (q.cursor) p.set('cursor', q.cursor);
  return api<{ items: ExplainedPerson[]; next: string | null }>(
    'GET',
    `/api/v1/audiences/${id}/explain?${p}`,
  );
}

import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

/** The server's vocabulary, from the domain (src/domain/gate/types.ts). */
export {
  AD_CLASSES,
  DPIA_STATUSES,
  PROCESSING_CHANNELS as CHANNELS,
  PROCESSING_KINDS as KINDS,
  RECIPIENT_ROLES as ROLES,
} from '../../../../src/domain/gate/types';

import type {
  AD_CLASSES,
  PROCESSING_CHANNELS as CHANNELS,
  DPIA_STATUSES,
  PROCESSING_KINDS as KINDS,
  RECIPIENT_ROLES as ROLES,
} from '../../../../src/domain/gate/types';

export interface ActivityInput {
  name: string;
  purpose: string;
  kind: (typeof KINDS)[number];
  channel: (typeof CHANNELS)[number];
  directMarketing: boolean;
  politicalData: boolean;
  adClass: (typeof AD_CLASSES)[number];
  consentPurposeId: string | null;
  destinationId: string | null;
  dpiaStatus: (typeof DPIA_STATUSES)[number];
  memberCommunicationOverride: boolean;
  overrideReason: string | null;
}
export interface Activity extends ActivityInput {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface DestinationInput {
  name: string;
  role: (typeof ROLES)[number];
  platform: boolean;
  vetted: boolean;
  processorAgreementComplete: boolean;
  art26Arrangement: boolean;
  outsideEea: boolean;
  transferMechanism: boolean;
  notes: string;
}
export interface Destination extends DestinationInput {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface ExportRecord {
  id: string;
  snapshotId: string;
  destinationId: string | null;
  activityId: string;
  status: 'requested' | 'awaiting_approval' | 'approved' | 'refused' | 'produced';
  personCount: number;
  excludedCounts: Record<string, number>;
  reasons: string[];
  columns: string[];
  requestedBy: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  fileSha256: string | null;
  downloads: number;
  createdAt: string;
}

export interface CustomAudienceRecord {
  id: string;
  snapshotId: string;
  destinationId: string | null;
  activityId: string;
  lookalike: boolean;
  status: 'refused' | 'produced';
  includedCount: number;
  excludedCounts: Record<string, number>;
  reasons: string[];
  productRefusals: string[];
  fileSha256: string | null;
  createdBy: string | null;
  createdAt: string;
}

export const activitiesKey = ['activities'] as const;
export const activityOptionsKey = ['activities', 'options'] as const;
export const destinationsKey = ['destinations'] as const;
export const exportsKey = ['exports'] as const;

export function useActivities(enabled = true) {
  return useQuery({
    queryKey: activitiesKey,
    queryFn: () => api<{ items: Activity[] }>('GET', '/api/v1/activities'),
    enabled,
  });
}

export function useActivityOptions() {
  return useQuery({
    queryKey: activityOptionsKey,
    queryFn: () =>
      api<{
        consentPurposes: { id: string; name: string; political: boolean }[];
        destinations: { id: string; name: string; role: string }[];
      }>('GET', '/api/v1/activities/options'),
  });
}

export function useDestinations(enabled = true) {
  return useQuery({
    queryKey: destinationsKey,
    queryFn: () => api<{ items: Destination[] }>('GET', '/api/v1/destinations'),
    enabled,
  });
}

export function useExports(enabled = true) {
  return useQuery({
    queryKey: exportsKey,
    queryFn: () =>
      api<{ items: ExportRecord[]; customAudiences: CustomAudienceRecord[] }>('GET', '/api/v1/exports'),
    enabled,
  });
}

export const createActivity = (a: ActivityInput) => api<Activity>('POST', '/api/v1/activities', a);
export const updateActivity = (id: string, a: ActivityInput) =>
  api<Activity>('PUT', `/api/v1/activities/${id}`, a);
export const createDestination = (d: DestinationInput) => api<Destination>('POST', '/api/v1/destinations', d);
export const updateDestination = (id: string, d: DestinationInput) =>
  api<Destination>('PUT', `/api/v1/destinations/${id}`, d);

export interface ExportRequest {
  audienceId: string;
  activityId: string | null;
  destinationId: string | null;
}
export const requestExport = (r: ExportRequest) => api<ExportRecord>('POST', '/api/v1/exports', r);
export const requestCustomAudience = (r: ExportRequest & { lookalike: boolean }) =>
  api<CustomAudienceRecord>('POST', '/api/v1/custom-audience-requests', r);
export const approveExport = (id: string) => api<ExportRecord>('POST', `/api/v1/exports/${id}/approve`);
export const declineExport = (id: string) => api<ExportRecord>('POST', `/api/v1/exports/${id}/decline`);
export const exportFileUrl = (id: string) => `/api/v1/exports/${id}/file`;
export const customAudienceFileUrl = (id: string) => `/api/v1/custom-audience-requests/${id}/file`;

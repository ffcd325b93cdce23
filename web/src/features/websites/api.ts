import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export type Cadence = 'daily' | 'weekly' | 'manual';
export type SiteOwner = 'party' | 'candidate';
export type ScanStatus = 'queued' | 'running' | 'done' | 'failed';
export type Phase = 'initial' | 'after_accept' | 'after_reject';
export type Classification = 'tracker' | 'unknown' | 'necessary';

export interface Scan {
  id: string;
  websiteId: string;
  status: ScanStatus;
  trigger: 'manual' | 'schedule';
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  pages: number | null;
  trackers: number | null;
  unknown: number | null;
  necessary: number | null;
  vendors: string[];
  error: string | null;
}

export interface Website {
  id: string;
  url: string;
  label: string;
  owner: SiteOwner;
  candidateId: string | null;
  cadence: Cadence;
  crawlPages: number;
  createdAt: string;
  latestScan: Scan | null;
  lastDoneScan: Scan | null;
  openAlerts: number;
}

export interface AlertItem {
  type: 'host' | 'cookie' | 'storage';
  name: string;
  where: string | null;
}

export interface WebsiteAlert {
  id: string;
  websiteId: string;
  scanId: string;
  kind: 'new_tracker';
  vendor: string;
  detail: { items: AlertItem[]; firstScan: boolean };
  createdAt: string;
  acknowledgedAt: string | null;
}

/** The parts of the scanner's report the page shows (schema: docs/scanner-report.md). */
export interface Finding {
  phase: Phase;
  type: 'host' | 'cookie' | 'storage';
  host?: string;
  name?: string;
  key?: string;
  domain?: string;
  origin?: string;
  vendor: string | null;
  category: string | null;
  classification: Classification;
}

export interface ScanDetail extends Scan {
  report: {
    pages: {
      url: string;
      finalUrl: string;
      status: number | null;
      findings: Finding[];
      problems: string[];
    }[];
    problems: string[];
  } | null;
}

export const websitesKey = ['websites'] as const;
export const alertsKey = ['websites', 'alerts'] as const;
export const scansKey = (siteId: string) => ['websites', siteId, 'scans'] as const;

const inProgress = (s: Scan | null | undefined) => s?.status === 'queued' || s?.status === 'running';

export function useWebsites() {
  return useQuery({
    queryKey: websitesKey,
    queryFn: () => api<{ items: Website[] }>('GET', '/api/v1/websites'),
    // While a scan runs, look again every few seconds.
    refetchInterval: (query) =>
      query.state.data?.items.some((s) => inProgress(s.latestScan)) ? 3000 : false,
  });
}

export function useAlerts() {
  return useQuery({
    queryKey: alertsKey,
    queryFn: () => api<{ items: WebsiteAlert[] }>('GET', '/api/v1/websites/alerts'),
  });
}

export function useScans(siteId: string) {
  return useQuery({
    queryKey: scansKey(siteId),
    queryFn: () => api<{ items: Scan[] }>('GET', `/api/v1/websites/${encodeURIComponent(siteId)}/scans`),
    refetchInterval: (query) => (query.state.data?.items.some(inProgress) ? 3000 : false),
  });
}

export function useScan(siteId: string, scanId: string) {
  return useQuery({
    queryKey: [...scansKey(siteId), scanId],
    queryFn: () =>
      api<ScanDetail>(
        'GET',
        `/api/v1/websites/${encodeURIComponent(siteId)}/scans/${encodeURIComponent(scanId)}`,
      ),
  });
}

export interface NewWebsite {
  url: string;
  label: string;
  owner: SiteOwner;
  cadence: Cadence;
  crawlPages: number;
}

export const createWebsite = (input: NewWebsite) => api<Website>('POST', '/api/v1/websites', input);
export const deleteWebsite = (id: string) =>
  api<void>('DELETE', `/api/v1/websites/${encodeURIComponent(id)}`);
export const scanNow = (id: string) => api<Scan>('POST', `/api/v1/websites/${encodeURIComponent(id)}/scans`);
export const acknowledgeAlert = (id: string) =>
  api<WebsiteAlert>('POST', `/api/v1/websites/alerts/${encodeURIComponent(id)}/acknowledge`);

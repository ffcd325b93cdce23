import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

export interface TemplateVersion {
  subject: string;
  text: string;
  html: string | null;
}

export interface TemplateContent {
  nl: TemplateVersion;
  en: TemplateVersion | null;
}

export interface Template {
  id: string;
  familyId: string;
  version: number;
  name: string;
  content: TemplateContent;
  createdAt: string;
  usedAt: string | null;
  supersededAt: string | null;
}

export interface Finding {
  code: string;
  language: 'nl' | 'en';
  part: 'subject' | 'text' | 'html';
  detail: string;
  nl: string;
  en: string;
}

export type LanguageRule = 'person' | 'nl' | 'en';

export interface Campaign {
  id: string;
  name: string;
  audienceId: string;
  snapshotId: string;
  activityId: string;
  templateId: string;
  languageRule: LanguageRule;
  status: 'draft' | 'queued' | 'sending' | 'sent' | 'held' | 'cancelled' | 'failed';
  throttlePerMinute: number;
  createdAt: string;
  queuedAt: string | null;
  finishedAt: string | null;
}

export const MESSAGE_STATUSES = [
  'pending',
  'excluded',
  'queued',
  'held',
  'sending',
  'sent',
  'failed',
  'in_doubt',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export interface Report {
  campaign: Campaign;
  byStatus: Record<MessageStatus, number>;
  byReason: Record<string, number>;
  inDoubt: { id: string; lastError: string | null }[];
}

export interface Preview {
  personId: string;
  excluded: boolean;
  reasons: string[];
  message: { language: 'nl' | 'en'; subject: string; text: string; html: string | null } | null;
  problems: string[];
}

export const templatesKey = ['campaign-templates'] as const;
export const campaignsKey = ['campaigns'] as const;
export const reportKey = (id: string) => ['campaigns', id, 'report'] as const;

export function useTemplates() {
  return useQuery({
    queryKey: templatesKey,
    queryFn: () => api<{ items: Template[]; placeholders: string[] }>('GET', '/api/v1/campaign-templates'),
  });
}

export function useCampaigns() {
  return useQuery({
    queryKey: campaignsKey,
    queryFn: () => api<{ items: Campaign[] }>('GET', '/api/v1/campaigns'),
  });
}

export function useReport(id: string) {
  return useQuery({
    queryKey: reportKey(id),
    queryFn: () => api<Report>('GET', `/api/v1/campaigns/${id}/report`),
    refetchInterval: (q) =>
      q.state.data?.campaign.status === 'sending' || q.state.data?.campaign.status === 'queued'
        ? 5000
        : false,
  });
}

export const checkTemplate = (content: TemplateContent) =>
  api<{ ok: boolean; reasons: string[]; findings: Finding[] }>('POST', '/api/v1/campaign-templates/check', {
    content,
  });
export const createTemplate = (input: { name: string; content: TemplateContent }) =>
  api<Template>('POST', '/api/v1/campaign-templates', input);
export const updateTemplate = (id: string, input: { name: string; content: TemplateContent }) =>
  api<Template>('PUT', `/api/v1/campaign-templates/${id}`, input);
export const createCampaign = (input: {
  name: string;
  audienceId: string;
  templateId: string;
  languageRule: LanguageRule;
  throttlePerMinute: number | null;
}) =>
  api<{ campaign: Campaign; includedCount: number; excluded: Record<string, number> }>(
    'POST',
    '/api/v1/campaigns',
    input,
  );
export const sendCampaign = (id: string) => api<Campaign>('POST', `/api/v1/campaigns/${id}/send`);
export const previewCampaign = (id: string) => api<Preview>('GET', `/api/v1/campaigns/${id}/preview`);
export const resendMessage = (id: string, mid: string) =>
  api<{ status: string; reasons: string[] }>('POST', `/api/v1/campaigns/${id}/messages/${mid}/resend`);

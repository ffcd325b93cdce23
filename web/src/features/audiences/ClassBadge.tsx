/** The segment class as a badge with the reasons it is political, and a one-line criteria summary. */
import { Badge, List, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n';
import { type Audience, type Criteria, useCriteriaOptions } from './api';
import { strongBadge } from './contrast';

export function ClassBadge({ audience, compact = false }: { audience: Audience; compact?: boolean }) {
  const { t } = useI18n();
  const cls = audience.classification;
  const label = t.audiences.classes[cls] ?? cls;
  const badge = (
    <Badge
      color={cls === 'ordinary' ? 'gray' : 'orange'}
      styles={cls === 'ordinary' ? undefined : strongBadge('orange')}
      variant="light"
    >
      {label}
    </Badge>
  );
  if (compact || cls === 'ordinary') return badge;
  const whys = [...new Set(audience.classificationDetail.why.map((w) => w.why))];
  return (
    <Stack gap={4}>
      {badge}
      <Text size="sm" fw={500}>
        {t.audiences.whyTitle}
      </Text>
      <List size="sm">
        {whys.map((w) => (
          <List.Item key={w}>{t.audiences.why[w] ?? w}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

export function CriteriaSummary({ criteria: c }: { criteria: Criteria }) {
  const { t, locale } = useI18n();
  const s = t.audiences.criteriaSummary;
  const names = t.audiences.builder.statusNames;
  const options = useCriteriaOptions();
  const o = options.data;
  // Names from the catalogue of the actor's scope; an id outside it (or not loaded yet) shows as "…".
  const branchName = (id: string) => o?.branches.find((b) => b.id === id)?.name ?? '…';
  const tagName = (id: string) => {
    const tag = o?.tags.find((x) => x.id === id);
    return tag ? (locale === 'en' ? tag.labelEn : tag.labelNl) : '…';
  };
  const purposeName = (id: string) => o?.purposes.find((p) => p.id === id)?.name ?? '…';
  const parts: string[] = [];
  if (c.everyone) parts.push(s.everyone);
  if (c.branchIds.length) parts.push(s.branches(c.branchIds.map(branchName)));
  if (c.postcodeRanges.length)
    parts.push(s.postcodes(c.postcodeRanges.map((r) => `${r.from}–${r.to}`).join(', ')));
  if (c.membership) parts.push(s.membership(c.membership.statuses.map((x) => names[x] ?? x).join(', ')));
  if (c.tagIdsAll.length) parts.push(s.tagsAll(c.tagIdsAll.map(tagName)));
  if (c.tagIdsNone.length) parts.push(s.tagsNone(c.tagIdsNone.map(tagName)));
  if (c.consentPurposeIds.length) parts.push(s.consents(c.consentPurposeIds.map(purposeName)));
  if (c.events) parts.push(s.events);
  if (c.languages.length) parts.push(s.languages(c.languages.join(', ')));
  return <>{parts.join('; ')}</>;
}

/**
 * Audiences and outreach (C5): audiences bound to a processing activity and evaluated through the legal
 * gate, e-mail campaigns from a frozen snapshot, and exports / platform requests. /doelgroepen/<tab>.
 */
import { Stack, Tabs, Text } from '@mantine/core';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { navigate, usePath } from '../../router';
import { ExportsSection } from '../exports/ExportsSection';
import { CampaignsSection } from '../outreach/CampaignsSection';
import { AudiencesSection } from './AudiencesSection';

const TABS = ['lijsten', 'campagnes', 'exports'] as const;
type Tab = (typeof TABS)[number];

export function AudiencesPage() {
  const { t } = useI18n();
  const path = usePath();
  const parts = path.split('/').filter(Boolean);
  const tab: Tab = (TABS as readonly string[]).includes(parts[1] ?? '') ? (parts[1] as Tab) : 'lijsten';
  const labels: Record<Tab, string> = {
    lijsten: t.audiences.tabs.audiences,
    campagnes: t.audiences.tabs.campaigns,
    exports: t.audiences.tabs.exports,
  };
  return (
    <>
      <PageTitle>{t.audiences.title}</PageTitle>
      <Text maw={760} mb="lg">
        {t.audiences.intro}
      </Text>
      <Tabs
        value={tab}
        onChange={(v) => v && navigate(v === 'lijsten' ? '/doelgroepen' : `/doelgroepen/${v}`)}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {labels[x]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Stack maw={1200}>
          <Tabs.Panel value="lijsten">
            <AudiencesSection />
          </Tabs.Panel>
          <Tabs.Panel value="campagnes">
            <CampaignsSection />
          </Tabs.Panel>
          <Tabs.Panel value="exports">
            <ExportsSection />
          </Tabs.Panel>
        </Stack>
      </Tabs>
    </>
  );
}

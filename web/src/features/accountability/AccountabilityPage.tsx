/**
 * Accountability (C4 now; issue 6 adds the workbench): ask the legal gate a hypothetical question, and
 * the register of processing activities and recipients that audiences, campaigns and exports use.
 */
import { Stack, Tabs, Text } from '@mantine/core';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { navigate, usePath } from '../../router';
import { AssessmentSection } from '../assessments/AssessmentSection';
import { ActivitiesSection } from '../exports/ActivitiesSection';
import { DestinationsSection } from '../exports/DestinationsSection';
import { MemberChannelsCard } from './MemberChannelsCard';

const TABS = ['toetsen', 'verwerkingen', 'ontvangers'] as const;
type Tab = (typeof TABS)[number];

export function AccountabilityPage() {
  const { t } = useI18n();
  const path = usePath();
  const parts = path.split('/').filter(Boolean);
  const tab: Tab = (TABS as readonly string[]).includes(parts[1] ?? '') ? (parts[1] as Tab) : 'toetsen';
  const labels: Record<Tab, string> = {
    toetsen: t.accountability.tabs.assess,
    verwerkingen: t.accountability.tabs.activities,
    ontvangers: t.accountability.tabs.destinations,
  };
  return (
    <>
      <PageTitle>{t.accountability.title}</PageTitle>
      <Text maw={760} mb="lg">
        {t.accountability.intro}
      </Text>
      <Tabs
        value={tab}
        onChange={(v) => v && navigate(v === 'toetsen' ? '/verantwoording' : `/verantwoording/${v}`)}
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
          <Tabs.Panel value="toetsen">
            <AssessmentSection />
          </Tabs.Panel>
          <Tabs.Panel value="verwerkingen">
            <Stack gap="lg">
              <MemberChannelsCard />
              <ActivitiesSection />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="ontvangers">
            <DestinationsSection />
          </Tabs.Panel>
        </Stack>
      </Tabs>
    </>
  );
}

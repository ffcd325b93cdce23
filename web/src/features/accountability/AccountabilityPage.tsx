/**
 * Accountability (C4 now; issue 6 adds the workbench): ask the legal gate a hypothetical question, and
 * the register of processing activities and recipients that audiences, campaigns and exports use, with
 * the member channel record. /verantwoording/<tab>.
 */
import { Stack } from '@mantine/core';
import { TabbedArea } from '../../components/TabbedArea';
import { useI18n } from '../../i18n';
import { AssessmentSection } from '../assessments/AssessmentSection';
import { ActivitiesSection } from '../exports/ActivitiesSection';
import { DestinationsSection } from '../exports/DestinationsSection';
import { MemberChannelsCard } from './MemberChannelsCard';

export function AccountabilityPage() {
  const { t } = useI18n();
  return (
    <TabbedArea
      base="/verantwoording"
      title={t.accountability.title}
      intro={t.accountability.intro}
      tabs={[
        { id: 'toetsen', label: t.accountability.tabs.assess, content: <AssessmentSection /> },
        {
          id: 'verwerkingen',
          label: t.accountability.tabs.activities,
          content: (
            <Stack gap="lg">
              <MemberChannelsCard />
              <ActivitiesSection />
            </Stack>
          ),
        },
        { id: 'ontvangers', label: t.accountability.tabs.destinations, content: <DestinationsSection /> },
      ]}
    />
  );
}

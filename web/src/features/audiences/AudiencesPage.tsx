/**
 * Audiences and outreach (C5): audiences bound to a processing activity and evaluated through the legal
 * gate, e-mail campaigns from a frozen snapshot, and exports / platform requests. /doelgroepen/<tab>.
 */
import { TabbedArea } from '../../components/TabbedArea';
import { useI18n } from '../../i18n';
import { ExportsSection } from '../exports/ExportsSection';
import { CampaignsSection } from '../outreach/CampaignsSection';
import { AudiencesSection } from './AudiencesSection';

export function AudiencesPage() {
  const { t } = useI18n();
  return (
    <TabbedArea
      base="/doelgroepen"
      title={t.audiences.title}
      intro={t.audiences.intro}
      tabs={[
        { id: 'lijsten', label: t.audiences.tabs.audiences, content: <AudiencesSection /> },
        { id: 'campagnes', label: t.audiences.tabs.campaigns, content: <CampaignsSection /> },
        { id: 'exports', label: t.audiences.tabs.exports, content: <ExportsSection /> },
      ]}
    />
  );
}

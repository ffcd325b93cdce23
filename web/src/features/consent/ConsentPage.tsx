/**
 * Consent with proof (C2): the purpose catalogue, versioned texts, forms (publish with the legal checks,
 * hosted address and embed snippet), offline capture, a person's consents with receipt and withdrawal,
 * and the outbox where double opt-in mail waits without SMTP. /toestemming/persoon/<id> opens a person's
 * consents directly (the person page links here).
 */
import { Stack, Tabs, Text } from '@mantine/core';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { navigate, usePath } from '../../router';
import { useSession } from '../auth/session';
import { OutboxSection } from '../outbox/OutboxSection';
import { FormsSection } from './FormsSection';
import { OfflineSection } from './OfflineSection';
import { PersonConsentsSection } from './PersonConsentsSection';
import { PurposesSection } from './PurposesSection';
import { TextsSection } from './TextsSection';

const TABS = ['doelen', 'teksten', 'formulieren', 'offline', 'persoon', 'uitgaande-mail'] as const;
type Tab = (typeof TABS)[number];

export function ConsentPage() {
  const { t } = useI18n();
  const path = usePath();
  const session = useSession();
  const mayReadMail = session.data?.user?.permissions.includes('mail:read') ?? false;
  const parts = path.split('/').filter(Boolean);
  const tab: Tab = (TABS as readonly string[]).includes(parts[1] ?? '') ? (parts[1] as Tab) : 'doelen';
  const personId = tab === 'persoon' || tab === 'offline' ? (parts[2] ?? null) : null;
  const labels: Record<Tab, string> = {
    doelen: t.consent.tabs.purposes,
    teksten: t.consent.tabs.texts,
    formulieren: t.consent.tabs.forms,
    offline: t.consent.tabs.offline,
    persoon: t.consent.tabs.persons,
    'uitgaande-mail': t.consent.tabs.outbox,
  };
  const visible = TABS.filter((x) => x !== 'uitgaande-mail' || mayReadMail);

  return (
    <>
      <PageTitle>{t.consent.title}</PageTitle>
      <Text maw={760} mb="lg">
        {t.consent.intro}
      </Text>
      <Tabs
        value={tab}
        onChange={(v) => v && navigate(v === 'doelen' ? '/toestemming' : `/toestemming/${v}`)}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {visible.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {labels[x]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Stack maw={1200}>
          <Tabs.Panel value="doelen">
            <PurposesSection />
          </Tabs.Panel>
          <Tabs.Panel value="teksten">
            <TextsSection />
          </Tabs.Panel>
          <Tabs.Panel value="formulieren">
            <FormsSection />
          </Tabs.Panel>
          <Tabs.Panel value="offline">
            <OfflineSection key={personId ?? ''} initialPersonId={personId} />
          </Tabs.Panel>
          <Tabs.Panel value="persoon">
            <PersonConsentsSection key={personId ?? ''} initialPersonId={personId} />
          </Tabs.Panel>
          {mayReadMail && (
            <Tabs.Panel value="uitgaande-mail">
              <OutboxSection allowed={mayReadMail} />
            </Tabs.Panel>
          )}
        </Stack>
      </Tabs>
    </>
  );
}

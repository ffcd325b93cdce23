import { Paper, Text, Title } from '@mantine/core';
import { useI18n } from '../../i18n';
import { useSession } from '../auth/session';
import { usePurposes, useTexts } from './api';
import { type CaptureChoice, OfflineConsentForm } from './OfflineConsentForm';

/** The staff tab: record an offline consent for any person id, with any version of a purpose's text. */
export function OfflineSection({ initialPersonId }: { initialPersonId: string | null }) {
  const { t } = useI18n();
  const m = t.consent.offline;
  const session = useSession();
  const purposes = usePurposes();
  const texts = useTexts();
  const choices: CaptureChoice[] = (purposes.data?.items ?? []).map((p) => ({
    id: p.id,
    name: p.name,
    political: p.political,
    versions: (texts.data?.items ?? [])
      .filter((v) => v.purposeId === p.id)
      .sort((a, b) => b.version - a.version),
  }));

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-offline-title">
      <OfflineConsentForm
        labelledBy="kk-offline-title"
        choices={choices}
        person={null}
        initialPersonId={initialPersonId}
        preselectLanguage={null}
        defaultCollector={session.data?.user?.displayName ?? ''}
        recordedMessage={m.recorded}
        intro={
          <>
            <Title order={2} size="h3" id="kk-offline-title">
              {m.title}
            </Title>
            <Text size="sm" c="dimmed">
              {m.hint}
            </Text>
          </>
        }
      />
    </Paper>
  );
}

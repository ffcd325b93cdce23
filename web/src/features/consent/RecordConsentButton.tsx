/**
 * "Toestemming vastleggen" on the person page, for staff and volunteers (`consent:record`): a dialog with
 * the offline capture form for this person, offering each purpose's current text to read out or show.
 * The consent is "onbevestigd" until a confirmation mail or a scan confirms it.
 */
import { Button, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { useI18n } from '../../i18n';
import { useSession } from '../auth/session';
import { useCaptureOptions } from './api';
import { type CaptureChoice, OfflineConsentForm } from './OfflineConsentForm';

interface Props {
  person: { id: string; displayName: string; email: string | null; language: string };
  /** Called after a consent was recorded (e.g. to reload the person page). */
  onRecorded?: () => void;
}

export function RecordConsentButton({ person, onRecorded }: Props) {
  const { t } = useI18n();
  const m = t.consent.capture;
  const session = useSession();
  const [open, setOpen] = useState(false);
  const options = useCaptureOptions(open);
  const choices: CaptureChoice[] = (options.data?.items ?? []).map((o) => ({
    id: o.id,
    name: o.name,
    political: o.political,
    versions: o.texts.map((x) => ({
      id: x.id,
      version: x.version,
      language: x.language,
      fullText: x.fullText,
    })),
  }));

  return (
    <>
      <Button variant="light" onClick={() => setOpen(true)}>
        {m.button}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        size="lg"
        title={<span id="kk-capture-title">{m.title(person.displayName)}</span>}
        closeButtonProps={{ 'aria-label': t.app.close }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {m.hint}
          </Text>
          {options.isPending ? (
            <Loading />
          ) : options.isError ? (
            <ErrorAlert error={options.error} />
          ) : choices.length === 0 ? (
            <Text size="sm">{m.noPurposes}</Text>
          ) : (
            <OfflineConsentForm
              labelledBy="kk-capture-title"
              choices={choices}
              person={{ id: person.id, hasEmail: person.email !== null && person.email !== '' }}
              preselectLanguage={person.language}
              defaultCollector={session.data?.user?.displayName ?? ''}
              recordedMessage={m.recorded}
              onRecorded={() => onRecorded?.()}
            />
          )}
        </Stack>
      </Modal>
    </>
  );
}

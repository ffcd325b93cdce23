import {
  Button,
  Checkbox,
  FileInput,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import {
  CAPTURE_DEFECTS,
  type CaptureDefect,
  OFFLINE_CHANNELS,
  type OfflineChannel,
  personConsentsKey,
  readScan,
  recordOffline,
  usePurposes,
  useTexts,
} from './api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The local date and time as a datetime-local value ("2026-05-01T14:30"). */
function localNow(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function OfflineSection({ initialPersonId }: { initialPersonId: string | null }) {
  const { t } = useI18n();
  const m = t.consent.offline;
  const queryClient = useQueryClient();
  const purposes = usePurposes();
  const texts = useTexts();
  const [personId, setPersonId] = useState(initialPersonId ?? '');
  const [purposeId, setPurposeId] = useState('');
  const [textVersionId, setTextVersionId] = useState('');
  const [channel, setChannel] = useState<OfflineChannel>('PAPER');
  const [givenAt, setGivenAt] = useState(localNow);
  const [collector, setCollector] = useState('');
  const [place, setPlace] = useState('');
  const [explicit, setExplicit] = useState(false);
  const [defects, setDefects] = useState<string[]>([]);
  const [birthYear, setBirthYear] = useState<number | string>('');
  const [guardianName, setGuardianName] = useState('');
  const [guardianEmail, setGuardianEmail] = useState('');
  const [guardianConsented, setGuardianConsented] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [sendConfirmation, setSendConfirmation] = useState(false);
  const [touched, setTouched] = useState(false);
  const [recorded, setRecorded] = useState(false);

  const versions = (texts.data?.items ?? [])
    .filter((v) => v.purposeId === purposeId)
    .sort((a, b) => b.version - a.version);
  const shown = versions.find((v) => v.id === textVersionId) ?? null;
  const year = new Date().getFullYear();
  const minor = typeof birthYear === 'number' && year - birthYear - 1 < 16;

  const save = useMutation({
    mutationFn: async () => {
      const scan = file ? await readScan(file) : null;
      return recordOffline({
        personId: personId.trim(),
        purposeId,
        textVersionId,
        channel,
        givenAt: new Date(givenAt).toISOString(),
        collector: collector.trim(),
        place: place.trim() || null,
        explicit,
        captureDefects: defects as CaptureDefect[],
        birthYear: typeof birthYear === 'number' ? birthYear : null,
        guardianName: guardianName.trim() || null,
        guardianEmail: guardianEmail.trim() || null,
        guardianConsented,
        scan,
        sendConfirmation,
      });
    },
    onSuccess: (c) => {
      setRecorded(true);
      setFile(null);
      return queryClient.invalidateQueries({ queryKey: personConsentsKey(c.personId) });
    },
  });

  const errors = {
    personId: touched && !UUID.test(personId.trim()) ? m.personIdInvalid : undefined,
    purposeId: touched && purposeId === '' ? t.consent.common.required : undefined,
    textVersionId: touched && textVersionId === '' ? t.consent.common.required : undefined,
    collector: touched && collector.trim() === '' ? m.collectorRequired : undefined,
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setRecorded(false);
    if (!UUID.test(personId.trim()) || !purposeId || !textVersionId || collector.trim() === '' || fileError)
      return;
    save.mutate();
  }

  function chooseFile(f: File | null) {
    setFile(f);
    setFileError(f && !['application/pdf', 'image/png', 'image/jpeg'].includes(f.type) ? m.scanType : null);
  }

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-offline-title">
      <form onSubmit={submit} noValidate aria-labelledby="kk-offline-title">
        <Stack gap="sm" maw={720}>
          <Title order={2} size="h3" id="kk-offline-title">
            {m.title}
          </Title>
          <Text size="sm" c="dimmed">
            {m.hint}
          </Text>
          {save.isError && <ErrorAlert error={save.error} />}
          {recorded && save.isSuccess && (
            <Text size="sm" role="status" c="teal.9">
              {m.recorded}
            </Text>
          )}
          <TextInput
            label={m.personId}
            description={m.personIdHint}
            required
            value={personId}
            error={errors.personId}
            onChange={(e) => setPersonId(e.currentTarget.value)}
          />
          <NativeSelect
            label={m.purpose}
            required
            value={purposeId}
            error={errors.purposeId}
            onChange={(e) => {
              setPurposeId(e.currentTarget.value);
              setTextVersionId('');
            }}
            data={[
              { value: '', label: t.consent.texts.choosePurpose },
              ...(purposes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
          {purposeId !== '' && versions.length === 0 && (
            <Text size="sm" c="orange.9">
              {m.noText}
            </Text>
          )}
          {versions.length > 0 && (
            <NativeSelect
              label={m.textVersion}
              required
              value={textVersionId}
              error={errors.textVersionId}
              onChange={(e) => setTextVersionId(e.currentTarget.value)}
              data={[
                { value: '', label: '—' },
                ...versions.map((v) => ({
                  value: v.id,
                  label: `${t.consent.texts.version(v.version)} · ${t.consent.common.languages[v.language] ?? v.language}`,
                })),
              ]}
            />
          )}
          {shown && (
            <Paper withBorder p="sm" radius="sm" bg="gray.0">
              <Text size="sm" fw={600}>
                {m.textShown}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {shown.fullText}
              </Text>
            </Paper>
          )}
          <Group grow align="flex-start">
            <NativeSelect
              label={m.channel}
              value={channel}
              onChange={(e) => setChannel(e.currentTarget.value as OfflineChannel)}
              data={OFFLINE_CHANNELS.map((c) => ({ value: c, label: m.channels[c] ?? c }))}
            />
            <TextInput
              type="datetime-local"
              label={m.givenAt}
              required
              value={givenAt}
              onChange={(e) => setGivenAt(e.currentTarget.value)}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label={m.collector}
              required
              maxLength={200}
              value={collector}
              error={errors.collector}
              onChange={(e) => setCollector(e.currentTarget.value)}
            />
            <TextInput
              label={m.place}
              maxLength={200}
              value={place}
              onChange={(e) => setPlace(e.currentTarget.value)}
            />
          </Group>
          <Checkbox
            label={m.explicit}
            checked={explicit}
            onChange={(e) => setExplicit(e.currentTarget.checked)}
          />
          <Checkbox.Group label={m.defects} value={defects} onChange={setDefects}>
            <Stack gap={6} mt={6}>
              {CAPTURE_DEFECTS.map((d) => (
                <Checkbox key={d} value={d} label={m.defectNames[d] ?? d} />
              ))}
            </Stack>
          </Checkbox.Group>
          <NumberInput
            label={m.birthYear}
            min={1900}
            max={year}
            allowDecimal={false}
            allowNegative={false}
            value={birthYear}
            onChange={setBirthYear}
            maw={240}
          />
          {minor && (
            <Stack gap="xs">
              <Text size="sm" c="orange.9">
                {m.minorHint}
              </Text>
              <Group grow align="flex-start">
                <TextInput
                  label={m.guardianName}
                  maxLength={200}
                  value={guardianName}
                  onChange={(e) => setGuardianName(e.currentTarget.value)}
                />
                <TextInput
                  label={m.guardianEmail}
                  type="email"
                  maxLength={254}
                  value={guardianEmail}
                  onChange={(e) => setGuardianEmail(e.currentTarget.value)}
                />
              </Group>
              <Checkbox
                label={m.guardianConsented}
                checked={guardianConsented}
                onChange={(e) => setGuardianConsented(e.currentTarget.checked)}
              />
            </Stack>
          )}
          <FileInput
            label={m.scan}
            accept="application/pdf,image/png,image/jpeg"
            clearable
            value={file}
            error={fileError}
            onChange={chooseFile}
          />
          <Switch
            label={m.sendConfirmation}
            checked={sendConfirmation}
            onChange={(e) => setSendConfirmation(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {m.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

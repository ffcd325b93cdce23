/**
 * The offline capture form: the exact text version shown, how, when, by whom and where, the
 * express statement, age and guardian, an optional scan and an optional double opt-in mail. Used
 * by the staff tab "Offline vastleggen" (any person id, every text version) and by the person page
 * (that person, the current text per language) for staff and volunteers (`consent:record`).
 */
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
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import {
  CAPTURE_DEFECTS,
  type CaptureDefect,
  type ConsentLanguage,
  OFFLINE_CHANNELS,
  type OfflineChannel,
  type PersonConsent,
  personConsentsKey,
  readScan,
  recordOffline,
} from './api';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A purpose the form may ask, with the text versions that may be recorded as shown (newest first). */
export interface CaptureChoice {
  id: string;
  name: string;
  political: boolean;
  versions: { id: string; version: number; language: ConsentLanguage; fullText: string }[];
}

interface Props {
  /** Labels the form (the id of the heading around it). */
  labelledBy: string;
  choices: CaptureChoice[];
  /** A fixed person (person page), or null: the form asks for a person id (staff tab). */
  person: { id: string; hasEmail: boolean } | null;
  /** The text version in this language is chosen when a purpose is picked; null: choose by hand. */
  preselectLanguage: string | null;
  defaultCollector: string;
  /** Shown (role=status) after a successful capture. */
  recordedMessage: string;
  /** Shown above the fields (e.g. the hint of the staff tab). */
  intro?: ReactNode;
  onRecorded?: (consent: PersonConsent) => void;
  initialPersonId?: string | null;
}

/** The local date and time as a datetime-local value ("2026-05-01T14:30"). */
function localNow(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function OfflineConsentForm(props: Props) {
  const { choices, person, preselectLanguage, recordedMessage, onRecorded } = props;
  const { t } = useI18n();
  const m = t.consent.offline;
  const queryClient = useQueryClient();
  const [personIdInput, setPersonId] = useState(props.initialPersonId ?? '');
  const [purposeId, setPurposeId] = useState('');
  const [textVersionId, setTextVersionId] = useState('');
  const [channel, setChannel] = useState<OfflineChannel>(person ? 'DOORSTEP' : 'PAPER');
  const [givenAt, setGivenAt] = useState(localNow);
  const [collector, setCollector] = useState(props.defaultCollector);
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

  const personId = person ? person.id : personIdInput.trim();
  const chosen = choices.find((c) => c.id === purposeId) ?? null;
  const versions = chosen?.versions ?? [];
  const shown = versions.find((v) => v.id === textVersionId) ?? null;
  const year = new Date().getFullYear();
  const minor = typeof birthYear === 'number' && year - birthYear - 1 < 16;
  // A confirmation mail needs an address: the person's, or the guardian's for a minor.
  const mayMail = person === null || person.hasEmail || minor;

  const save = useMutation({
    mutationFn: async () => {
      const scan = file ? await readScan(file) : null;
      return recordOffline({
        personId,
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
        sendConfirmation: mayMail && sendConfirmation,
      });
    },
    onSuccess: (c) => {
      setRecorded(true);
      setFile(null);
      onRecorded?.(c);
      return queryClient.invalidateQueries({ queryKey: personConsentsKey(c.personId) });
    },
  });

  const errors = {
    personId: touched && !UUID.test(personId) ? m.personIdInvalid : undefined,
    purposeId: touched && purposeId === '' ? t.consent.common.required : undefined,
    textVersionId: touched && textVersionId === '' ? t.consent.common.required : undefined,
    collector: touched && collector.trim() === '' ? m.collectorRequired : undefined,
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setRecorded(false);
    if (!UUID.test(personId) || !purposeId || !textVersionId || collector.trim() === '' || fileError) return;
    save.mutate();
  }

  function choosePurpose(id: string) {
    setPurposeId(id);
    const next = choices.find((c) => c.id === id)?.versions ?? [];
    const preferred = preselectLanguage
      ? (next.find((v) => v.language === preselectLanguage) ?? next[0])
      : undefined;
    setTextVersionId(preferred?.id ?? '');
  }

  function chooseFile(f: File | null) {
    setFile(f);
    setFileError(f && !['application/pdf', 'image/png', 'image/jpeg'].includes(f.type) ? m.scanType : null);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={props.labelledBy}>
      <Stack gap="sm" maw={720}>
        {props.intro}
        {save.isError && <ErrorAlert error={save.error} />}
        {recorded && save.isSuccess && (
          <Text size="sm" role="status" c="teal.9">
            {recordedMessage}
          </Text>
        )}
        {person === null && (
          <TextInput
            label={m.personId}
            description={m.personIdHint}
            required
            value={personIdInput}
            error={errors.personId}
            onChange={(e) => setPersonId(e.currentTarget.value)}
          />
        )}
        <NativeSelect
          label={m.purpose}
          required
          value={purposeId}
          error={errors.purposeId}
          onChange={(e) => choosePurpose(e.currentTarget.value)}
          data={[
            { value: '', label: t.consent.texts.choosePurpose },
            ...choices.map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        {chosen?.political && (
          <Text size="sm" c="orange.9">
            {m.explicitNeeded}
          </Text>
        )}
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
        {mayMail && (
          <Switch
            label={m.sendConfirmation}
            checked={sendConfirmation}
            onChange={(e) => setSendConfirmation(e.currentTarget.checked)}
          />
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {m.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

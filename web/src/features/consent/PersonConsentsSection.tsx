import {
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDate, useI18n } from '../../i18n';
import {
  attachScan,
  type ConsentStatus,
  getReceipt,
  type PersonConsent,
  personConsentsKey,
  readScan,
  STAFF_WITHDRAWAL_CHANNELS,
  usePersonConsents,
  withdrawConsent,
} from './api';
import { ReceiptView } from './ReceiptView';

const STATUS_COLOR: Record<ConsentStatus, string> = {
  valid: 'teal',
  pending_confirmation: 'blue',
  invalid: 'red',
  withdrawn: 'gray',
  lapsed: 'orange',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function WithdrawDialog({ consent, onClose }: { consent: PersonConsent; onClose: () => void }) {
  const { t } = useI18n();
  const m = t.consent.withdraw;
  const queryClient = useQueryClient();
  const [channel, setChannel] = useState<(typeof STAFF_WITHDRAWAL_CHANNELS)[number]>('PHONE');
  const [onBehalfOf, setOnBehalfOf] = useState('');
  const run = useMutation({
    mutationFn: () =>
      withdrawConsent({
        personId: consent.personId,
        purposeId: consent.purposeId,
        channel,
        onBehalfOf: onBehalfOf.trim() || null,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: personConsentsKey(consent.personId) });
      onClose();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    run.mutate();
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{m.hint}</Text>
        {run.isError && <ErrorAlert error={run.error} />}
        <NativeSelect
          label={m.channel}
          value={channel}
          onChange={(e) => setChannel(e.currentTarget.value as typeof channel)}
          data={STAFF_WITHDRAWAL_CHANNELS.map((c) => ({ value: c, label: m.channels[c] ?? c }))}
        />
        <TextInput
          label={m.onBehalfOf}
          maxLength={200}
          value={onBehalfOf}
          onChange={(e) => setOnBehalfOf(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t.consent.common.cancel}
          </Button>
          <Button type="submit" color="red" loading={run.isPending}>
            {m.confirm}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ScanDialog({ consent, onClose }: { consent: PersonConsent; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [typeError, setTypeError] = useState(false);
  const run = useMutation({
    mutationFn: async () => {
      const scan = file ? await readScan(file) : null;
      if (!scan) throw new Error('scan');
      return attachScan(consent.id, scan);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: personConsentsKey(consent.personId) });
      onClose();
    },
  });
  return (
    <Stack gap="sm">
      {run.isError && <ErrorAlert error={run.error} />}
      <FileInput
        label={t.consent.offline.scan}
        accept="application/pdf,image/png,image/jpeg"
        value={file}
        error={typeError ? t.consent.offline.scanType : undefined}
        onChange={(f) => {
          setFile(f);
          setTypeError(f !== null && !['application/pdf', 'image/png', 'image/jpeg'].includes(f.type));
        }}
      />
      <Group justify="flex-end">
        <Button disabled={!file || typeError} loading={run.isPending} onClick={() => run.mutate()}>
          {t.consent.persons.attachScan}
        </Button>
      </Group>
    </Stack>
  );
}

function ReceiptDialog({ consent, purpose }: { consent: PersonConsent; purpose: string }) {
  const receipt = useQuery({
    queryKey: ['consent', 'receipt', consent.id, purpose],
    queryFn: () => getReceipt(consent.id, purpose),
  });
  if (receipt.isPending) return <Loading />;
  if (receipt.isError) return <ErrorAlert error={receipt.error} />;
  return <ReceiptView receipt={receipt.data} />;
}

export function PersonConsentsSection({ initialPersonId }: { initialPersonId: string | null }) {
  const { t, intlLocale } = useI18n();
  const m = t.consent.persons;
  const [input, setInput] = useState(initialPersonId ?? '');
  const [personId, setPersonId] = useState<string | null>(initialPersonId);
  const [purpose, setPurpose] = useState<string>(m.readPurposeDefault);
  const [dialog, setDialog] = useState<{
    kind: 'receipt' | 'withdraw' | 'scan';
    consent: PersonConsent;
  } | null>(null);
  const consents = usePersonConsents(personId, purpose);
  const items = consents.data?.items ?? [];
  const invalidId = input.trim() !== '' && !UUID.test(input.trim());

  function show(event: FormEvent) {
    event.preventDefault();
    if (UUID.test(input.trim()) && purpose.trim().length >= 3) setPersonId(input.trim());
  }

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-person-consents-title">
      <Title order={2} size="h3" id="kk-person-consents-title" mb="sm">
        {m.title}
      </Title>
      <form onSubmit={show} noValidate>
        <Group align="flex-end" mb="md">
          <TextInput
            label={m.personId}
            value={input}
            error={invalidId ? t.consent.offline.personIdInvalid : undefined}
            onChange={(e) => setInput(e.currentTarget.value)}
            miw={340}
          />
          <TextInput
            label={m.readPurpose}
            description={m.readPurposeHint}
            value={purpose}
            maxLength={200}
            onChange={(e) => setPurpose(e.currentTarget.value)}
            miw={260}
          />
          <Button type="submit">{m.show}</Button>
        </Group>
      </form>
      {personId && consents.isPending && <Loading />}
      {consents.isError && <ErrorAlert error={consents.error} />}
      {consents.isSuccess && items.length === 0 && <Text c="dimmed">{m.none}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={860}>
          <Table withTableBorder verticalSpacing="xs">
            <Table.Caption className="kk-visually-hidden">{m.caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{m.purpose}</Table.Th>
                <Table.Th scope="col">{m.channel}</Table.Th>
                <Table.Th scope="col">{m.givenAt}</Table.Th>
                <Table.Th scope="col">{m.statusCol}</Table.Th>
                <Table.Th scope="col">{m.reasonsCol}</Table.Th>
                <Table.Th scope="col">{m.actions}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.purposeName}</Table.Td>
                  <Table.Td>{t.consent.offline.channels[c.channel] ?? c.channel}</Table.Td>
                  <Table.Td>{formatDate(c.givenAt, intlLocale, true)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge variant="light" color={STATUS_COLOR[c.status]}>
                        {m.status[c.status]}
                      </Badge>
                      {c.unconfirmed && (
                        <Tooltip label={m.unconfirmedHint} multiline w={260}>
                          <Badge
                            variant="outline"
                            color="gray"
                            tabIndex={0}
                            aria-label={`${m.unconfirmed}: ${m.unconfirmedHint}`}
                          >
                            {m.unconfirmed}
                          </Badge>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.reasons.map((r) => t.consent.reasons[r] ?? r).join('; ')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={m.receiptNamed(c.purposeName)}
                        onClick={() => setDialog({ kind: 'receipt', consent: c })}
                      >
                        {m.receipt}
                      </Button>
                      {c.unconfirmed && !c.hasScan && (
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={m.attachScanNamed(c.purposeName)}
                          onClick={() => setDialog({ kind: 'scan', consent: c })}
                        >
                          {m.attachScan}
                        </Button>
                      )}
                      {c.withdrawnAt === null && (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          aria-label={m.withdrawNamed(c.purposeName)}
                          onClick={() => setDialog({ kind: 'withdraw', consent: c })}
                        >
                          {m.withdraw}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        size="lg"
        title={
          dialog?.kind === 'withdraw'
            ? t.consent.withdraw.title(dialog.consent.purposeName)
            : dialog?.kind === 'scan'
              ? m.attachScanNamed(dialog.consent.purposeName)
              : t.consent.receipt.title
        }
      >
        {dialog?.kind === 'receipt' && <ReceiptDialog consent={dialog.consent} purpose={purpose} />}
        {dialog?.kind === 'withdraw' && (
          <WithdrawDialog consent={dialog.consent} onClose={() => setDialog(null)} />
        )}
        {dialog?.kind === 'scan' && <ScanDialog consent={dialog.consent} onClose={() => setDialog(null)} />}
      </Modal>
    </Paper>
  );
}

import { Button, Checkbox, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { createDataset, type Dataset, datasetsKey, ORIGINS, THIRD_PARTY } from './api';
import { EMPTY_PROVENANCE, ProvenanceFields, validDate } from './ProvenanceFields';
import { ReasonsAlert } from './ReasonsAlert';

/** The provenance questionnaire of a new dataset; the server's gate decides (every reason shown). */
export function DatasetForm({ onCreated }: { onCreated: (d: Dataset) => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [origin, setOrigin] = useState<string>('MEMBER_ADMIN');
  const [containsPolitical, setContainsPolitical] = useState(false);
  const [enriched, setEnriched] = useState(false);
  const [provenance, setProvenance] = useState(EMPTY_PROVENANCE);
  const [touched, setTouched] = useState(false);
  const thirdParty = THIRD_PARTY.has(origin);

  const create = useMutation({
    mutationFn: () =>
      createDataset({
        name: name.trim(),
        origin,
        containsPolitical,
        enriched,
        ...provenance,
        ...(thirdParty
          ? {}
          : {
              supplier: null,
              collectionMethod: null,
              consentText: null,
              consentNamesParty: null,
              documentReference: null,
            }),
      }),
    onSuccess: (d) => {
      void queryClient.invalidateQueries({ queryKey: datasetsKey });
      onCreated(d);
    },
    // A refused dataset is recorded too: show it in the list.
    onError: () => queryClient.invalidateQueries({ queryKey: datasetsKey }),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (name.trim() === '' || !validDate(provenance.collectedFrom) || !validDate(provenance.collectedUntil))
      return;
    create.mutate();
  }

  const refusal = create.error instanceof ApiError && create.error.status === 422 ? create.error : null;
  const details = (refusal?.details ?? {}) as { reasons?: string[]; columns?: Record<string, string[]> };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="kk-new-dataset-title">
      <Stack gap="sm" maw={640}>
        <h3 id="kk-new-dataset-title" className="kk-visually-hidden">
          {t.imports.newDataset}
        </h3>
        {refusal ? (
          <ReasonsAlert
            title={t.imports.refusedTitle}
            reasons={details.reasons ?? [refusal.code]}
            columns={details.columns}
          />
        ) : (
          create.isError && <ErrorAlert error={create.error} />
        )}
        <TextInput
          label={t.imports.name}
          description={t.imports.nameHint}
          required
          maxLength={200}
          value={name}
          error={touched && name.trim() === '' ? t.imports.nameRequired : undefined}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <NativeSelect
          label={t.imports.origin}
          description={t.imports.originHint}
          value={origin}
          onChange={(e) => setOrigin(e.currentTarget.value)}
          data={ORIGINS.map((o) => ({ value: o, label: t.imports.origins[o] ?? o }))}
        />
        <Checkbox
          label={t.imports.containsPolitical}
          checked={containsPolitical}
          onChange={(e) => setContainsPolitical(e.currentTarget.checked)}
        />
        <Checkbox
          label={t.imports.enriched}
          checked={enriched}
          onChange={(e) => setEnriched(e.currentTarget.checked)}
        />
        <Textarea
          label={t.imports.noticeGiven}
          description={t.imports.noticeGivenHint}
          maxLength={2000}
          autosize
          minRows={2}
          value={provenance.noticeGiven ?? ''}
          onChange={(e) => setProvenance({ ...provenance, noticeGiven: e.currentTarget.value || null })}
        />
        <Textarea
          label={t.imports.description}
          maxLength={2000}
          autosize
          minRows={1}
          value={provenance.description ?? ''}
          onChange={(e) => setProvenance({ ...provenance, description: e.currentTarget.value || null })}
        />
        {thirdParty && (
          <ProvenanceFields
            value={provenance}
            onChange={setProvenance}
            touched={touched}
            headingId="kk-new-provenance"
          />
        )}
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t.imports.createDataset}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Checkbox, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useI18n } from '../../i18n';
import { LAWFUL_BASES, type Provenance } from './api';

export const EMPTY_PROVENANCE: Provenance = {
  description: null,
  noticeGiven: null,
  collectedFrom: null,
  collectedUntil: null,
  lawfulBasis: null,
  supplier: null,
  collectionMethod: null,
  consentText: null,
  consentNamesParty: null,
  documentReference: null,
};

export const validDate = (v: string | null) => v === null || v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The provenance statement of a third-party dataset. */
export function ProvenanceFields({
  value,
  onChange,
  touched,
  headingId,
}: {
  value: Provenance;
  onChange: (v: Provenance) => void;
  touched: boolean;
  headingId: string;
}) {
  const { t } = useI18n();
  const set = (k: keyof Provenance) => (v: string) => onChange({ ...value, [k]: v === '' ? null : v });
  return (
    <Stack
      gap="xs"
      component="fieldset"
      style={{ border: 0, padding: 0, margin: 0 }}
      aria-labelledby={headingId}
    >
      <Title order={3} size="h5" id={headingId}>
        {t.imports.provenanceTitle}
      </Title>
      <Text size="sm" c="dimmed">
        {t.imports.provenanceIntro}
      </Text>
      <TextInput
        label={t.imports.supplier}
        maxLength={200}
        value={value.supplier ?? ''}
        onChange={(e) => set('supplier')(e.currentTarget.value)}
      />
      <Textarea
        label={t.imports.collectionMethod}
        maxLength={2000}
        autosize
        minRows={2}
        value={value.collectionMethod ?? ''}
        onChange={(e) => set('collectionMethod')(e.currentTarget.value)}
      />
      <TextInput
        label={t.imports.collectedFrom}
        description={t.imports.dateHint}
        placeholder="2025-01-01"
        maxLength={10}
        value={value.collectedFrom ?? ''}
        error={touched && !validDate(value.collectedFrom) ? t.imports.dateInvalid : undefined}
        onChange={(e) => set('collectedFrom')(e.currentTarget.value)}
      />
      <TextInput
        label={t.imports.collectedUntil}
        description={t.imports.dateHint}
        placeholder="2025-12-31"
        maxLength={10}
        value={value.collectedUntil ?? ''}
        error={touched && !validDate(value.collectedUntil) ? t.imports.dateInvalid : undefined}
        onChange={(e) => set('collectedUntil')(e.currentTarget.value)}
      />
      <NativeSelect
        label={t.imports.lawfulBasis}
        value={value.lawfulBasis ?? ''}
        onChange={(e) => set('lawfulBasis')(e.currentTarget.value)}
        data={[
          { value: '', label: t.imports.lawfulBasisNone },
          ...LAWFUL_BASES.map((b) => ({ value: b, label: t.imports.lawfulBases[b] ?? b })),
        ]}
      />
      {value.lawfulBasis === 'consent' && (
        <>
          <Textarea
            label={t.imports.consentText}
            maxLength={5000}
            autosize
            minRows={2}
            value={value.consentText ?? ''}
            onChange={(e) => set('consentText')(e.currentTarget.value)}
          />
          <Checkbox
            label={t.imports.consentNamesParty}
            checked={value.consentNamesParty === true}
            onChange={(e) => onChange({ ...value, consentNamesParty: e.currentTarget.checked })}
          />
        </>
      )}
      <TextInput
        label={t.imports.documentReference}
        maxLength={500}
        value={value.documentReference ?? ''}
        onChange={(e) => set('documentReference')(e.currentTarget.value)}
      />
    </Stack>
  );
}

import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { linkTo, navigate } from '../../router';
import { createPerson } from './api';
import { fieldErrors } from './field-errors';

const FIELDS = [
  'firstName',
  'infix',
  'lastName',
  'email',
  'phone',
  'street',
  'houseNumber',
  'houseNumberAddition',
  'postcode',
  'city',
  'birthDate',
] as const;
type Field = (typeof FIELDS)[number];
const AGE_BANDS = ['<16', '16-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'];
const LANGUAGES = ['nl', 'en', 'fy', 'de', 'fr', 'tr', 'ar', 'pap'];
const AUTOCOMPLETE: Partial<Record<Field, string>> = {
  firstName: 'off',
  email: 'off',
  phone: 'off',
};

/** Enter a person by hand; the server validates and names each field and rule. */
export function NewPersonForm() {
  const { t } = useI18n();
  const r = t.register;
  const [values, setValues] = useState<Record<Field, string>>(
    Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<Field, string>,
  );
  const [ageBand, setAgeBand] = useState('');
  const [language, setLanguage] = useState('nl');
  const [fromSubject, setFromSubject] = useState(true);
  const [touched, setTouched] = useState(false);

  const create = useMutation({
    mutationFn: () =>
      createPerson({
        ...Object.fromEntries(FIELDS.map((f) => [f, values[f].trim() === '' ? null : values[f].trim()])),
        ageBand: ageBand === '' ? null : ageBand,
        language,
        obtainedFromSubject: fromSubject,
      }),
    onSuccess: (p) => navigate(`/personen/${p.id}`),
  });
  const serverErrors = fieldErrors(create.error, r.rules);
  const nameMissing = touched && values.firstName.trim() === '' && values.lastName.trim() === '';

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (values.firstName.trim() === '' && values.lastName.trim() === '') return;
    create.mutate();
  }

  const input = (f: Field, extra: { type?: string; description?: string; maxLength?: number } = {}) => (
    <TextInput
      key={f}
      label={r.contact[f]}
      value={values[f]}
      maxLength={extra.maxLength ?? 100}
      type={extra.type}
      description={extra.description}
      autoComplete={AUTOCOMPLETE[f] ?? 'off'}
      error={serverErrors[f] ?? (f === 'firstName' && nameMissing ? r.form.nameRequired : undefined)}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setValues((old) => ({ ...old, [f]: v }));
      }}
    />
  );

  return (
    <>
      <Anchor href="/personen" onClick={linkTo('/personen')} size="sm">
        {r.back}
      </Anchor>
      <PageTitle>{r.form.newTitle}</PageTitle>
      <Text mb="md" maw={720}>
        {r.form.newIntro}
      </Text>
      <form onSubmit={submit} noValidate aria-label={r.form.newTitle}>
        <Stack gap="sm" maw={720}>
          {create.isError && <ErrorAlert error={create.error} />}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {input('firstName')}
            {input('infix', { maxLength: 20 })}
            {input('lastName')}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {input('email', { type: 'email', maxLength: 254 })}
            {input('phone', { type: 'tel', maxLength: 30 })}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {input('street', { maxLength: 120 })}
            {input('houseNumber', { maxLength: 12 })}
            {input('houseNumberAddition', { maxLength: 10 })}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {input('postcode', { maxLength: 7 })}
            {input('city', { maxLength: 80 })}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {input('birthDate', { description: r.contact.birthDateHint, maxLength: 10 })}
            <NativeSelect
              label={r.contact.ageBand}
              description={r.contact.ageBandHint}
              value={ageBand}
              error={serverErrors.ageBand}
              onChange={(e) => setAgeBand(e.currentTarget.value)}
              data={[
                { value: '', label: r.contact.noAgeBand },
                ...AGE_BANDS.map((b) => ({ value: b, label: b })),
              ]}
            />
            <NativeSelect
              label={r.contact.language}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value)}
              data={LANGUAGES.map((l) => ({ value: l, label: r.contact.languages[l] ?? l }))}
            />
          </SimpleGrid>
          <Checkbox
            label={r.form.obtainedFromSubject}
            description={r.form.obtainedHint}
            checked={fromSubject}
            onChange={(e) => setFromSubject(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {r.form.submit}
            </Button>
            <Button variant="subtle" component="a" href="/personen" onClick={linkTo('/personen')}>
              {r.form.cancel}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

import { Button, Group, NativeSelect, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { type Cadence, createWebsite, type SiteOwner, websitesKey } from './api';

const CADENCES: Cadence[] = ['weekly', 'daily', 'manual'];
const OWNERS: SiteOwner[] = ['party', 'candidate'];

function validUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '' && value.length <= 2048;
  } catch {
    return false;
  }
}

export function AddWebsiteForm() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [label, setLabel] = useState('');
  const [owner, setOwner] = useState<SiteOwner>('party');
  const [cadence, setCadence] = useState<Cadence>('weekly');
  const [pages, setPages] = useState<number | string>(10);
  const [touched, setTouched] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: () =>
      createWebsite({ url: url.trim(), label: label.trim(), owner, cadence, crawlPages: Number(pages) }),
    onSuccess: (site) => {
      setAdded(site.label);
      setUrl('');
      setLabel('');
      setPages(10);
      setTouched(false);
      return queryClient.invalidateQueries({ queryKey: websitesKey });
    },
  });

  const pagesValid = typeof pages === 'number' && Number.isInteger(pages) && pages >= 1 && pages <= 50;
  const errors = {
    url: touched && !validUrl(url.trim()) ? t.websites.urlInvalid : undefined,
    label: touched && label.trim() === '' ? t.websites.labelRequired : undefined,
    pages: touched && !pagesValid ? t.websites.crawlInvalid : undefined,
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setAdded(null);
    if (!validUrl(url.trim()) || label.trim() === '' || !pagesValid) return;
    create.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="kk-add-website-title">
      <Stack gap="sm" maw={520}>
        <Title order={2} size="h3" id="kk-add-website-title">
          {t.websites.addTitle}
        </Title>
        {create.isError && <ErrorAlert error={create.error} />}
        {added !== null && (
          <Text size="sm" role="status" c="teal.9">
            {t.websites.added(added)}
          </Text>
        )}
        <TextInput
          label={t.websites.url}
          description={t.websites.urlHint}
          required
          type="url"
          inputMode="url"
          autoComplete="url"
          maxLength={2048}
          placeholder="https://"
          value={url}
          error={errors.url}
          onChange={(event) => setUrl(event.currentTarget.value)}
        />
        <TextInput
          label={t.websites.label}
          description={t.websites.labelHint}
          required
          maxLength={200}
          value={label}
          error={errors.label}
          onChange={(event) => setLabel(event.currentTarget.value)}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label={t.websites.owner}
            value={owner}
            onChange={(event) => setOwner(event.currentTarget.value as SiteOwner)}
            data={OWNERS.map((o) => ({ value: o, label: t.websites.owners[o] }))}
          />
          <NativeSelect
            label={t.websites.cadence}
            value={cadence}
            onChange={(event) => setCadence(event.currentTarget.value as Cadence)}
            data={CADENCES.map((c) => ({ value: c, label: t.websites.cadences[c] }))}
          />
        </Group>
        <NumberInput
          label={t.websites.crawlPages}
          description={t.websites.crawlHint}
          min={1}
          max={50}
          allowDecimal={false}
          allowNegative={false}
          value={pages}
          error={errors.pages}
          onChange={setPages}
          maw={240}
        />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t.websites.add}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

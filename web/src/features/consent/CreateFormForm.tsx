import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { createForm, type FormInput, formsKey, type Purpose } from './api';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Build a form: pick purposes (one unticked checkbox each); publishing runs the checks. */
export function CreateFormForm({ purposes }: { purposes: Purpose[] }) {
  const { t } = useI18n();
  const m = t.consent.forms;
  const queryClient = useQueryClient();
  const [slug, setSlug] = useState('');
  const [titleNl, setTitleNl] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [introNl, setIntroNl] = useState('');
  const [introEn, setIntroEn] = useState('');
  const [controllerName, setControllerName] = useState('');
  const [noticeUrl, setNoticeUrl] = useState('');
  const [noticeText, setNoticeText] = useState('');
  const [serviceName, setServiceName] = useState('');
  const [servicePurposeId, setServicePurposeId] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [required, setRequired] = useState<string[]>([]);
  const [touched, setTouched] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (input: FormInput) => createForm(input),
    onSuccess: (f) => {
      setCreated(f.slug);
      setSlug('');
      setTitleNl('');
      setTitleEn('');
      setIntroNl('');
      setIntroEn('');
      setChosen([]);
      setRequired([]);
      setTouched(false);
      return queryClient.invalidateQueries({ queryKey: formsKey });
    },
  });

  const errors = {
    slug: touched && !SLUG.test(slug) ? m.slugInvalid : undefined,
    titleNl: touched && titleNl.trim() === '' ? t.consent.common.required : undefined,
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    setCreated(null);
    if (errors.slug || !SLUG.test(slug) || titleNl.trim() === '') return;
    create.mutate({
      slug,
      titles: { nl: titleNl, ...(titleEn.trim() ? { en: titleEn } : {}) },
      intros: { nl: introNl, ...(introEn.trim() ? { en: introEn } : {}) },
      controllerName,
      privacyNoticeUrl: noticeUrl.trim() || null,
      privacyNoticeText: noticeText.trim() || null,
      serviceName: serviceName.trim() || null,
      servicePurposeId: servicePurposeId || null,
      items: chosen.map((id) => ({
        purposeIds: [id],
        required: required.includes(id),
        defaultChecked: false,
      })),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="kk-create-form-title">
      <Stack gap="sm" maw={720}>
        <Title order={3} size="h4" id="kk-create-form-title">
          {m.create}
        </Title>
        {create.isError && <ErrorAlert error={create.error} />}
        {created !== null && (
          <Text size="sm" role="status" c="teal.9">
            {m.created(created)}
          </Text>
        )}
        <TextInput
          label={m.slug}
          description={m.slugHint}
          required
          maxLength={63}
          value={slug}
          error={errors.slug}
          onChange={(e) => setSlug(e.currentTarget.value.toLowerCase())}
        />
        <Group grow align="flex-start">
          <TextInput
            label={m.titleNl}
            required
            maxLength={200}
            value={titleNl}
            error={errors.titleNl}
            onChange={(e) => setTitleNl(e.currentTarget.value)}
          />
          <TextInput
            label={m.titleEn}
            maxLength={200}
            value={titleEn}
            onChange={(e) => setTitleEn(e.currentTarget.value)}
          />
        </Group>
        <Group grow align="flex-start">
          <Textarea
            label={m.introNl}
            autosize
            minRows={2}
            maxLength={2000}
            value={introNl}
            onChange={(e) => setIntroNl(e.currentTarget.value)}
          />
          <Textarea
            label={m.introEn}
            autosize
            minRows={2}
            maxLength={2000}
            value={introEn}
            onChange={(e) => setIntroEn(e.currentTarget.value)}
          />
        </Group>
        <TextInput
          label={m.controllerName}
          maxLength={200}
          value={controllerName}
          onChange={(e) => setControllerName(e.currentTarget.value)}
        />
        <TextInput
          label={m.privacyNoticeUrl}
          type="url"
          inputMode="url"
          placeholder="https://"
          maxLength={2048}
          value={noticeUrl}
          onChange={(e) => setNoticeUrl(e.currentTarget.value)}
        />
        <Textarea
          label={m.privacyNoticeText}
          autosize
          minRows={2}
          value={noticeText}
          onChange={(e) => setNoticeText(e.currentTarget.value)}
        />
        <Checkbox.Group label={m.purposes} value={chosen} onChange={setChosen}>
          <Stack gap={6} mt={6}>
            {purposes.map((p) => (
              <Checkbox key={p.id} value={p.id} label={p.name} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Fieldset legend={m.serviceLegend}>
          <Stack gap="xs">
            <TextInput
              label={m.serviceName}
              description={m.serviceHint}
              maxLength={200}
              value={serviceName}
              onChange={(e) => setServiceName(e.currentTarget.value)}
            />
            <NativeSelect
              label={m.servicePurpose}
              value={servicePurposeId}
              onChange={(e) => setServicePurposeId(e.currentTarget.value)}
              data={[
                { value: '', label: m.noServicePurpose },
                ...purposes.filter((p) => chosen.includes(p.id)).map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
            {serviceName.trim() !== '' && chosen.length > 0 && (
              <Checkbox.Group value={required} onChange={setRequired}>
                <Stack gap={6}>
                  {purposes
                    .filter((p) => chosen.includes(p.id))
                    .map((p) => (
                      <Checkbox key={p.id} value={p.id} label={m.requiredItem(p.name)} />
                    ))}
                </Stack>
              </Checkbox.Group>
            )}
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {m.create}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

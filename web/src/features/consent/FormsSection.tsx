import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api';
import { CopyField } from '../../components/CopyField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDate, useI18n } from '../../i18n';
import {
  type ConsentForm,
  type FormProblem,
  formsKey,
  publishForm,
  unpublishForm,
  useForms,
  usePurposes,
} from './api';
import { CreateFormForm } from './CreateFormForm';

/** The embed snippet: a plain iframe of the hosted page in embed mode (no script, nothing third-party). */
export function embedSnippet(form: ConsentForm, title: string): string {
  const src = `${form.publicUrl}?embed=1`;
  return `<iframe src="${src}" title="${title.replace(/"/g, '&quot;')}" width="100%" height="900" style="border:0;max-width:640px" loading="lazy"></iframe>`;
}

function Refusal({ error, purposeName }: { error: unknown; purposeName: (id: string) => string }) {
  const { t } = useI18n();
  const m = t.consent.forms;
  const details =
    error instanceof ApiError ? (error.details as { problems?: FormProblem[] } | undefined) : undefined;
  const problems = details?.problems ?? [];
  if (problems.length === 0) return <ErrorAlert error={error} />;
  return (
    <Paper withBorder p="sm" radius="sm" role="alert" bg="red.0">
      <Text fw={600} size="sm" mb={4}>
        {m.refusedTitle}
      </Text>
      <List size="sm">
        {problems.map((p) => {
          const where = [
            p.item !== undefined ? m.checkbox(p.item + 1) : null,
            p.purposeId ? purposeName(p.purposeId) : null,
            p.language ? (t.consent.common.languages[p.language] ?? p.language) : null,
            p.missing ? (m.missingPart[p.missing] ?? t.consent.texts.missing[p.missing] ?? p.missing) : null,
          ]
            .filter(Boolean)
            .join(' · ');
          return (
            <List.Item
              key={`${p.code}-${p.item ?? ''}-${p.purposeId ?? ''}-${p.language ?? ''}-${p.missing ?? ''}`}
            >
              {m.problem[p.code] ?? p.code}
              {where ? ` (${where})` : ''}{' '}
              <Text component="span" size="xs" ff="monospace">
                {p.code}
              </Text>
            </List.Item>
          );
        })}
      </List>
    </Paper>
  );
}

function FormCard({ form, purposeName }: { form: ConsentForm; purposeName: (id: string) => string }) {
  const { t, intlLocale } = useI18n();
  const m = t.consent.forms;
  const queryClient = useQueryClient();
  const [done, setDone] = useState(false);
  const publish = useMutation({
    mutationFn: () => publishForm(form.id),
    onSuccess: () => {
      setDone(true);
      return queryClient.invalidateQueries({ queryKey: formsKey });
    },
  });
  const unpublish = useMutation({
    mutationFn: () => unpublishForm(form.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: formsKey }),
  });
  const title = form.titles.nl ?? form.slug;
  const published = form.status === 'published';

  return (
    <Paper component="li" withBorder p="md" radius="sm">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4">
              {title}
            </Title>
            <Group gap="xs">
              <Badge variant="light" color={published ? 'teal' : 'gray'}>
                {m.status[form.status]}
              </Badge>
              {form.publishedAt && (
                <Text size="xs" c="dimmed">
                  {formatDate(form.publishedAt, intlLocale, true)}
                </Text>
              )}
            </Group>
          </div>
          <Group gap="xs">
            <Button
              size="xs"
              aria-label={m.publishNamed(form.slug)}
              loading={publish.isPending}
              onClick={() => publish.mutate()}
            >
              {published ? m.republish : m.publish}
            </Button>
            {published && (
              <Button
                size="xs"
                variant="default"
                aria-label={m.unpublishNamed(form.slug)}
                loading={unpublish.isPending}
                onClick={() => unpublish.mutate()}
              >
                {m.unpublish}
              </Button>
            )}
          </Group>
        </Group>
        <Text size="sm">{form.items.map((i) => i.purposeIds.map(purposeName).join(' + ')).join(' · ')}</Text>
        {publish.isError && <Refusal error={publish.error} purposeName={purposeName} />}
        {unpublish.isError && <ErrorAlert error={unpublish.error} />}
        {done && publish.isSuccess && (
          <Text size="sm" role="status" c="teal.9">
            {m.published(form.slug)}
          </Text>
        )}
        {published && (
          <>
            <Group gap="xs" align="flex-end">
              <CopyField label={m.hosted} value={form.publicUrl} />
              <Anchor href={form.publicUrl} target="_blank" rel="noopener noreferrer" size="sm">
                {m.open}
              </Anchor>
            </Group>
            <CopyField label={m.embed} value={embedSnippet(form, m.embedTitle(title))} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

export function FormsSection() {
  const { t } = useI18n();
  const m = t.consent.forms;
  const forms = useForms();
  const purposes = usePurposes();
  const names = new Map((purposes.data?.items ?? []).map((p) => [p.id, p.name]));
  const purposeName = (id: string) => names.get(id) ?? id;
  const items = forms.data?.items ?? [];

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-forms-title">
      <Title order={2} size="h3" id="kk-forms-title" mb="xs">
        {m.title}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={760}>
        {m.hint}
      </Text>
      {forms.isPending && <Loading />}
      {forms.isError && <ErrorAlert error={forms.error} />}
      {forms.isSuccess && items.length === 0 && <Text c="dimmed">{t.consent.common.none}</Text>}
      {items.length > 0 && (
        <Stack
          gap="sm"
          component="ul"
          p={0}
          m={0}
          mb="lg"
          style={{ listStyle: 'none' }}
          aria-label={m.caption}
        >
          {items.map((f) => (
            <FormCard key={f.id} form={f} purposeName={purposeName} />
          ))}
        </Stack>
      )}
      <CreateFormForm purposes={purposes.data?.items ?? []} />
    </Paper>
  );
}

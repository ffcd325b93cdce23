import {
  Badge,
  Button,
  Code,
  Group,
  List,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { formatDate, useI18n } from '../../i18n';
import {
  type ConsentLanguage,
  createTextVersion,
  deleteTextVersion,
  type Purpose,
  type RequestCheck,
  type TextContent,
  type TextVersion,
  textsKey,
  usePurposes,
  useTexts,
} from './api';

const blankContent = (controllerName: string): TextContent => ({
  controllerName,
  statement: '',
  specialCategoryMention: null,
  purposeMention: null,
  dataCategories: [],
  withdrawalInstructions: '',
  automatedDecisionNotice: null,
  transferNotice: null,
});

function contentOf(v: TextVersion): TextContent {
  return {
    controllerName: v.controllerName,
    statement: v.statement,
    specialCategoryMention: v.specialCategoryMention,
    purposeMention: v.purposeMention,
    dataCategories: v.dataCategories,
    withdrawalInstructions: v.withdrawalInstructions,
    automatedDecisionNotice: v.automatedDecisionNotice,
    transferNotice: v.transferNotice,
  };
}

/** Editing a text always saves a new version; the form starts from the latest version. */
function NewVersionForm({
  purpose,
  language,
  base,
}: {
  purpose: Purpose;
  language: ConsentLanguage;
  base: TextVersion | null;
}) {
  const { t } = useI18n();
  const m = t.consent.texts;
  const queryClient = useQueryClient();
  const [c, setC] = useState<TextContent>(base ? contentOf(base) : blankContent(''));
  const [categories, setCategories] = useState((base?.dataCategories ?? []).join('\n'));
  const [result, setResult] = useState<{ version: number; check: RequestCheck } | null>(null);
  const save = useMutation({
    mutationFn: () =>
      createTextVersion(purpose.id, language, {
        ...c,
        dataCategories: categories
          .split('\n')
          .map((x) => x.trim())
          .filter(Boolean),
      }),
    onSuccess: (r) => {
      setResult({ version: r.version.version, check: r.check });
      return queryClient.invalidateQueries({ queryKey: textsKey });
    },
  });
  const opt = (s: string) => (s.trim() === '' ? null : s);
  const id = `kk-text-${purpose.id}-${language}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    save.mutate();
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <Stack gap="sm" maw={720}>
        <Title order={3} size="h4" id={`${id}-title`}>
          {base ? m.newVersionFrom(base.version) : m.firstVersion}
        </Title>
        {save.isError && <ErrorAlert error={save.error} />}
        {result && (
          <Stack gap={4} role="status">
            <Text size="sm" c="teal.9">
              {m.saved(result.version)}
            </Text>
            {result.check.missing.length > 0 && (
              <>
                <Text size="sm" c="orange.9">
                  {m.missingTitle}
                </Text>
                <List size="sm">
                  {result.check.missing.map((x) => (
                    <List.Item key={x}>{m.missing[x] ?? x}</List.Item>
                  ))}
                </List>
              </>
            )}
            {result.check.warnings.map((w) => (
              <Text key={w} size="sm" c="dimmed">
                {m.warnings[w] ?? w}
              </Text>
            ))}
          </Stack>
        )}
        <TextInput
          label={m.controllerName}
          maxLength={200}
          value={c.controllerName}
          onChange={(e) => setC({ ...c, controllerName: e.currentTarget.value })}
        />
        <Textarea
          label={m.statement}
          description={m.statementHint}
          autosize
          minRows={2}
          maxLength={2000}
          value={c.statement}
          onChange={(e) => setC({ ...c, statement: e.currentTarget.value })}
        />
        <Group grow align="flex-start">
          <TextInput
            label={m.specialCategoryMention}
            description={m.specialHint}
            maxLength={300}
            value={c.specialCategoryMention ?? ''}
            onChange={(e) => setC({ ...c, specialCategoryMention: opt(e.currentTarget.value) })}
          />
          <TextInput
            label={m.purposeMention}
            maxLength={300}
            value={c.purposeMention ?? ''}
            onChange={(e) => setC({ ...c, purposeMention: opt(e.currentTarget.value) })}
          />
        </Group>
        <Textarea
          label={m.dataCategories}
          autosize
          minRows={2}
          value={categories}
          onChange={(e) => setCategories(e.currentTarget.value)}
        />
        <Textarea
          label={m.withdrawalInstructions}
          autosize
          minRows={1}
          maxLength={2000}
          value={c.withdrawalInstructions}
          onChange={(e) => setC({ ...c, withdrawalInstructions: e.currentTarget.value })}
        />
        <Textarea
          label={m.automatedDecisionNotice}
          autosize
          minRows={1}
          maxLength={2000}
          value={c.automatedDecisionNotice ?? ''}
          onChange={(e) => setC({ ...c, automatedDecisionNotice: opt(e.currentTarget.value) })}
        />
        <Textarea
          label={m.transferNotice}
          autosize
          minRows={1}
          maxLength={2000}
          value={c.transferNotice ?? ''}
          onChange={(e) => setC({ ...c, transferNotice: opt(e.currentTarget.value) })}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {base ? m.newVersion : m.firstVersion}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function VersionHistory({ versions }: { versions: TextVersion[] }) {
  const { t, intlLocale } = useI18n();
  const m = t.consent.texts;
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => deleteTextVersion(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: textsKey }),
  });
  return (
    <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
      {remove.isError && <ErrorAlert error={remove.error} />}
      {versions.map((v) => (
        <Paper component="li" key={v.id} withBorder p="sm" radius="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4}>
              <Group gap="xs">
                <Text fw={600}>{m.version(v.version)}</Text>
                <Badge size="sm" variant="light" color={v.referencedAt ? 'gray' : 'blue'}>
                  {v.referencedAt ? m.frozen : m.draft}
                </Badge>
                <Text size="xs" c="dimmed">
                  {formatDate(v.createdAt, intlLocale, true)}
                </Text>
              </Group>
              <Text size="sm" fw={600} component="div">
                {m.fullText}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {v.fullText}
              </Text>
              <Text size="xs" c="dimmed">
                {m.hash}: <Code>{v.sha256}</Code>
              </Text>
            </Stack>
            {v.referencedAt === null && (
              <Button
                size="xs"
                variant="default"
                color="red"
                aria-label={m.deleteDraftNamed(v.version)}
                loading={remove.isPending && remove.variables === v.id}
                onClick={() => remove.mutate(v.id)}
              >
                {m.deleteDraft}
              </Button>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

export function TextsSection() {
  const { t } = useI18n();
  const m = t.consent.texts;
  const purposes = usePurposes();
  const texts = useTexts();
  const [purposeId, setPurposeId] = useState<string>('');
  const [language, setLanguage] = useState<ConsentLanguage>('nl');
  const list = purposes.data?.items ?? [];
  const purpose = list.find((p) => p.id === purposeId) ?? null;
  const versions = (texts.data?.items ?? [])
    .filter((v) => v.purposeId === purposeId && v.language === language)
    .sort((a, b) => b.version - a.version);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-texts-title">
      <Title order={2} size="h3" id="kk-texts-title" mb="xs">
        {m.title}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={760}>
        {m.hint}
      </Text>
      {(purposes.isPending || texts.isPending) && <Loading />}
      {purposes.isError && <ErrorAlert error={purposes.error} />}
      {texts.isError && <ErrorAlert error={texts.error} />}
      <Group align="flex-end" mb="md">
        <NativeSelect
          label={m.purpose}
          value={purposeId}
          onChange={(e) => setPurposeId(e.currentTarget.value)}
          data={[{ value: '', label: m.choosePurpose }, ...list.map((p) => ({ value: p.id, label: p.name }))]}
          miw={280}
        />
        <SegmentedControl
          aria-label={m.language}
          value={language}
          onChange={(v) => setLanguage(v as ConsentLanguage)}
          data={[
            { value: 'nl', label: t.consent.common.languages.nl ?? 'nl' },
            { value: 'en', label: t.consent.common.languages.en ?? 'en' },
          ]}
        />
      </Group>
      {purpose && (
        <Stack gap="lg">
          <section aria-labelledby="kk-text-history">
            <Title order={3} size="h4" id="kk-text-history" mb="xs">
              {m.history(purpose.name, t.consent.common.languages[language] ?? language)}
            </Title>
            {versions.length === 0 ? (
              <Text c="dimmed">{t.consent.common.none}</Text>
            ) : (
              <VersionHistory versions={versions} />
            )}
          </section>
          <NewVersionForm
            key={`${purpose.id}-${language}-${versions[0]?.id ?? 'none'}`}
            purpose={purpose}
            language={language}
            base={versions[0] ?? null}
          />
        </Stack>
      )}
    </Paper>
  );
}

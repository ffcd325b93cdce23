/**
 * A campaign template in Dutch (and optionally English) with the live check of the server (R-26
 * transparency block, R-27 objection link, R-69 no tracking): every finding in plain words.
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import {
  checkTemplate,
  createTemplate,
  type Finding,
  type Template,
  type TemplateContent,
  type TemplateVersion,
  templatesKey,
  updateTemplate,
} from './api';

const starter = (text: string): TemplateVersion => ({ subject: '', text, html: null });

function VersionFields(props: {
  lang: 'nl' | 'en';
  value: TemplateVersion;
  onChange: (v: TemplateVersion) => void;
}) {
  const { t } = useI18n();
  const m = t.outreach.templates;
  const id = `tpl-${props.lang}`;
  return (
    <Stack gap="xs">
      <TextInput
        id={`${id}-subject`}
        label={m.subject}
        value={props.value.subject}
        onChange={(e) => props.onChange({ ...props.value, subject: e.currentTarget.value })}
        required
      />
      <Textarea
        id={`${id}-text`}
        label={m.text}
        autosize
        minRows={6}
        value={props.value.text}
        onChange={(e) => props.onChange({ ...props.value, text: e.currentTarget.value })}
        required
      />
      <Textarea
        id={`${id}-html`}
        label={m.html}
        autosize
        minRows={3}
        value={props.value.html ?? ''}
        onChange={(e) =>
          props.onChange({
            ...props.value,
            html: e.currentTarget.value.trim() ? e.currentTarget.value : null,
          })
        }
      />
    </Stack>
  );
}

export function TemplateEditor(props: { initial: Template | null; onDone: () => void }) {
  const { t, locale } = useI18n();
  const m = t.outreach.templates;
  const qc = useQueryClient();
  const [name, setName] = useState(props.initial?.name ?? '');
  const [content, setContent] = useState<TemplateContent>(
    props.initial?.content ?? { nl: starter(m.starterNl), en: null },
  );
  const [findings, setFindings] = useState<Finding[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // Live check, a moment after typing stops.
  useEffect(() => {
    const timer = setTimeout(() => {
      checkTemplate(content)
        .then((r) => setFindings(r.findings))
        .catch(() => setFindings(null));
    }, 400);
    return () => clearTimeout(timer);
  }, [content]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const input = { name, content };
      if (props.initial) await updateTemplate(props.initial.id, input);
      else await createTemplate(input);
      await qc.invalidateQueries({ queryKey: templatesKey });
      props.onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {props.initial ? `${m.edit}: ${props.initial.name}` : m.add}
        </Title>
        {props.initial?.usedAt && <Alert color="blue">{m.used}</Alert>}
        <TextInput
          id="tpl-name"
          label={m.name}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
        />
        <Text size="sm" c="dimmed">
          {m.placeholders}
        </Text>
        <Title order={4} size="h5">
          {m.dutch}
        </Title>
        <VersionFields lang="nl" value={content.nl} onChange={(nl) => setContent({ ...content, nl })} />
        <Checkbox
          label={m.withEnglish}
          checked={content.en !== null}
          onChange={(e) =>
            setContent({
              ...content,
              en: e.currentTarget.checked ? starter(m.starterEn) : null,
            })
          }
        />
        {content.en && (
          <>
            <Title order={4} size="h5">
              {m.english}
            </Title>
            <VersionFields lang="en" value={content.en} onChange={(en) => setContent({ ...content, en })} />
          </>
        )}
        <section aria-live="polite" aria-label={m.check}>
          {findings === null ? (
            <Text size="sm">{m.checking}</Text>
          ) : findings.length === 0 ? (
            <Alert color="green">{m.checkOk}</Alert>
          ) : (
            <Alert color="orange" title={m.check}>
              <List size="sm">
                {findings.map((f) => (
                  <List.Item key={`${f.code}-${f.language}-${f.part}-${f.detail}`}>
                    {locale === 'en' ? f.en : f.nl} ({f.language}, {m.part[f.part]}: {f.detail}){' '}
                    <Text span size="xs" ff="monospace">
                      {f.code}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
        </section>
        {error !== null && <ErrorAlert error={error} />}
        <Group>
          <Button onClick={save} loading={busy} disabled={!name.trim()}>
            {m.save}
          </Button>
          <Button variant="subtle" onClick={props.onDone}>
            {m.cancel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

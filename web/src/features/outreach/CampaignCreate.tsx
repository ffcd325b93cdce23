/** Create a campaign from an audience and a template (freezes a snapshot of the audience). */
import { Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { useAudiences } from '../audiences/api';
import { type Campaign, campaignsKey, createCampaign, type LanguageRule, useTemplates } from './api';

export function CampaignCreate(props: { onDone: (c: Campaign | null) => void }) {
  const { t } = useI18n();
  const m = t.outreach.campaigns;
  const qc = useQueryClient();
  const audiences = useAudiences();
  const templates = useTemplates();
  const [name, setName] = useState('');
  const [audienceId, setAudienceId] = useState<string | null>(null);
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [languageRule, setLanguageRule] = useState<LanguageRule>('person');
  const [throttle, setThrottle] = useState<number | string>(600);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!audienceId || !templateId) return;
    setBusy(true);
    setError(null);
    try {
      const r = await createCampaign({
        name,
        audienceId,
        templateId,
        languageRule,
        throttlePerMinute: typeof throttle === 'number' ? throttle : null,
      });
      await qc.invalidateQueries({ queryKey: campaignsKey });
      props.onDone(r.campaign);
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
          {m.add}
        </Title>
        <Text size="sm" c="dimmed">
          {m.createHint}
        </Text>
        <TextInput
          id="cmp-name"
          label={m.name}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
        />
        <Select
          id="cmp-audience"
          label={m.audience}
          data={(audiences.data?.items ?? []).map((a) => ({
            value: a.id,
            label: `${a.name} (${a.activityName})`,
          }))}
          value={audienceId}
          onChange={setAudienceId}
          searchable
          required
        />
        <Select
          id="cmp-template"
          label={m.template}
          data={(templates.data?.items ?? []).map((x) => ({
            value: x.id,
            label: `${x.name} (v${x.version})`,
          }))}
          value={templateId}
          onChange={setTemplateId}
          required
        />
        <Select
          id="cmp-language"
          label={m.language}
          data={(['person', 'nl', 'en'] as const).map((v) => ({ value: v, label: m.languageRule[v] }))}
          value={languageRule}
          onChange={(v) => setLanguageRule((v as LanguageRule | null) ?? 'person')}
          allowDeselect={false}
        />
        <NumberInput
          id="cmp-throttle"
          label={m.throttle}
          min={1}
          max={100000}
          value={throttle}
          onChange={setThrottle}
        />
        {error !== null && <ErrorAlert error={error} />}
        <Group>
          <Button onClick={submit} loading={busy} disabled={!name.trim() || !audienceId || !templateId}>
            {m.create}
          </Button>
          <Button variant="subtle" onClick={() => props.onDone(null)}>
            {t.outreach.templates.cancel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

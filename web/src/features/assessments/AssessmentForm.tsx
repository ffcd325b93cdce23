import { Button, Checkbox, Group, Radio, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import {
  AGES,
  type Answers,
  DEFAULT_ANSWERS,
  MESSAGE_CHANNELS,
  needsRecipient,
  TO_WHOM,
  WHAT,
  WHO,
} from './build-facts';

/** The common questions: who, what, to whom, and what is already in place. */
export function AssessmentForm({
  busy,
  onAssess,
  onEditAsJson,
}: {
  busy: boolean;
  onAssess: (a: Answers) => void;
  onEditAsJson: (a: Answers) => void;
}) {
  const { t } = useI18n();
  const f = t.assessments.form;
  const [a, setA] = useState<Answers>(DEFAULT_ANSWERS);
  const set = <K extends keyof Answers>(k: K, v: Answers[K]) => setA((prev) => ({ ...prev, [k]: v }));
  const outside = needsRecipient(a.what);
  const toWhom = outside && a.toWhom === 'inside' ? 'processor' : a.toWhom;

  return (
    <form
      aria-label={f.legend}
      onSubmit={(e) => {
        e.preventDefault();
        onAssess({ ...a, toWhom });
      }}
    >
      <Stack gap="md" maw={760}>
        <Radio.Group label={f.who} value={a.who} onChange={(v) => set('who', v as Answers['who'])}>
          <Stack gap={6} mt="xs">
            {WHO.map((w) => (
              <Radio key={w} value={w} label={f.whoOptions[w]} />
            ))}
          </Stack>
        </Radio.Group>
        <Select
          label={f.age}
          value={a.age}
          allowDeselect={false}
          data={AGES.map((x) => ({ value: x, label: f.ageOptions[x] }))}
          onChange={(v) => v && set('age', v as Answers['age'])}
          maw={320}
        />
        <Radio.Group label={f.what} value={a.what} onChange={(v) => set('what', v as Answers['what'])}>
          <Stack gap={6} mt="xs">
            {WHAT.map((w) => (
              <Radio key={w} value={w} label={f.whatOptions[w]} />
            ))}
          </Stack>
        </Radio.Group>
        {a.what === 'message' && (
          <Select
            label={f.channel}
            value={a.channel}
            allowDeselect={false}
            data={MESSAGE_CHANNELS.map((x) => ({ value: x, label: f.channelOptions[x] }))}
            onChange={(v) => v && set('channel', v as Answers['channel'])}
            maw={320}
          />
        )}
        <Radio.Group
          label={f.toWhom}
          description={outside ? f.insideNotPossible : undefined}
          value={toWhom}
          onChange={(v) => set('toWhom', v as Answers['toWhom'])}
        >
          <Stack gap={6} mt="xs">
            {TO_WHOM.map((w) => (
              <Radio key={w} value={w} label={f.toWhomOptions[w]} disabled={w === 'inside' && outside} />
            ))}
          </Stack>
        </Radio.Group>
        <Stack gap={6}>
          <Text size="sm" fw={600} component="div" id="kk-assess-extras">
            {f.extras}
          </Text>
          <Stack gap={6} role="group" aria-labelledby="kk-assess-extras">
            <Checkbox
              label={f.adConsent}
              checked={a.adConsent}
              onChange={(e) => set('adConsent', e.currentTarget.checked)}
            />
            <Checkbox
              label={f.art26}
              checked={a.art26}
              onChange={(e) => set('art26', e.currentTarget.checked)}
            />
            <Checkbox
              label={f.dpia}
              checked={a.dpia}
              onChange={(e) => set('dpia', e.currentTarget.checked)}
            />
          </Stack>
        </Stack>
        <Group>
          <Button type="submit" loading={busy}>
            {f.submit}
          </Button>
          <Button variant="default" onClick={() => onEditAsJson({ ...a, toWhom })}>
            {f.editAsJson}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Verantwoording → Toetsen (C4): "mag dit?" before anyone does it. A questionnaire for the common
 * questions, or the full facts document as JSON; the legal gate's decision shown with every reason and
 * obligation, its message and R-number. Nothing is stored but who asked and the outcome.
 */
import { Stack, Tabs, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { AssessmentForm } from './AssessmentForm';
import { runAssessment } from './api';
import { buildFacts } from './build-facts';
import { DecisionView } from './DecisionView';
import { JsonAssessment } from './JsonAssessment';
import { ProblemsAlert } from './ProblemsAlert';

type Mode = 'form' | 'json';

export function AssessmentSection() {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>('form');
  const [text, setText] = useState('');
  const run = useMutation({ mutationFn: runAssessment });

  return (
    <Stack gap="lg">
      <Text maw={760}>{t.assessments.intro}</Text>
      <Tabs
        value={mode}
        onChange={(v) => {
          if (v === 'form' || v === 'json') setMode(v);
          run.reset();
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="form">{t.assessments.tabs.form}</Tabs.Tab>
          <Tabs.Tab value="json">{t.assessments.tabs.json}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="form">
          <AssessmentForm
            busy={run.isPending}
            onAssess={(a) => run.mutate(buildFacts(a, new Date()))}
            onEditAsJson={(a) => {
              setText(JSON.stringify(buildFacts(a, new Date()), null, 2));
              run.reset();
              setMode('json');
            }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="json">
          <JsonAssessment
            text={text}
            onText={setText}
            busy={run.isPending}
            onAssess={(doc) => run.mutate(doc)}
          />
        </Tabs.Panel>
      </Tabs>
      {run.isError && <ProblemsAlert error={run.error} />}
      {run.isSuccess && <DecisionView decision={run.data} />}
    </Stack>
  );
}

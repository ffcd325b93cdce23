import { Alert, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n';
import { strongAlert, strongBadge } from '../audiences/contrast';
import type { ExplainedCode, ExplainedDecision } from './api';

function Codes({ title, items, color }: { title: string; items: ExplainedCode[]; color: string }) {
  const { t, locale } = useI18n();
  return (
    <Stack gap={4}>
      <Title order={4} size="h5">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.assessments.result.none}
        </Text>
      ) : (
        <List spacing="xs" listStyleType="none" p={0}>
          {items.map((c) => (
            <List.Item key={c.code}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge
                  color={color}
                  variant="light"
                  radius="sm"
                  style={{ flexShrink: 0 }}
                  styles={strongBadge(color)}
                >
                  {c.rule ?? '—'}
                </Badge>
                <Stack gap={0}>
                  <Text size="sm">{locale === 'en' ? c.en : c.nl}</Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {c.code}
                  </Text>
                </Stack>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** The gate's answer: allowed or not, the basis, and every reason and obligation with its message and R-number. */
export function DecisionView({ decision }: { decision: ExplainedDecision }) {
  const { t } = useI18n();
  const r = t.assessments.result;
  const ref = useRef<HTMLElement>(null);
  // The result appears below a long form: bring it into view on every new decision.
  useEffect(() => {
    if (decision) ref.current?.scrollIntoView?.({ block: 'start' });
  }, [decision]);
  return (
    <Paper ref={ref} withBorder radius="md" p="lg" component="section" aria-labelledby="kk-assessment-result">
      <Stack gap="md">
        <Title order={3} id="kk-assessment-result">
          {r.title}
        </Title>
        <Alert
          color={decision.allowed ? 'green' : 'red'}
          variant="light"
          role="status"
          title={decision.allowed ? r.allowed : r.refused}
          styles={strongAlert(decision.allowed ? 'green' : 'red')}
        >
          <Text size="sm">
            {r.basis}:{' '}
            <strong>{decision.basis ? (r.bases[decision.basis] ?? decision.basis) : r.noBasis}</strong> ·{' '}
            {r.specialCategory}: {decision.specialCategory ? r.yes : r.no}
          </Text>
        </Alert>
        {!decision.allowed && <Codes title={r.reasons} items={decision.reasons} color="red" />}
        {decision.productRefusals.length > 0 && (
          <Codes title={r.productRefusals} items={decision.productRefusals} color="orange" />
        )}
        <Codes title={r.obligations} items={decision.obligations} color="blue" />
      </Stack>
    </Paper>
  );
}

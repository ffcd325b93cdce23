import { Alert, List, Text } from '@mantine/core';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';

interface FieldProblem {
  field: string;
  problem: string;
}
interface Contradiction {
  path: string;
  check: string;
  nl: string;
  en: string;
}

/** A refused document: every wrong field (400) or contradiction (422) with its path; other errors as usual. */
export function ProblemsAlert({ error }: { error: unknown }) {
  const { t, locale } = useI18n();
  const details =
    error instanceof ApiError ? (error.details as Record<string, unknown> | undefined) : undefined;
  const fields = Array.isArray(details?.fields) ? (details.fields as FieldProblem[]) : null;
  const problems = Array.isArray(details?.problems) ? (details.problems as Contradiction[]) : null;
  if (!fields && !problems) return <ErrorAlert error={error} />;
  const lines = fields
    ? fields.map((f) => ({ path: f.field, text: f.problem }))
    : (problems ?? []).map((p) => ({ path: p.path, text: `${locale === 'en' ? p.en : p.nl} (${p.check})` }));
  return (
    <Alert color="red" variant="light" role="alert" title={t.errors.title}>
      <Text size="sm" mb="xs">
        {fields ? t.assessments.problems.invalid : t.assessments.problems.contradictory}
      </Text>
      <List size="sm" spacing={4}>
        {lines.map((l) => (
          <List.Item key={`${l.path}:${l.text}`}>
            <Text span ff="monospace" size="sm">
              {l.path}
            </Text>
            : {l.text}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

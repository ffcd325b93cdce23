import { Alert, Button, FileButton, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n';

/** The full facts document: paste or load a file, then assess. Parse errors stay in the browser. */
export function JsonAssessment({
  text,
  onText,
  busy,
  onAssess,
}: {
  text: string;
  onText: (s: string) => void;
  busy: boolean;
  onAssess: (doc: unknown) => void;
}) {
  const { t } = useI18n();
  const j = t.assessments.json;
  const [parseError, setParseError] = useState<string | null>(null);

  const submit = () => {
    if (text.trim() === '') return setParseError(j.empty);
    try {
      const doc: unknown = JSON.parse(text);
      setParseError(null);
      onAssess(doc);
    } catch (e) {
      setParseError(j.notJson((e as Error).message));
    }
  };

  return (
    <Stack gap="sm">
      <Textarea
        label={j.label}
        description={j.description}
        value={text}
        onChange={(e) => onText(e.currentTarget.value)}
        autosize
        minRows={12}
        maxRows={30}
        spellCheck={false}
        styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
        error={parseError ?? undefined}
      />
      {parseError && (
        <Alert color="red" variant="light" role="alert">
          {parseError}
        </Alert>
      )}
      <Group>
        <Button onClick={submit} loading={busy}>
          {j.submit}
        </Button>
        <FileButton
          accept="application/json,.json"
          onChange={(file) => {
            if (file) void file.text().then(onText);
          }}
        >
          {(props) => (
            <Button variant="default" {...props}>
              {j.upload}
            </Button>
          )}
        </FileButton>
      </Group>
    </Stack>
  );
}

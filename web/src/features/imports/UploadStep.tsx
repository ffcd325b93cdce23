import { Button, FileInput, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { type ImportJob, importsKey, reasonsOf, uploadFile } from './api';
import { ReasonsAlert } from './ReasonsAlert';

/** Step 2: choose a file and upload it (progress shown); the server sniffs CSV or XLSX. */
export function UploadStep({
  datasetId,
  onUploaded,
  onBack,
}: {
  datasetId: string;
  onUploaded: (job: ImportJob) => void;
  onBack: () => void;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [touched, setTouched] = useState(false);
  const [progress, setProgress] = useState(0);
  const upload = useMutation({
    mutationFn: (f: File) => uploadFile(datasetId, f, locale, setProgress),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: importsKey });
      onUploaded(r.job);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (!file) return;
    setProgress(0);
    upload.mutate(file);
  }
  const reasons = reasonsOf(upload.error);
  const legal = upload.isError && (upload.error as { status?: number }).status === 422 && reasons.length > 0;

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="kk-upload-title">
      <Title order={2} size="h3" id="kk-upload-title" mb="xs">
        {t.imports.uploadTitle}
      </Title>
      <Text size="sm" mb="md" maw={760}>
        {t.imports.uploadIntro}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={520}>
          {legal ? (
            <ReasonsAlert title={t.imports.refusedTitle} reasons={reasons} />
          ) : (
            upload.isError && <ErrorAlert error={upload.error} />
          )}
          <FileInput
            label={t.imports.file}
            required
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            clearable
            error={touched && !file ? t.imports.fileRequired : undefined}
          />
          {upload.isPending && (
            <Stack gap={4}>
              <Progress
                value={Math.round(progress * 100)}
                aria-label={t.imports.uploading(Math.round(progress * 100))}
              />
              <Text size="sm" role="status">
                {t.imports.uploading(Math.round(progress * 100))}
              </Text>
            </Stack>
          )}
          <Group>
            <Button type="submit" loading={upload.isPending}>
              {t.imports.uploadButton}
            </Button>
            <Button variant="subtle" onClick={onBack}>
              {t.imports.otherDataset}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

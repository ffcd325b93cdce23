import { Alert, Text } from '@mantine/core';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';

export type PlannedArea = 'toestemming' | 'doelgroepen' | 'rechten' | 'verantwoording' | 'websites';

/** An area that is not built yet: what it is for, and an honest note that it is not there. No fake data. */
export function AreaPage({ id }: { id: PlannedArea }) {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{t.areas[id]}</PageTitle>
      <Text maw={720} mb="lg">
        {t.areaPages[id]}
      </Text>
      <Alert variant="light" color="gray" maw={720}>
        <Text size="sm">{t.areaPages.underConstruction}</Text>
      </Alert>
    </>
  );
}

import { Anchor, Text } from '@mantine/core';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { linkTo } from '../../router';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{t.notFound.title}</PageTitle>
      <Text mb="md">{t.notFound.body}</Text>
      <Anchor href="/" onClick={linkTo('/')}>
        {t.notFound.back}
      </Anchor>
    </>
  );
}

import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';

export function ConsentPage() {
  const { t } = useI18n();
  return <PageTitle>{t.consent.title}</PageTitle>;
}

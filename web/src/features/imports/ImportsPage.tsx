import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';

export function ImportsPage() {
  const { t } = useI18n();
  return <PageTitle>{t.imports.title}</PageTitle>;
}

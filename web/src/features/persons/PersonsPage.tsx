import { usePath } from '../../router';
import { NotFoundPage } from '../shell/NotFoundPage';
import { NewPersonForm } from './NewPersonForm';
import { PersonDetail } from './PersonDetail';
import { PersonSearch } from './PersonSearch';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The register area: /personen (search), /personen/nieuw (new person), /personen/<id> (the person page). */
export function PersonsPage() {
  const path = usePath();
  const rest = path.replace(/^\/personen\/?/, '');
  if (rest === '') return <PersonSearch />;
  if (rest === 'nieuw') return <NewPersonForm />;
  if (UUID.test(rest)) return <PersonDetail key={rest} id={rest} />;
  return <NotFoundPage />;
}

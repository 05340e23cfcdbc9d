import { useTranslation } from 'react-i18next';
import { InitiativeList } from './InitiativeList';

/** "Sáng kiến của đơn vị": every initiative in the caller's reach, with filters and search. */
export default function UnitInitiativesPage() {
  const { t } = useTranslation();
  return <InitiativeList scope="unit" title={t('initiatives.unitTitle')} />;
}

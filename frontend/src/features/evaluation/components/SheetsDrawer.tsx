import { Drawer } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { entrySheetsQuery, type Entry, type Round } from '../api/evaluation';
import { SheetList } from './SheetList';

/** Every sheet of one initiative, for the chair and the organiser. */
export function SheetsDrawer({ round, entry, onClose }: { round: Round; entry: Entry; onClose: () => void }) {
  const { t } = useTranslation();
  const sheets = useQuery(entrySheetsQuery(round.id, entry.id));
  return (
    <Drawer open size={880} onClose={onClose} title={t('evaluation.sheets.sheetsOf', { title: entry.initiative.title })}>
      {sheets.isPending ? (
        <PageSpinner />
      ) : sheets.isError ? (
        <QueryError error={sheets.error} onRetry={() => void sheets.refetch()} />
      ) : (
        <SheetList sheets={sheets.data} empty={t('evaluation.sheets.noSheets')} />
      )}
    </Drawer>
  );
}

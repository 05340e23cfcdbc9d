import { useTranslation } from 'react-i18next';
import { ExportButtons, type ExportFormat } from '@/components/ExportButtons';
import { fetchRoundExport, type Round } from '../api/evaluation';

/**
 * The minutes (biên bản, Word) of a closed or published round for the committee and the
 * organiser, and the results (Excel) for them at any time and for anyone once published.
 */
export function RoundExportButtons({ round, size }: { round: Round; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const board = round.allowed_actions.includes('view_board');
  const finished = round.status === 'closed' || round.status === 'published';
  const formats: ExportFormat[] = [];
  if (board && finished) formats.push('docx');
  if (board || round.status === 'published') formats.push('xlsx');
  if (formats.length === 0) return null;
  return (
    <ExportButtons
      formats={formats}
      fetchFile={(format) => fetchRoundExport(round.id, format)}
      labels={{ xlsx: t('evaluation.export.xlsx'), docx: t('evaluation.export.docx') }}
      fallbackName={(format) => (format === 'docx' ? 'Bien-ban-hoi-dong.docx' : 'Ket-qua-danh-gia.xlsx')}
      failed={t('evaluation.export.failed')}
      size={size}
    />
  );
}

import { useTranslation } from 'react-i18next';
import { api } from '@/api/client';
import { ExportButtons } from '@/components/ExportButtons';

/** Mẫu 2 of a report as Excel or Word: as it stands, or one submitted version. */
export function ReportExportButtons({ reportId, version, size }: { reportId: string; version?: number; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const options = { params: { path: { id: reportId }, query: version ? { version } : {} }, parseAs: 'blob' } as const;
  return (
    <ExportButtons
      fetchFile={(format) => (format === 'xlsx' ? api.GET('/api/v1/reports/{id}/export.xlsx', options) : api.GET('/api/v1/reports/{id}/export.docx', options))}
      labels={{ xlsx: t('reports.export.xlsx'), docx: t('reports.export.docx') }}
      fallbackName={(format) => `Mau2.${format}`}
      failed={t('reports.export.failed')}
      size={size}
    />
  );
}

import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema.gen';
import { attachmentLabel } from '../format';

type FileView = components['schemas']['FileView'];
type Row = Pick<components['schemas']['ReportRowView'], 'id' | 'indicator'>;

/** "Dòng 2: Tỷ lệ hồ sơ trực tuyến", "Cả báo cáo" or "Tài liệu của sáng kiến", for the evidence table. */
export function useAttachmentLabel(rows: Row[]) {
  const { t } = useTranslation();
  return useCallback(
    (f: FileView) =>
      attachmentLabel(f, rows, {
        row: (row, indicator) => t('reports.rowLabel', { row: String(row), indicator }),
        initiative: t('reports.initiativeEvidence'),
        report: t('files.wholeReport'),
      }),
    [rows, t],
  );
}

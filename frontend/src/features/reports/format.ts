import type { Lang } from '@/api/problem';
import type { components } from '@/api/schema.gen';

type FileView = components['schemas']['FileView'];
type Row = Pick<components['schemas']['ReportRowView'], 'id' | 'indicator'>;

/** A figure as people write it: `1.234,5` in Vietnamese, `1,234.5` in English; blank when absent. */
export function formatFigure(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 4 }).format(value);
}

export interface AttachmentLabels {
  /** "Dòng {{row}}: {{indicator}}". */
  row: (row: number, indicator: string) => string;
  /** The initiative's own evidence (an acceptance report carries it). */
  initiative: string;
  /** Attached to the report as a whole. */
  report: string;
}

/** What a file of a report backs: one line of its results table, the report, or the initiative. */
export function attachmentLabel(file: Pick<FileView, 'initiative_id' | 'report_id' | 'report_row_id'>, rows: Row[], labels: AttachmentLabels): string {
  if (!file.report_id && file.initiative_id) return labels.initiative;
  const at = file.report_row_id ? rows.findIndex((r) => r.id === file.report_row_id) : -1;
  return at >= 0 ? labels.row(at + 1, rows[at]!.indicator) : labels.report;
}

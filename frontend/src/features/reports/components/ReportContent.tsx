import { Flex, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import { SECTION_KEYS, type ReportRow, type ReportSections } from '../api/reports';
import { formatFigure } from '../format';

/** The results table, read-only (a sent report, or a frozen version). */
export function ResultsTable({ rows }: { rows: ReportRow[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const figure = (v: number | null | undefined) => formatFigure(v, lang);
  return (
    <Table<ReportRow>
      rowKey="id"
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      locale={{ emptyText: t('reports.noRows') }}
      columns={[
        { title: t('reports.index'), key: 'index', width: 60, render: (_, __, i) => i + 1 },
        {
          title: t('reports.rowInitiative'),
          key: 'initiative',
          render: (_, r) => (r.initiative ? <Link to={`/initiatives/${r.initiative.id}`}>{r.initiative.title}</Link> : ''),
        },
        { title: t('reports.indicator'), dataIndex: 'indicator', key: 'indicator' },
        { title: t('reports.unitOfMeasure'), key: 'unit', render: (_, r) => r.unit_of_measure ?? '' },
        { title: t('reports.baseline'), key: 'baseline', align: 'right', render: (_, r) => figure(r.baseline) },
        { title: t('reports.target'), key: 'target', align: 'right', render: (_, r) => figure(r.target) },
        { title: t('reports.actual'), key: 'actual', align: 'right', render: (_, r) => figure(r.actual) },
        { title: t('reports.statusNote'), key: 'note', render: (_, r) => <span style={{ whiteSpace: 'pre-wrap' }}>{r.status_note ?? ''}</span> },
      ]}
    />
  );
}

/** The outline's six sections, each under its heading. */
export function SectionsView({ sections }: { sections: ReportSections }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      {SECTION_KEYS.map((key) => (
        <section key={key} aria-label={t(`reports.sections.${key}`)}>
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            {t(`reports.sections.${key}`)}
          </Typography.Title>
          {sections[key].trim() ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{sections[key]}</Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{t('reports.sectionEmpty')}</Typography.Text>
          )}
        </section>
      ))}
    </Flex>
  );
}

/** A report's content read-only: the sections, then the results table. */
export function ReportContent({ sections, rows }: { sections: ReportSections; rows: ReportRow[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <SectionsView sections={sections} />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('reports.results')}
      </Typography.Title>
      <ResultsTable rows={rows} />
    </Flex>
  );
}

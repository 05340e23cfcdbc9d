import { Button, Card, Flex, Form, Input, InputNumber, Select, Table, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { initiativeListQuery } from '@/features/initiatives/api/initiatives';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { currentLanguage } from '@/i18n';
import { REPORT_LIMITS, SECTION_KEYS, useReportRefresh, useUpdateReport, type Report, type ReportRowInput, type SectionKey, type UpdateReport } from '../api/reports';

interface RowValues {
  id?: string;
  initiative_id?: string;
  indicator?: string;
  unit_of_measure?: string | null;
  baseline?: number | null;
  target?: number | null;
  actual?: number | null;
  status_note?: string | null;
}

interface EditorValues {
  title: string;
  sections: Record<SectionKey, string>;
  rows: RowValues[];
}

const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);
const figure = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) ? n : null);

function initialValues(report: Report): EditorValues {
  return {
    title: report.title,
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, report.sections[k]])) as Record<SectionKey, string>,
    rows: report.rows.map((r) => ({
      id: r.id,
      initiative_id: r.initiative?.id,
      indicator: r.indicator,
      unit_of_measure: r.unit_of_measure ?? '',
      baseline: r.baseline ?? null,
      target: r.target ?? null,
      actual: r.actual ?? null,
      status_note: r.status_note ?? '',
    })),
  };
}

/** What PATCH sends: the title, all six sections, and the whole table in order (lines keep their `id`). */
function toUpdate(v: EditorValues): UpdateReport {
  return {
    title: v.title.trim(),
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, v.sections?.[k] ?? ''])),
    rows: (v.rows ?? []).map(
      (r): ReportRowInput => ({
        id: r.id ?? null,
        initiative_id: r.initiative_id ?? null,
        indicator: (r.indicator ?? '').trim(),
        unit_of_measure: blankToNull(r.unit_of_measure),
        baseline: figure(r.baseline),
        target: figure(r.target),
        actual: figure(r.actual),
        status_note: blankToNull(r.status_note),
      }),
    ),
  };
}

interface Props {
  report: Report;
  /** The first change since the report was loaded (or last saved). */
  onDirty: () => void;
}

/**
 * The report's outline and results table as one form with one Save (PATCH with If-Match).
 * Mounted per etag: a saved or reloaded report starts a fresh form.
 */
export function ReportEditor({ report, onDirty }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [form] = Form.useForm<EditorValues>();
  const update = useUpdateReport();
  const refresh = useReportRefresh();
  const { showError, showSuccess } = useApiFeedback();
  const initiatives = useQuery(initiativeListQuery({ campaign_id: report.campaign.id, organization_id: report.organization.id, per_page: 100 }));

  // The unit's initiatives in the campaign, and whatever a line already names (the list may not show it).
  const options = new Map<string, string>();
  for (const i of initiatives.data?.items ?? []) options.set(i.id, i.title);
  for (const r of report.rows) if (r.initiative) options.set(r.initiative.id, r.initiative.title);
  const initiativeOptions = [...options].map(([value, label]) => ({ value, label }));
  const decimal = lang === 'vi' ? ',' : '.';
  const cell = (column: string, row: number) => t('reports.cellLabel', { column, row: String(row) });

  const onFinish = (v: EditorValues) =>
    update.mutate(
      { report, body: toUpdate(v) },
      {
        onSuccess: () => showSuccess(t('reports.saved')),
        onError: (e) => showError(e, { form, onStale: () => refresh.reload(report.id) }),
      },
    );

  const number = (name: number, field: 'baseline' | 'target' | 'actual', label: string, index: number) => (
    <Form.Item name={[name, field]} style={{ margin: 0 }}>
      <InputNumber
        aria-label={cell(label, index + 1)}
        style={{ width: 110 }}
        min={-REPORT_LIMITS.figure}
        max={REPORT_LIMITS.figure}
        decimalSeparator={decimal}
      />
    </Form.Item>
  );

  return (
    <Card title={t('reports.content')}>
      <Form<EditorValues> form={form} name="report" layout="vertical" initialValues={initialValues(report)} onFinish={onFinish} onValuesChange={onDirty}>
        <Form.Item
          label={t('reports.titleLabel')}
          name="title"
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: REPORT_LIMITS.title, message: t('common.tooLong', { max: REPORT_LIMITS.title }) },
          ]}
        >
          <Input />
        </Form.Item>
        {SECTION_KEYS.map((key) => (
          <Form.Item
            key={key}
            label={t(`reports.sections.${key}`)}
            name={['sections', key]}
            rules={[{ max: REPORT_LIMITS.section, message: t('common.tooLong', { max: REPORT_LIMITS.section }) }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 16 }} />
          </Form.Item>
        ))}

        <Typography.Title level={5}>{t('reports.results')}</Typography.Title>
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <Flex vertical gap="small">
              <Table
                rowKey="key"
                size="small"
                bordered
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={fields}
                locale={{ emptyText: t('reports.noRows') }}
                columns={[
                  { title: t('reports.index'), key: 'index', width: 50, render: (_, __, i) => i + 1 },
                  {
                    title: t('reports.rowInitiative'),
                    key: 'initiative',
                    render: (_, f, i) => (
                      <>
                        <Form.Item name={[f.name, 'id']} hidden>
                          <Input />
                        </Form.Item>
                        <Form.Item name={[f.name, 'initiative_id']} style={{ margin: 0 }}>
                          <Select
                            aria-label={cell(t('reports.rowInitiative'), i + 1)}
                            style={{ width: 210 }}
                            allowClear
                            showSearch={{ optionFilterProp: 'label' }}
                            placeholder={t('reports.noRowInitiative')}
                            loading={initiatives.isPending}
                            options={initiativeOptions}
                          />
                        </Form.Item>
                      </>
                    ),
                  },
                  {
                    title: t('reports.indicator'),
                    key: 'indicator',
                    render: (_, f, i) => (
                      <Form.Item
                        name={[f.name, 'indicator']}
                        style={{ margin: 0 }}
                        rules={[
                          { required: true, whitespace: true, message: t('reports.indicatorRequired') },
                          { max: REPORT_LIMITS.indicator, message: t('common.tooLong', { max: REPORT_LIMITS.indicator }) },
                        ]}
                      >
                        <Input.TextArea aria-label={cell(t('reports.indicator'), i + 1)} autoSize={{ minRows: 1, maxRows: 4 }} style={{ width: 220 }} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('reports.unitOfMeasure'),
                    key: 'unit',
                    render: (_, f, i) => (
                      <Form.Item
                        name={[f.name, 'unit_of_measure']}
                        style={{ margin: 0 }}
                        rules={[{ max: REPORT_LIMITS.unitOfMeasure, message: t('common.tooLong', { max: REPORT_LIMITS.unitOfMeasure }) }]}
                      >
                        <Input aria-label={cell(t('reports.unitOfMeasure'), i + 1)} style={{ width: 100 }} />
                      </Form.Item>
                    ),
                  },
                  { title: t('reports.baseline'), key: 'baseline', render: (_, f, i) => number(f.name, 'baseline', t('reports.baseline'), i) },
                  { title: t('reports.target'), key: 'target', render: (_, f, i) => number(f.name, 'target', t('reports.target'), i) },
                  { title: t('reports.actual'), key: 'actual', render: (_, f, i) => number(f.name, 'actual', t('reports.actual'), i) },
                  {
                    title: t('reports.statusNote'),
                    key: 'note',
                    render: (_, f, i) => (
                      <Form.Item
                        name={[f.name, 'status_note']}
                        style={{ margin: 0 }}
                        rules={[{ max: REPORT_LIMITS.statusNote, message: t('common.tooLong', { max: REPORT_LIMITS.statusNote }) }]}
                      >
                        <Input.TextArea aria-label={cell(t('reports.statusNote'), i + 1)} autoSize={{ minRows: 1, maxRows: 4 }} style={{ width: 200 }} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('common.actions'),
                    key: 'remove',
                    width: 60,
                    render: (_, f, i) => (
                      <Tooltip title={t('reports.removeRow', { row: String(i + 1) })}>
                        <Button danger size="small" icon={<DeleteOutlined aria-hidden />} aria-label={t('reports.removeRow', { row: String(i + 1) })} onClick={() => remove(f.name)} />
                      </Tooltip>
                    ),
                  },
                ]}
              />
              {fields.length < REPORT_LIMITS.rows && (
                <Button style={{ alignSelf: 'flex-start' }} icon={<PlusOutlined aria-hidden />} onClick={() => add({ indicator: '' })}>
                  {t('reports.addRow')}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>

        <Flex justify="end" style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={update.isPending}>
            {t('reports.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

import type { ReactNode } from 'react';
import { App, Breadcrumb, Button, Card, Descriptions, Flex, Form, Input, Space, Table, Typography } from 'antd';
import { CheckCircleOutlined, PlayCircleOutlined, SaveOutlined, StopOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { currentLanguage } from '@/i18n';
import { formatDateTimeMinutes, fromIsoDate, toIsoDate } from '@/lib/dates';
import { SHOWCASE_LIMITS, replicationQuery, useUpdateReplication, type Figure, type Replication, type ReplicationStatus } from '../api/showcase';
import { formatNumber, replicationPeriod, toFigures, type FigureRow } from '../format';
import { FiguresEditor } from './FiguresEditor';
import { PeriodFields } from './PeriodFields';
import { ReplicationStatusTag } from './ReplicationStatusTag';

interface Values {
  planned_from?: Dayjs | null;
  planned_to?: Dayjs | null;
  adaptation_notes?: string;
  figures?: FigureRow[];
}

const MOVE_ICONS: Record<ReplicationStatus, ReactNode> = {
  planned: null,
  in_progress: <PlayCircleOutlined aria-hidden />,
  adopted: <CheckCircleOutlined aria-hidden />,
  abandoned: <StopOutlined aria-hidden />,
};

/** The buttons that move a replication on: exactly the statuses the API says it may move to now. */
function StatusMoves({ replication, onStale }: { replication: Replication; onStale: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const update = useUpdateReplication(replication.id);
  const { showError, showSuccess } = useApiFeedback();
  const moves = replication.next_statuses;
  if (moves.length === 0) return null;

  const move = (status: ReplicationStatus) =>
    update.mutate(
      { etag: replication.etag, body: { status } },
      {
        onSuccess: (v) => showSuccess(t('showcase.tracking.moved', { status: t(`showcase.statuses.${v.status}`) })),
        onError: (e) => showError(e, { onStale }),
      },
    );

  return (
    <Space wrap>
      {moves.map((s) => (
        <Button
          key={s}
          type={s === 'abandoned' ? 'default' : 'primary'}
          danger={s === 'abandoned'}
          icon={MOVE_ICONS[s]}
          loading={update.isPending && update.variables?.body.status === s}
          onClick={() => {
            // Adopted and abandoned are final: ask first.
            if (s !== 'adopted' && s !== 'abandoned') return move(s);
            modal.confirm({
              title: t(`showcase.tracking.confirm.${s}`),
              content: t('showcase.tracking.confirmFinal'),
              okText: t(`showcase.tracking.moves.${s}`),
              okButtonProps: { danger: s === 'abandoned' },
              cancelText: t('common.cancel'),
              onOk: () => move(s),
            });
          }}
        >
          {t(`showcase.tracking.moves.${s}`)}
        </Button>
      ))}
    </Space>
  );
}

function FiguresTable({ figures }: { figures: Figure[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Table<Figure & { key: number }>
      aria-label={t('showcase.replicate.figures')}
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={figures.map((f, key) => ({ ...f, key }))}
      locale={{ emptyText: t('showcase.tracking.noFigures') }}
      columns={[
        { title: t('showcase.replicate.figureLabel'), key: 'label', render: (_, f) => f.label },
        { title: t('showcase.replicate.figureUnit'), key: 'unit', render: (_, f) => f.unit ?? '' },
        { title: t('showcase.replicate.before'), key: 'before', align: 'right', render: (_, f) => formatNumber(f.before, lang) },
        { title: t('showcase.replicate.after'), key: 'after', align: 'right', render: (_, f) => formatNumber(f.after, lang) },
      ]}
    />
  );
}

/** The tracking form: period, adaptation notes and figures, saved with the ETag they were read with. */
function TrackingForm({ replication, onStale }: { replication: Replication; onStale: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateReplication(replication.id);
  const { showError, showSuccess } = useApiFeedback();

  const onFinish = (v: Values) =>
    update.mutate(
      {
        etag: replication.etag,
        body: {
          planned_from: toIsoDate(v.planned_from),
          planned_to: toIsoDate(v.planned_to),
          adaptation_notes: v.adaptation_notes?.trim() ?? '',
          figures: toFigures(v.figures),
        },
      },
      {
        onSuccess: () => showSuccess(t('app.saved')),
        onError: (e) => showError(e, { form, onStale }),
      },
    );

  return (
    <Form<Values>
      form={form}
      name="replication-tracking"
      layout="vertical"
      onFinish={onFinish}
      initialValues={{
        planned_from: fromIsoDate(replication.planned_from),
        planned_to: fromIsoDate(replication.planned_to),
        adaptation_notes: replication.adaptation_notes,
        figures: replication.figures.map((f) => ({ label: f.label, unit: f.unit ?? '', before: f.before ?? null, after: f.after ?? null })),
      }}
    >
      <PeriodFields />
      <Form.Item
        label={t('showcase.replicate.notes')}
        name="adaptation_notes"
        rules={[{ max: SHOWCASE_LIMITS.notes, message: t('common.tooLong', { max: SHOWCASE_LIMITS.notes }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
      <FiguresEditor />
      <Flex justify="end" style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={update.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** One replication: where it stands, and (for the unit's head, focal officer or authority) its tracking. */
export default function ReplicationPage() {
  const { replicationId = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLanguage();
  const replication = useQuery(replicationQuery(replicationId));

  if (replication.isPending) return <PageSpinner />;
  if (replication.isError) return <QueryError error={replication.error} onRetry={() => void replication.refetch()} />;
  const r = replication.data;
  const editable = r.allowed_actions.includes('update');
  // After a 412 the newest version is read again; the form restarts from it (keyed by the ETag).
  const reload = () => void replication.refetch();

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/replications">{t('showcase.tracking.title')}</Link> }, { title: r.model.title }]} />
      <Card>
        <Flex justify="space-between" align="start" wrap gap={16}>
          <div style={{ minWidth: 0, flex: '1 1 420px' }}>
            <Typography.Title level={3} style={{ marginTop: 0 }}>
              {r.model.title}
            </Typography.Title>
            <Space wrap>
              <ReplicationStatusTag status={r.status} />
              <Link to={`/showcase/${r.model.id}`}>{t('showcase.tracking.viewModel')}</Link>
            </Space>
          </div>
          <StatusMoves replication={r} onStale={reload} />
        </Flex>
        <Descriptions
          style={{ marginTop: 16 }}
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'unit', label: t('showcase.adoptingUnit'), children: r.organization.name },
            { key: 'model_unit', label: t('showcase.tracking.modelUnit'), children: r.model.unit },
            { key: 'period', label: t('showcase.period'), children: replicationPeriod(r, lang) },
            { key: 'updated', label: t('showcase.tracking.updatedAt'), children: formatDateTimeMinutes(r.updated_at) },
          ]}
        />
      </Card>
      {editable ? (
        <Card title={t('showcase.tracking.tracking')}>
          <TrackingForm key={r.etag} replication={r} onStale={reload} />
        </Card>
      ) : (
        <>
          <Card title={t('showcase.replicate.notes')}>
            {r.adaptation_notes ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{r.adaptation_notes}</Typography.Paragraph>
            ) : (
              <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
            )}
          </Card>
          <Card title={t('showcase.replicate.figures')}>
            <FiguresTable figures={r.figures} />
          </Card>
        </>
      )}
    </Flex>
  );
}

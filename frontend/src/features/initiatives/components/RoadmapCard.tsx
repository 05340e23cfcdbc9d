import { useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Flex, Form, Input, InputNumber, Popconfirm, Progress, Space, Table, Typography, type FormInstance, type TableProps } from 'antd';
import { CheckOutlined, CloseOutlined, DeleteOutlined, EditOutlined, LineChartOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '@/lib/dates';
import { formatDate, vietnamToday } from '@/lib/deadline';
import {
  conflictState,
  useAddRoadmapStep,
  useDeleteRoadmapStep,
  useUpdateRoadmapStep,
  type Initiative,
  type RoadmapStep,
} from '../api/initiatives';
import { OverdueTag, ProgressCell } from './ProgressCell';

type Editing = { id: string; mode: 'progress' | 'plan' } | null;

interface EditValues {
  title?: string;
  due_on?: Dayjs | null;
  done_on?: Dayjs | null;
  progress?: number | null;
}

interface NewStepValues {
  title: string;
  due_on: Dayjs;
}

const afterToday = (d: Dayjs) => d.format('YYYY-MM-DD') > vietnamToday();

/**
 * The roadmap: each step's due date, done date and progress, with overdue markers. With
 * `report_progress` a step's done date and progress are edited in its row; with `update`
 * the plan itself (titles, due dates, steps added or removed).
 */
export function RoadmapCard({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const canReport = initiative.allowed_actions.includes('report_progress');
  const canPlan = initiative.allowed_actions.includes('update');
  const [editing, setEditing] = useState<Editing>(null);
  const [editForm] = Form.useForm<EditValues>();
  const [addForm] = Form.useForm<NewStepValues>();
  const updateStep = useUpdateRoadmapStep(initiative.id);
  const addStep = useAddRoadmapStep(initiative.id);
  const deleteStep = useDeleteRoadmapStep(initiative.id);
  const { showError, showSuccess } = useApiFeedback();
  const { message } = App.useApp();

  const steps = [...initiative.roadmap].sort((a, b) => a.sort_order - b.sort_order || a.due_on.localeCompare(b.due_on));

  const fail = (e: unknown, form?: FormInstance) => {
    const state = conflictState(e);
    if (state) {
      void message.error(t('initiatives.conflict', { status: t(`initiatives.statuses.${state}`) }));
      setEditing(null);
      return;
    }
    showError(e, { form, onStale: () => setEditing(null) });
  };

  const startEditing = (step: RoadmapStep, mode: 'progress' | 'plan') => {
    editForm.setFieldsValue({
      title: step.title,
      due_on: fromIsoDate(step.due_on),
      done_on: fromIsoDate(step.done_on),
      progress: step.progress,
    });
    setEditing({ id: step.id, mode });
  };

  const save = async (step: RoadmapStep) => {
    const v = await editForm.validateFields().catch(() => null);
    if (!v || !editing) return;
    const body =
      editing.mode === 'plan'
        ? { title: v.title?.trim(), due_on: toIsoDate(v.due_on) ?? undefined }
        : { done_on: toIsoDate(v.done_on), progress: v.progress ?? 0 };
    updateStep.mutate(
      { step, body },
      {
        onSuccess: () => {
          showSuccess(t('initiatives.stepSaved'));
          setEditing(null);
        },
        onError: (e) => fail(e, editForm),
      },
    );
  };

  const onAdd = (v: NewStepValues) =>
    addStep.mutate(
      { title: v.title.trim(), due_on: toIsoDate(v.due_on) ?? '', sort_order: Math.min(1000, steps.reduce((m, s) => Math.max(m, s.sort_order + 1), 0)) },
      {
        onSuccess: () => {
          showSuccess(t('initiatives.stepAdded'));
          addForm.resetFields();
        },
        onError: (e) => fail(e, addForm),
      },
    );

  const isEditing = (s: RoadmapStep, mode?: 'progress' | 'plan') => editing?.id === s.id && (!mode || editing.mode === mode);

  const columns: TableProps<RoadmapStep>['columns'] = [
    { title: '#', key: 'n', width: 48, render: (_, _s, i) => i + 1 },
    {
      title: t('initiatives.step'),
      key: 'title',
      render: (_, s) =>
        isEditing(s, 'plan') ? (
          <Form.Item name="title" rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 500, message: t('common.tooLong', { max: 500 }) }]} style={{ margin: 0 }}>
            <Input aria-label={t('initiatives.step')} />
          </Form.Item>
        ) : (
          s.title
        ),
    },
    {
      title: t('initiatives.dueOn'),
      key: 'due_on',
      width: 170,
      render: (_, s) =>
        isEditing(s, 'plan') ? (
          <Form.Item name="due_on" rules={[{ required: true, message: t('common.required') }]} style={{ margin: 0 }}>
            <DatePicker aria-label={t('initiatives.dueOn')} format={DATE_FORMAT} />
          </Form.Item>
        ) : (
          <Flex vertical gap={4} align="start">
            <span>{formatDate(s.due_on)}</span>
            {s.overdue && <OverdueTag />}
          </Flex>
        ),
    },
    {
      title: t('initiatives.doneOn'),
      key: 'done_on',
      width: 170,
      render: (_, s) =>
        isEditing(s, 'progress') ? (
          <Form.Item name="done_on" style={{ margin: 0 }}>
            <DatePicker aria-label={t('initiatives.doneOn')} format={DATE_FORMAT} disabledDate={afterToday} allowClear />
          </Form.Item>
        ) : s.done_on ? (
          formatDate(s.done_on)
        ) : (
          <Typography.Text type="secondary">{t('initiatives.notDone')}</Typography.Text>
        ),
    },
    {
      title: t('initiatives.progress'),
      key: 'progress',
      width: 180,
      render: (_, s) =>
        isEditing(s, 'progress') ? (
          <Form.Item name="progress" rules={[{ required: true, message: t('common.required') }]} style={{ margin: 0 }}>
            <InputNumber aria-label={t('initiatives.progress')} min={0} max={100} precision={0} suffix="%" style={{ width: 110 }} />
          </Form.Item>
        ) : (
          <Progress percent={s.progress} size="small" status={s.overdue ? 'exception' : s.progress >= 100 ? 'success' : 'normal'} aria-label={t('initiatives.progressOf', { value: s.progress })} />
        ),
    },
    ...(canReport || canPlan
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 220,
            render: (_: unknown, s: RoadmapStep) =>
              isEditing(s) ? (
                <Space size={4}>
                  <Button size="small" type="primary" icon={<CheckOutlined aria-hidden />} loading={updateStep.isPending} onClick={() => void save(s)}>
                    {t('common.save')}
                  </Button>
                  <Button size="small" icon={<CloseOutlined aria-hidden />} onClick={() => setEditing(null)}>
                    {t('common.cancel')}
                  </Button>
                </Space>
              ) : (
                <Space size={0} wrap>
                  {canReport && (
                    <Button size="small" type="link" icon={<LineChartOutlined aria-hidden />} onClick={() => startEditing(s, 'progress')} aria-label={`${t('initiatives.reportProgress')}: ${s.title}`}>
                      {t('initiatives.reportProgress')}
                    </Button>
                  )}
                  {canPlan && (
                    <Button size="small" type="link" icon={<EditOutlined aria-hidden />} onClick={() => startEditing(s, 'plan')} aria-label={`${t('initiatives.editStep')}: ${s.title}`}>
                      {t('common.edit')}
                    </Button>
                  )}
                  {canPlan && (
                    <Popconfirm
                      title={t('initiatives.deleteStepConfirm', { title: s.title })}
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                      onConfirm={() =>
                        deleteStep.mutate(s.id, {
                          onSuccess: () => showSuccess(t('initiatives.stepDeleted')),
                          onError: (e) => fail(e),
                        })
                      }
                    >
                      <Button size="small" type="link" danger icon={<DeleteOutlined aria-hidden />} aria-label={`${t('common.delete')}: ${s.title}`}>
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card title={t('initiatives.roadmap')} extra={<div style={{ width: 220 }}><ProgressCell progress={initiative.progress} overdueSteps={initiative.overdue_steps} /></div>}>
      {steps.length === 0 && !canPlan ? (
        <Empty description={t('initiatives.noSteps')} />
      ) : (
        <Form form={editForm} component={false}>
          <Table<RoadmapStep>
            rowKey="id"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={steps}
            locale={{ emptyText: t('initiatives.noSteps') }}
            scroll={{ x: 800 }}
          />
        </Form>
      )}
      {canPlan && (
        <Form<NewStepValues> form={addForm} name="roadmap-add" layout="inline" onFinish={onAdd} style={{ marginTop: 16, rowGap: 8 }}>
          <Form.Item name="title" rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 500, message: t('common.tooLong', { max: 500 }) }]} style={{ flex: '1 1 280px' }}>
            <Input aria-label={t('initiatives.step')} placeholder={t('initiatives.step')} />
          </Form.Item>
          <Form.Item name="due_on" rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker aria-label={t('initiatives.dueOn')} placeholder={t('initiatives.dueOn')} format={DATE_FORMAT} defaultPickerValue={dayjs()} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" icon={<PlusOutlined aria-hidden />} loading={addStep.isPending}>
              {t('initiatives.addStep')}
            </Button>
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}

import { useState } from 'react';
import { Button, DatePicker, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '@/lib/dates';
import { formatDate } from '@/lib/deadline';
import type { Dayjs } from 'dayjs';
import {
  COMMITMENT_STATUSES,
  useAddCommitment,
  useDeleteCommitment,
  useUpdateCommitment,
  type Commitment,
  type CommitmentStatus,
  type Registration,
} from '../api/registrations';

const STATUS_COLORS: Record<CommitmentStatus, string> = { planned: 'default', in_progress: 'processing', done: 'success', not_done: 'error' };

export function CommitmentStatusTag({ status }: { status: CommitmentStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{t(`registrations.commitmentStatuses.${status}`, { defaultValue: status })}</Tag>;
}

interface FormValues {
  shortcoming: string;
  commitment: string;
  target_date?: Dayjs | null;
  status: CommitmentStatus;
}

function CommitmentModal({ registration, commitment, onClose }: { registration: Registration; commitment: Commitment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const add = useAddCommitment();
  const update = useUpdateCommitment();
  const { showError, showSuccess } = useApiFeedback();

  const onFinish = (v: FormValues) => {
    const body = { shortcoming: v.shortcoming.trim(), commitment: v.commitment.trim(), target_date: toIsoDate(v.target_date), status: v.status };
    const handlers = {
      onSuccess: () => {
        showSuccess(t('registrations.commitmentSaved'));
        onClose();
      },
      onError: (e: unknown) => showError(e, { form, onStale: onClose }),
    };
    if (commitment) update.mutate({ registration, commitmentId: commitment.id, body }, handlers);
    else add.mutate({ registration, body }, handlers);
  };

  return (
    <Modal
      open
      title={commitment ? t('registrations.editCommitment') : t('registrations.addCommitment')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        name="commitment"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          shortcoming: commitment?.shortcoming ?? '',
          commitment: commitment?.commitment ?? '',
          target_date: fromIsoDate(commitment?.target_date),
          status: commitment?.status ?? 'planned',
        }}
      >
        <Form.Item label={t('registrations.shortcoming')} name="shortcoming" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} autoFocus />
        </Form.Item>
        <Form.Item label={t('registrations.commitment')} name="commitment" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Space wrap>
          <Form.Item label={t('registrations.targetDate')} name="target_date">
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item label={t('registrations.commitmentStatus')} name="status">
            <Select style={{ minWidth: 180 }} options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(`registrations.commitmentStatuses.${s}`) }))} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** The commitments; rows can be added, edited and deleted (and their status changed) when `editable`. */
export function CommitmentsTable({ registration, commitments, editable }: { registration?: Registration; commitments: Commitment[]; editable: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Commitment | 'new' | null>(null);
  const update = useUpdateCommitment();
  const remove = useDeleteCommitment();
  const { showError, showSuccess } = useApiFeedback();
  const canEdit = editable && !!registration;

  const columns = [
    { title: t('registrations.index'), key: 'index', width: 60, render: (_: unknown, __: Commitment, i: number) => i + 1 },
    { title: t('registrations.shortcoming'), dataIndex: 'shortcoming', key: 'shortcoming' },
    { title: t('registrations.commitment'), dataIndex: 'commitment', key: 'commitment' },
    { title: t('registrations.targetDate'), dataIndex: 'target_date', key: 'target', width: 120, render: (d: string | null | undefined) => formatDate(d) },
    {
      title: t('registrations.commitmentStatus'),
      key: 'status',
      width: 190,
      render: (_: unknown, c: Commitment) =>
        canEdit ? (
          <Select<CommitmentStatus>
            size="small"
            style={{ minWidth: 160 }}
            aria-label={t('registrations.commitmentStatus')}
            value={c.status}
            disabled={update.isPending}
            onChange={(status) =>
              update.mutate(
                { registration, commitmentId: c.id, body: { status } },
                { onSuccess: () => showSuccess(t('registrations.commitmentSaved')), onError: (e) => showError(e) },
              )
            }
            options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(`registrations.commitmentStatuses.${s}`) }))}
          />
        ) : (
          <CommitmentStatusTag status={c.status} />
        ),
    },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_: unknown, c: Commitment) => (
              <Space>
                <Button size="small" icon={<EditOutlined aria-hidden />} aria-label={t('registrations.editCommitment')} onClick={() => setEditing(c)} />
                <Popconfirm
                  title={t('registrations.deleteCommitmentConfirm')}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    remove.mutate(
                      { registration, commitmentId: c.id },
                      { onSuccess: () => showSuccess(t('registrations.commitmentDeleted')), onError: (e) => showError(e) },
                    )
                  }
                >
                  <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('common.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap="small">
      <Table<Commitment>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={commitments}
        locale={{ emptyText: t('registrations.noCommitments') }}
        columns={columns}
      />
      {canEdit && (
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
          {t('registrations.addCommitment')}
        </Button>
      )}
      {canEdit && editing && <CommitmentModal registration={registration} commitment={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}

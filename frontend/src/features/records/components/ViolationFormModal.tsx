import { useEffect, useMemo, useState } from 'react';
import { Alert, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import { formFieldErrors } from '@/api/problem';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { DATE_FORMAT, toIsoDate } from '@/lib/dates';
import { vietnamToday } from '@/lib/deadline';
import {
  DISCIPLINES,
  RECORD_LIMITS,
  VIOLATION_KINDS,
  recordKeys,
  useCreateViolation,
  type Discipline,
  type UserListParams,
  type Violation,
  type ViolationKind,
} from '../api/records';

interface Values {
  user_id?: string;
  occurred_on?: Dayjs | null;
  kind?: ViolationKind;
  description?: string;
  discipline?: Discipline;
  decision_ref?: string;
  decided_on?: Dayjs | null;
}

/** The people of the unit, searched by name (diacritics ignored) so a large unit still fits. */
function PersonPicker({ unitId, value, onChange, id }: { unitId: string; value?: string; onChange?: (v: string) => void; id?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const params: UserListParams = { organization_id: unitId, is_active: true, sort: 'display_name', per_page: 50, ...(q ? { q } : {}) };
  const users = useQuery({
    queryKey: recordKeys.people(params),
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: params } })),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
  const options = useMemo(
    () => (users.data?.items ?? []).map((u) => ({ value: u.id, label: [u.display_name, u.position].filter(Boolean).join(' — ') })),
    [users.data],
  );
  return (
    <Select<string>
      id={id}
      aria-label={t('records.violations.person')}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={users.isFetching}
      placeholder={t('records.violations.selectPerson')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      notFoundContent={users.isError ? t('app.genericError') : undefined}
      style={{ width: '100%' }}
    />
  );
}

/**
 * "Ghi nhận vi phạm": a violation of a person of the unit in the year, and the discipline decided
 * (if any). The API's field errors land on the fields they name.
 */
export function ViolationFormModal({ unitId, onClose, onCreated }: { unitId: string; onClose: () => void; onCreated?: (v: Violation) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateViolation();
  const { showSuccess, toText } = useApiFeedback();
  const [refusal, setRefusal] = useState<string | null>(null);
  const today = vietnamToday();

  const notFuture = {
    validator: async (_: unknown, v: Dayjs | null | undefined) => {
      if (v && toIsoDate(v)! > today) throw new Error(t('records.violations.notInFuture'));
    },
  };

  const onFinish = (v: Values) => {
    setRefusal(null);
    create.mutate(
      {
        user_id: v.user_id ?? '',
        occurred_on: toIsoDate(v.occurred_on) ?? '',
        kind: v.kind!,
        description: v.description?.trim() ?? '',
        discipline: v.discipline ?? 'none',
        decision_ref: v.decision_ref?.trim() || null,
        decided_on: toIsoDate(v.decided_on),
      },
      {
        onSuccess: (view) => {
          showSuccess(t('records.violations.saved', { name: view.person.display_name }));
          onCreated?.(view);
          onClose();
        },
        onError: (e) => {
          const fields = formFieldErrors(e);
          if (fields.length > 0) (form as FormInstance).setFields(fields);
          setRefusal(toText(e));
        },
      },
    );
  };

  return (
    <Modal
      open
      width={680}
      title={t('records.violations.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values> form={form} name="violation-create" layout="vertical" onFinish={onFinish} initialValues={{ discipline: 'none', description: '', decision_ref: '' }}>
        <Form.Item label={t('records.violations.person')} name="user_id" rules={[{ required: true, message: t('common.required') }]}>
          <PersonPicker unitId={unitId} />
        </Form.Item>
        <Flex wrap gap={16}>
          <Form.Item
            label={t('records.violations.occurredOn')}
            name="occurred_on"
            rules={[{ required: true, message: t('common.required') }, notFuture]}
            style={{ flex: '1 1 200px' }}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label={t('records.violations.kind')}
            name="kind"
            rules={[{ required: true, message: t('common.required') }]}
            style={{ flex: '2 1 280px' }}
          >
            <Select<ViolationKind>
              aria-label={t('records.violations.kind')}
              placeholder={t('records.violations.selectKind')}
              options={VIOLATION_KINDS.map((k) => ({ value: k, label: t(`records.violations.kinds.${k}`) }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item
          label={t('records.violations.description')}
          name="description"
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: RECORD_LIMITS.description, message: t('common.tooLong', { max: RECORD_LIMITS.description }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item label={t('records.violations.discipline')} name="discipline">
          <Select<Discipline>
            aria-label={t('records.violations.discipline')}
            options={DISCIPLINES.map((d) => ({ value: d, label: t(`records.violations.disciplines.${d}`) }))}
          />
        </Form.Item>
        <Flex wrap gap={16}>
          <Form.Item
            label={t('records.violations.decisionRef')}
            name="decision_ref"
            extra={t('records.decisionRefHint')}
            rules={[{ max: RECORD_LIMITS.decisionRef, message: t('common.tooLong', { max: RECORD_LIMITS.decisionRef }) }]}
            style={{ flex: '2 1 260px' }}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label={t('records.violations.decidedOn')}
            name="decided_on"
            dependencies={['occurred_on']}
            rules={[
              notFuture,
              ({ getFieldValue }) => ({
                validator: async (_, v: Dayjs | null | undefined) => {
                  const occurred = getFieldValue('occurred_on') as Dayjs | null | undefined;
                  if (v && occurred && v.isBefore(occurred, 'day')) throw new Error(t('records.violations.decidedBeforeOccurred'));
                },
              }),
            ]}
            style={{ flex: '1 1 200px' }}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

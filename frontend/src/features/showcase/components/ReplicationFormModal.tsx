import { useMemo, useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formFieldErrors } from '@/api/problem';
import { OrganizationSelect } from '@/components/OrganizationSelect';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { hasRole, useMe } from '@/lib/auth';
import { toIsoDate } from '@/lib/dates';
import { organizationTreeQuery, type OrganizationNode } from '@/lib/organizations';
import { SHOWCASE_LIMITS, useCreateReplication, type Replication } from '../api/showcase';
import { toFigures, type FigureRow } from '../format';
import { defaultAdoptingUnit, organizationsUnder, replicationRoots } from '../permissions';
import { FiguresEditor } from './FiguresEditor';
import { PeriodFields } from './PeriodFields';

interface Values {
  organization_id?: string | null;
  planned_from?: Dayjs | null;
  planned_to?: Dayjs | null;
  adaptation_notes?: string;
  figures?: FigureRow[];
}

interface Props {
  /** `organization_id`: the model's own unit, which does not replicate it. */
  model: { id: string; title: string; organization_id: string };
  onClose: () => void;
  onCreated?: (view: Replication) => void;
}

/**
 * "Đăng ký nhân rộng": a unit plans to adopt a model over a period, says how it adapts it and
 * which figures it will measure before and after. The adopting unit starts as the caller's own,
 * unless the model is that unit's: a unit does not replicate its own model, so it is not offered.
 */
export function ReplicationFormModal({ model, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const me = useMe();
  const tree = useQuery(organizationTreeQuery());
  const create = useCreateReplication();
  const { showSuccess, toText } = useApiFeedback();
  const [refusal, setRefusal] = useState<string | null>(null);

  const allowed = useMemo(
    () => organizationsUnder(tree.data ?? [], hasRole(me.data, 'admin') ? null : replicationRoots(me.data)),
    [tree.data, me.data],
  );
  const ownUnit = model.organization_id;
  const selectable = useMemo(() => (n: OrganizationNode) => allowed.has(n.id) && n.id !== ownUnit, [allowed, ownUnit]);
  const initialUnit = [defaultAdoptingUnit(me.data), ...replicationRoots(me.data)].find((id) => !!id && id !== ownUnit) ?? null;

  const onFinish = (v: Values) => {
    setRefusal(null);
    create.mutate(
      {
        model_id: model.id,
        organization_id: v.organization_id ?? '',
        planned_from: toIsoDate(v.planned_from) ?? '',
        planned_to: toIsoDate(v.planned_to) ?? '',
        adaptation_notes: v.adaptation_notes?.trim() ?? '',
        figures: toFigures(v.figures),
      },
      {
        onSuccess: (view) => {
          showSuccess(t('showcase.replicate.saved', { unit: view.organization.name }));
          onCreated?.(view);
          onClose();
        },
        onError: (e) => {
          const fields = formFieldErrors(e);
          if (fields.length > 0) (form as FormInstance).setFields(fields);
          // Whatever is not about one field (already replicating, not allowed…) stays in sight.
          setRefusal(toText(e));
        },
      },
    );
  };

  return (
    <Modal
      open
      width={760}
      title={t('showcase.replicate.title', { title: model.title })}
      okText={t('showcase.replicate.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} role="alert" />}
      <Typography.Paragraph type="secondary">{t('showcase.replicate.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        name="replication-create"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ organization_id: initialUnit, adaptation_notes: '', figures: [] }}
      >
        <Form.Item
          label={t('showcase.replicate.unit')}
          name="organization_id"
          rules={[
            { required: true, message: t('common.required') },
            {
              validator: async (_, v: string | null | undefined) => {
                if (v && v === ownUnit) throw new Error(t('showcase.replicate.ownModel'));
              },
            },
          ]}
        >
          <OrganizationSelect selectable={selectable} aria-label={t('showcase.replicate.unit')} />
        </Form.Item>
        <PeriodFields />
        <Form.Item
          label={t('showcase.replicate.notes')}
          name="adaptation_notes"
          extra={t('showcase.replicate.notesHint')}
          rules={[{ max: SHOWCASE_LIMITS.notes, message: t('common.tooLong', { max: SHOWCASE_LIMITS.notes }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <FiguresEditor />
      </Form>
    </Modal>
  );
}

import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { formFieldErrors } from '@/api/problem';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { RATINGS, RECORD_LIMITS, useRecordUnitRating, type Rating, type UnitRating } from '../api/records';

interface Values {
  rating?: Rating;
  decision_ref?: string;
  note?: string;
}

/** The authority records (or corrects) a unit's collective rating for a year. */
export function UnitRatingModal({ unit, year, current, onClose }: { unit: { id: string; name: string }; year: number; current?: UnitRating; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const record = useRecordUnitRating();
  const { showSuccess, toText } = useApiFeedback();
  const [refusal, setRefusal] = useState<string | null>(null);

  const onFinish = (v: Values) => {
    setRefusal(null);
    record.mutate(
      { organization_id: unit.id, year, rating: v.rating!, decision_ref: v.decision_ref?.trim() || null, note: v.note?.trim() || null },
      {
        onSuccess: () => {
          showSuccess(t('records.unitModal.saved', { unit: unit.name }));
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
      width={600}
      title={t('records.unitModal.title', { unit: unit.name, year: String(year) })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values>
        form={form}
        name="unit-rating"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ rating: current?.rating, decision_ref: current?.decision_ref ?? '', note: current?.note ?? '' }}
      >
        <Form.Item label={t('records.unitModal.rating')} name="rating" rules={[{ required: true, message: t('records.staffModal.ratingRequired') }]}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={RATINGS.map((r) => ({ value: r, label: t(`records.ratings.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('records.decisionRef')}
          name="decision_ref"
          extra={t('records.decisionRefHint')}
          rules={[{ max: RECORD_LIMITS.decisionRef, message: t('common.tooLong', { max: RECORD_LIMITS.decisionRef }) }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label={t('records.note')} name="note" rules={[{ max: RECORD_LIMITS.note, message: t('common.tooLong', { max: RECORD_LIMITS.note }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

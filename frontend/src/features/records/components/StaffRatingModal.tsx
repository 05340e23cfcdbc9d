import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { formFieldErrors } from '@/api/problem';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { RATINGS, RATING_PERIODS, RECORD_LIMITS, useRecordStaffRating, type Rating, type RatingPeriod } from '../api/records';
import type { RatingsByPeriod } from '../format';

interface Values {
  period: RatingPeriod;
  rating?: Rating;
  note?: string;
}

interface Props {
  person: { id: string; display_name: string; position?: string | null };
  year: number;
  /** What the person already has this year, to start from (and to correct). */
  current: RatingsByPeriod;
  period?: RatingPeriod;
  onClose: () => void;
}

/** Records (or corrects) a person's annual rating or quarterly emulation rating. */
export function StaffRatingModal({ person, year, current, period = 'year', onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const record = useRecordStaffRating();
  const { showSuccess, toText } = useApiFeedback();
  const [refusal, setRefusal] = useState<string | null>(null);

  const startFrom = (p: RatingPeriod) => ({ period: p, rating: current[p]?.rating, note: current[p]?.note ?? '' });

  const onFinish = (v: Values) => {
    setRefusal(null);
    record.mutate(
      { user_id: person.id, year, period: v.period, rating: v.rating!, note: v.note?.trim() || null },
      {
        onSuccess: (saved) => {
          showSuccess(
            t('records.staffModal.saved', {
              name: person.display_name,
              period: t(`records.periods.${saved.period}`),
              rating: t(`records.ratings.${saved.rating}`),
            }),
          );
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
      title={t('records.staffModal.title', { name: person.display_name, year: String(year) })}
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
        name="staff-rating"
        layout="vertical"
        onFinish={onFinish}
        initialValues={startFrom(period)}
        onValuesChange={(changed: Partial<Values>) => {
          // Another period: start from what it already holds.
          if (changed.period) form.setFieldsValue(startFrom(changed.period));
        }}
      >
        <Form.Item label={t('records.staffModal.period')} name="period" rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group optionType="button" options={RATING_PERIODS.map((p) => ({ value: p, label: t(`records.periods.${p}`) }))} />
        </Form.Item>
        <Form.Item label={t('records.staffModal.rating')} name="rating" rules={[{ required: true, message: t('records.staffModal.ratingRequired') }]}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={RATINGS.map((r) => ({ value: r, label: t(`records.ratings.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('records.note')}
          name="note"
          rules={[{ max: RECORD_LIMITS.note, message: t('common.tooLong', { max: RECORD_LIMITS.note }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

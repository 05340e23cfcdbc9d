import { useState } from 'react';
import { DatePicker, Flex, Form, InputNumber, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '@/lib/dates';
import { vietnamToday } from '@/lib/deadline';
import { QUARTERS, quarterOf, quarterRange, romanQuarter, type Quarter } from '../format';

export interface PeriodValues {
  planned_from?: Dayjs | null;
  planned_to?: Dayjs | null;
}

/**
 * The planned period of a replication: two dates, and a helper that fills them with a
 * quarter ("Quý I năm 2024" → 01/01/2024 – 31/03/2024), the way plans name the period.
 */
export function PeriodFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<PeriodValues>();
  const from = Form.useWatch('planned_from', form);
  const to = Form.useWatch('planned_to', form);
  const current = quarterOf(toIsoDate(from), toIsoDate(to));
  const [year, setYear] = useState<number>(() => current?.year ?? Number(vietnamToday().slice(0, 4)));
  const shownQuarter = current && current.year === year ? current.quarter : undefined;

  const fill = (y: number, q: Quarter) => {
    const range = quarterRange(y, q);
    form.setFieldsValue({ planned_from: fromIsoDate(range.from), planned_to: fromIsoDate(range.to) });
    void form.validateFields(['planned_from', 'planned_to']).catch(() => undefined);
  };

  return (
    <>
      <Flex vertical gap={4} style={{ marginBottom: 16 }}>
        <Typography.Text id="quarter-helper">{t('showcase.replicate.quarterHelper')}</Typography.Text>
        <Flex wrap gap={8} align="center" role="group" aria-labelledby="quarter-helper">
          <InputNumber<number>
            aria-label={t('showcase.replicate.year')}
            min={2000}
            max={2100}
            precision={0}
            value={year}
            onChange={(v) => {
              if (typeof v !== 'number') return;
              setYear(v);
              // A quarter already chosen moves to the same quarter of the new year.
              if (current) fill(v, current.quarter);
            }}
            style={{ width: 110 }}
          />
          <Radio.Group
            optionType="button"
            value={shownQuarter}
            onChange={(e) => fill(year, e.target.value as Quarter)}
            options={QUARTERS.map((q) => ({ value: q, label: t('showcase.replicate.quarterN', { n: romanQuarter(q) }) }))}
          />
        </Flex>
      </Flex>
      <Flex wrap gap={16}>
        <Form.Item
          label={t('showcase.replicate.plannedFrom')}
          name="planned_from"
          rules={[{ required: true, message: t('common.required') }]}
          style={{ flex: '1 1 200px' }}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={t('showcase.replicate.plannedTo')}
          name="planned_to"
          dependencies={['planned_from']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: async (_, value: Dayjs | null | undefined) => {
                const start = getFieldValue('planned_from') as Dayjs | null | undefined;
                if (value && start && value.isBefore(start, 'day')) throw new Error(t('showcase.replicate.endBeforeStart'));
              },
            }),
          ]}
          style={{ flex: '1 1 200px' }}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
    </>
  );
}

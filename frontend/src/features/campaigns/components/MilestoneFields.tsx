import { DatePicker, Form, Input, Select } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '@/lib/dates';
import { LATE_POLICIES, MILESTONE_KINDS } from './milestone-form';

/**
 * The fields of one milestone. `prefix` places them inside a Form.List row
 * (e.g. `[0]` → `milestones[0].title`), so API field errors land on the right input.
 */
export function MilestoneFields({ prefix = [], compact = false }: { prefix?: (string | number)[]; compact?: boolean }) {
  const { t } = useTranslation();
  const name = (n: string): NamePath => [...prefix, n];
  const span = compact ? { style: { flex: '1 1 180px', marginBottom: 12 } } : {};
  return (
    <>
      <Form.Item label={t('milestones.kind')} name={name('kind')} rules={[{ required: true, message: t('common.required') }]} {...span}>
        <Select options={MILESTONE_KINDS.map((k) => ({ value: k, label: t(`milestones.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item
        label={t('milestones.title')}
        name={name('title')}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { max: 500, message: t('common.tooLong', { max: 500 }) },
        ]}
        style={compact ? { flex: '2 1 320px', marginBottom: 12 } : undefined}
      >
        <Input />
      </Form.Item>
      <Form.Item label={t('milestones.startsOn')} name={name('starts_on')} {...span}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        label={t('milestones.dueOn')}
        name={name('due_on')}
        dependencies={[name('starts_on')]}
        rules={[{ required: true, message: t('common.required') }]}
        {...span}
      >
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('milestones.latePolicy')} name={name('late_policy')} rules={[{ required: true, message: t('common.required') }]} {...span}>
        <Select options={LATE_POLICIES.map((p) => ({ value: p, label: t(`milestones.policies.${p}`) }))} />
      </Form.Item>
    </>
  );
}

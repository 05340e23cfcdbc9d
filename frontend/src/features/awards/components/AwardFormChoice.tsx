import { Flex, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import { formatDate, vietnamToday } from '@/lib/deadline';
import type { AwardForm, NomineeKind } from '../api/awards';
import { formAvailability, formDeadline, formName } from '../format';
import { AwardLevelTag } from './tags';

interface Props {
  id?: string;
  forms: readonly AwardForm[];
  kind?: NomineeKind;
  value?: string | null;
  onChange?: (value: string) => void;
}

/**
 * The catalogue as choices: a form in force and given to the nominee's kind can be chosen;
 * the others stay visible, greyed, with their validity dates and why they cannot be.
 */
export function AwardFormChoice({ id, forms, kind, value, onChange }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const today = vietnamToday();
  return (
    <Radio.Group id={id} value={value ?? undefined} onChange={(e) => onChange?.(e.target.value as string)} style={{ width: '100%' }}>
      <Flex vertical gap={8}>
        {[...forms]
          .sort((a, b) => a.sort_order - b.sort_order)
          .map((f) => {
            const availability = formAvailability(f, kind, today);
            const deadline = formDeadline(f);
            const validity = t('awards.forms.validity', { from: formatDate(f.valid_from), to: f.valid_to ? formatDate(f.valid_to) : t('awards.forms.openEnded') });
            return (
              <Radio key={f.id} value={f.id} disabled={availability !== 'available'} data-testid={`award-form-${f.code}`}>
                <Flex vertical gap={2}>
                  <Space wrap size={6}>
                    <Typography.Text strong={availability === 'available'} type={availability === 'available' ? undefined : 'secondary'}>
                      {formName(f, lang)}
                    </Typography.Text>
                    <AwardLevelTag level={f.level} />
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {validity}
                    {deadline ? ` · ${t('awards.forms.deadline', { day: deadline })}` : ''}
                    {availability !== 'available' ? ` · ${t(`awards.forms.unavailable.${availability}`, { kind: kind ? t(`awards.kinds.${kind}`) : '' })}` : ''}
                  </Typography.Text>
                </Flex>
              </Radio>
            );
          })}
      </Flex>
    </Radio.Group>
  );
}

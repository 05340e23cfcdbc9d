import { Button, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SHOWCASE_LIMITS } from '../api/showcase';

const COLUMN = {
  label: { flex: '3 1 200px' },
  unit: { flex: '1 1 90px' },
  value: { flex: '1 1 110px' },
} as const;

/**
 * Before/after figures of a replication (the evidence of what adopting the model changed):
 * rows of a label, a unit of measure and the two values. At most 30; a row needs its label.
 */
export function FiguresEditor({ name = 'figures' }: { name?: string }) {
  const { t } = useTranslation();
  const valueRules = [
    {
      validator: async (_: unknown, v: number | null | undefined) => {
        if (typeof v === 'number' && (!Number.isFinite(v) || Math.abs(v) > SHOWCASE_LIMITS.figureValue)) throw new Error(t('showcase.replicate.outOfRange'));
      },
    },
  ];
  return (
    <Form.List
      name={name}
      rules={[
        {
          validator: async (_, rows: unknown[] | undefined) => {
            if ((rows?.length ?? 0) > SHOWCASE_LIMITS.figures) throw new Error(t('showcase.replicate.tooManyFigures', { max: SHOWCASE_LIMITS.figures }));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={4} role="group" aria-label={t('showcase.replicate.figures')}>
          <Typography.Text strong>{t('showcase.replicate.figures')}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('showcase.replicate.figuresHint')}
          </Typography.Text>
          {fields.length > 0 && (
            <Flex gap={8} aria-hidden style={{ marginTop: 8 }}>
              <Typography.Text type="secondary" style={COLUMN.label}>
                {t('showcase.replicate.figureLabel')}
              </Typography.Text>
              <Typography.Text type="secondary" style={COLUMN.unit}>
                {t('showcase.replicate.figureUnit')}
              </Typography.Text>
              <Typography.Text type="secondary" style={COLUMN.value}>
                {t('showcase.replicate.before')}
              </Typography.Text>
              <Typography.Text type="secondary" style={COLUMN.value}>
                {t('showcase.replicate.after')}
              </Typography.Text>
              <span style={{ width: 32 }} />
            </Flex>
          )}
          {fields.map((field, index) => {
            const n = index + 1;
            return (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item
                  name={[field.name, 'label']}
                  style={{ ...COLUMN.label, marginBottom: 8 }}
                  rules={[
                    { required: true, whitespace: true, message: t('showcase.replicate.figureLabelRequired') },
                    { max: SHOWCASE_LIMITS.figureLabel, message: t('common.tooLong', { max: SHOWCASE_LIMITS.figureLabel }) },
                  ]}
                >
                  <Input aria-label={t('showcase.replicate.figureLabelN', { n: String(n) })} placeholder={t('showcase.replicate.figureLabelPlaceholder')} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'unit']}
                  style={{ ...COLUMN.unit, marginBottom: 8 }}
                  rules={[{ max: SHOWCASE_LIMITS.figureUnit, message: t('common.tooLong', { max: SHOWCASE_LIMITS.figureUnit }) }]}
                >
                  <Input aria-label={t('showcase.replicate.figureUnitN', { n: String(n) })} />
                </Form.Item>
                <Form.Item name={[field.name, 'before']} style={{ ...COLUMN.value, marginBottom: 8 }} rules={valueRules}>
                  <InputNumber<number> aria-label={t('showcase.replicate.beforeN', { n: String(n) })} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name={[field.name, 'after']} style={{ ...COLUMN.value, marginBottom: 8 }} rules={valueRules}>
                  <InputNumber<number> aria-label={t('showcase.replicate.afterN', { n: String(n) })} style={{ width: '100%' }} />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('showcase.replicate.removeFigureN', { n: String(n) })}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            );
          })}
          <Form.ErrorList errors={errors} />
          <div>
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ label: '', unit: '', before: null, after: null })}
              disabled={fields.length >= SHOWCASE_LIMITS.figures}
            >
              {t('showcase.replicate.addFigure')}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}

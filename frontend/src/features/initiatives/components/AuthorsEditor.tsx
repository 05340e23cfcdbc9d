import { useEffect } from 'react';
import { Alert, Button, Flex, Form, InputNumber, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { authorsProblem, contributionTotal, remainingShare, type AuthorRow } from './authors';

export interface AuthorOption {
  value: string;
  label: string;
}

interface Props {
  /** The people who may be chosen (the unit's staff, or only the caller). */
  options: AuthorOption[];
  /** The unit's staff could not be listed: say why only the caller is offered. */
  onlySelf?: boolean;
  loading?: boolean;
}

/**
 * The authors and their % contributions (Form.List `authors`), with the running total. A
 * total other than 100 is refused here before the API refuses it.
 */
export function AuthorsEditor({ options, onlySelf, loading }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const rows = Form.useWatch<AuthorRow[] | undefined>('authors', form);
  const total = contributionTotal(rows);

  // Once the list has been refused, say as soon as it is right (or wrong in another way).
  useEffect(() => {
    if (form.getFieldError('authors').length > 0) void form.validateFields([['authors']]).catch(() => undefined);
  }, [form, rows]);

  return (
    <Flex vertical gap={8}>
      {onlySelf && <Alert type="info" showIcon title={t('initiatives.authorsOnlySelf')} />}
      <Form.List
        name="authors"
        rules={[
          {
            validator: async (_, value: AuthorRow[] | undefined) => {
              const problem = authorsProblem(value);
              if (!problem) return;
              if (problem.kind === 'empty') throw new Error(t('initiatives.authorsEmpty'));
              if (problem.kind === 'duplicate') throw new Error(t('initiatives.authorsDuplicate'));
              throw new Error(t('initiatives.authorsMustBe100', { total: problem.total }));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={8}>
            {fields.length > 0 && (
              <Flex gap={8} aria-hidden>
                <Typography.Text type="secondary" style={{ flex: '1 1 260px' }}>
                  {t('initiatives.author')}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ flex: '0 0 150px' }}>
                  {t('initiatives.contribution')}
                </Typography.Text>
                <span style={{ width: 32 }} />
              </Flex>
            )}
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start" wrap role="group" aria-label={`${t('initiatives.authors')} ${index + 1}`}>
                <Form.Item
                  name={[field.name, 'user_id']}
                  rules={[{ required: true, message: t('common.required') }]}
                  style={{ flex: '1 1 260px', marginBottom: 0 }}
                >
                  <Select
                    aria-label={`${t('initiatives.author')} ${index + 1}`}
                    placeholder={t('initiatives.selectAuthor')}
                    options={options}
                    loading={loading}
                    showSearch={{ optionFilterProp: 'label' }}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'contribution_pct']}
                  rules={[{ required: true, message: t('common.required') }]}
                  style={{ flex: '0 0 150px', marginBottom: 0 }}
                >
                  <InputNumber
                    aria-label={`${t('initiatives.contribution')} ${index + 1}`}
                    min={1}
                    max={100}
                    precision={0}
                    suffix="%"
                    style={{ width: '100%' }}
                  />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<MinusCircleOutlined aria-hidden />}
                  onClick={() => remove(field.name)}
                  aria-label={`${t('initiatives.removeAuthor')} ${index + 1}`}
                  disabled={fields.length <= 1}
                />
              </Flex>
            ))}
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Button
                type="dashed"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ user_id: undefined, contribution_pct: remainingShare(form.getFieldValue('authors')) })}
                disabled={fields.length >= Math.max(1, options.length) || fields.length >= 20}
              >
                {t('initiatives.addAuthor')}
              </Button>
              <Typography.Text role="status" aria-live="polite" type={total === 100 ? 'success' : 'danger'} strong data-testid="authors-total">
                {t('initiatives.authorsTotal', { total })}
              </Typography.Text>
            </Flex>
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
    </Flex>
  );
}

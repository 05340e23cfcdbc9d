import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/problem';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { currentLanguage } from '@/i18n';
import { AWARD_LIMITS, useNominationTransition, type Nomination, type RuleCode } from '../api/awards';
import { ruleReason, ruleTitle } from '../format';

interface Values {
  rule: RuleCode;
  reason: string;
}

/**
 * The authority's exception to one failed rule, with a written reason. Only a rule that fails
 * now can be overridden, and one per nomination: the API says so if that changed meanwhile.
 */
export function OverrideModal({ nomination, onClose }: { nomination: Nomination; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [form] = Form.useForm<Values>();
  const transition = useNominationTransition();
  const { showError, showSuccess } = useApiFeedback();
  const failed = nomination.eligibility.rules.filter((r) => r.outcome === 'fail');
  const chosen = Form.useWatch('rule', form);
  const rule = failed.find((r) => r.code === chosen);

  const onFinish = (v: Values) =>
    transition.mutate(
      { id: nomination.id, request: { action: 'override', rule: v.rule, reason: v.reason.trim() } },
      {
        onSuccess: () => {
          showSuccess(t('awards.override.done'));
          onClose();
        },
        onError: (e) => {
          showError(e, { form });
          // Another exception stands, or the rule passes now: nothing left to do here.
          if (isApiError(e) && e.status === 409) onClose();
        },
      },
    );

  return (
    <Modal
      open
      width={640}
      title={t('awards.override.title', { nominee: nomination.nominee.label })}
      okText={t('awards.actions.override')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: failed.length === 0 }}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={transition.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('awards.override.hint')}</Typography.Paragraph>
      {failed.length === 0 ? (
        <Alert type="info" showIcon title={t('awards.override.nothingFails')} />
      ) : (
        <Form<Values> form={form} name="nomination-override" layout="vertical" onFinish={onFinish} initialValues={{ rule: failed.length === 1 ? failed[0]!.code : undefined }}>
          <Form.Item label={t('awards.override.rule')} name="rule" rules={[{ required: true, message: t('awards.override.ruleRequired') }]} extra={rule ? ruleReason(rule, lang) : undefined}>
            <Select<RuleCode> placeholder={t('awards.override.selectRule')} options={failed.map((r) => ({ value: r.code, label: ruleTitle(r, lang) }))} />
          </Form.Item>
          <Form.Item
            label={t('awards.override.reason')}
            name="reason"
            rules={[
              { required: true, whitespace: true, message: t('awards.override.reasonRequired') },
              { max: AWARD_LIMITS.reason, message: t('common.tooLong', { max: AWARD_LIMITS.reason }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

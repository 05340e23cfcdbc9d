import { Checkbox, Flex, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { EVALUATION_LIMITS, useRecordDecision, type ResultRow, type Round, type Verdict } from '../api/evaluation';
import { twoThirdsOf } from '../format';

interface Values {
  verdict: Verdict;
  selected_for_award: boolean;
  votes_for?: number | null;
  votes_against?: number | null;
  votes_abstain?: number | null;
  note?: string;
}

const VOTES = ['votes_for', 'votes_against', 'votes_abstain'] as const;

/**
 * The committee's decision on one initiative, with its vote. The API checks the rules (two
 * thirds in favour, an award only for an accepted and eligible initiative) and its message is
 * shown on the field it names.
 */
export function DecisionModal({ round, row, onClose }: { round: Round; row: ResultRow; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const record = useRecordDecision(round.id);
  const { showError, showSuccess } = useApiFeedback();
  const members = round.members.length;
  const verdict = Form.useWatch('verdict', form);
  const d = row.decision;

  const onFinish = (v: Values) =>
    record.mutate(
      {
        entryId: row.entry_id,
        body: {
          verdict: v.verdict,
          selected_for_award: v.verdict === 'accepted' && v.selected_for_award,
          votes_for: v.votes_for ?? 0,
          votes_against: v.votes_against ?? 0,
          votes_abstain: v.votes_abstain ?? 0,
          note: v.note?.trim() || null,
        },
      },
      {
        onSuccess: () => {
          showSuccess(t('evaluation.decision.saved'));
          onClose();
        },
        onError: (e) => showError(e, { form }),
      },
    );

  const voteRules = [
    { required: true, message: t('common.required') },
    ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
      validator: async () => {
        const total = VOTES.reduce((sum, name) => sum + (Number(getFieldValue(name)) || 0), 0);
        if (total > members) throw new Error(t('evaluation.decision.votesExceed', { members: String(members) }));
      },
    }),
  ];

  return (
    <Modal
      open
      width={640}
      title={t('evaluation.decision.title', { title: row.initiative.title })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="round-decision"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          verdict: d?.verdict ?? (row.eligible ? 'accepted' : 'not_accepted'),
          selected_for_award: d?.selected_for_award ?? false,
          votes_for: d?.votes_for ?? null,
          votes_against: d?.votes_against ?? null,
          votes_abstain: d?.votes_abstain ?? null,
          note: d?.note ?? '',
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.verdict === 'not_accepted') form.setFieldValue('selected_for_award', false);
        }}
      >
        <Form.Item label={t('evaluation.decision.verdict')} name="verdict" rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={(['accepted', 'not_accepted'] as const).map((v) => ({ value: v, label: t(`evaluation.verdicts.${v}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="selected_for_award"
          valuePropName="checked"
          extra={verdict === 'accepted' ? undefined : t('evaluation.decision.selectedOnlyAccepted')}
        >
          <Checkbox disabled={verdict !== 'accepted'}>{t('evaluation.decision.selectedForAward')}</Checkbox>
        </Form.Item>
        <Typography.Text strong>{t('evaluation.decision.votes', { members: String(members), needed: String(twoThirdsOf(members)) })}</Typography.Text>
        <Flex wrap gap={16} style={{ marginTop: 8 }}>
          {VOTES.map((name) => (
            <Form.Item
              key={name}
              label={t(`evaluation.decision.${name === 'votes_for' ? 'votesFor' : name === 'votes_against' ? 'votesAgainst' : 'votesAbstain'}`)}
              name={name}
              dependencies={VOTES.filter((n) => n !== name)}
              rules={voteRules}
              style={{ flex: '1 1 150px' }}
            >
              <InputNumber min={0} max={Math.min(members, EVALUATION_LIMITS.votes)} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          ))}
        </Flex>
        <Form.Item
          label={t('evaluation.decision.note')}
          name="note"
          extra={t('evaluation.decision.noteHint')}
          rules={[{ max: EVALUATION_LIMITS.note, message: t('common.tooLong', { max: EVALUATION_LIMITS.note }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Tag, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, EditOutlined, StopOutlined, TrophyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Decision, RoundLevel, RoundStatus } from '../api/evaluation';
import type { CellState } from '../format';

const STATUS_COLORS: Record<RoundStatus, string> = {
  setup: 'default',
  scoring: 'processing',
  closed: 'warning',
  published: 'success',
};

export function RoundStatusTag({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{t(`evaluation.statuses.${status}`, { defaultValue: status })}</Tag>;
}

export function RoundLevelTag({ level }: { level: RoundLevel }) {
  const { t } = useTranslation();
  return <Tag color="geekblue">{t(`evaluation.levels.${level}`, { defaultValue: level })}</Tag>;
}

/** A score sheet's state, in words and with an icon as well as a colour. */
export function SheetStateTag({ state }: { state: CellState }) {
  const { t } = useTranslation();
  const text = t(`evaluation.sheets.states.${state}`);
  switch (state) {
    case 'none':
      return (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {text}
        </Typography.Text>
      );
    case 'due':
      return <Tag icon={<ClockCircleOutlined aria-hidden />}>{text}</Tag>;
    case 'draft':
      return (
        <Tag color="gold" icon={<EditOutlined aria-hidden />}>
          {text}
        </Tag>
      );
    case 'submitted':
      return (
        <Tag color="success" icon={<CheckCircleOutlined aria-hidden />}>
          {text}
        </Tag>
      );
    case 'recused':
      return (
        <Tag color="volcano" icon={<StopOutlined aria-hidden />}>
          {text}
        </Tag>
      );
  }
}

/** The committee's verdict, and whether the initiative is proposed for an award. */
export function DecisionTags({ decision }: { decision: Decision | null | undefined }) {
  const { t } = useTranslation();
  if (!decision) return <Tag>{t('evaluation.results.noDecision')}</Tag>;
  return (
    <>
      <Tag color={decision.verdict === 'accepted' ? 'success' : 'error'}>{t(`evaluation.verdicts.${decision.verdict}`)}</Tag>
      {decision.selected_for_award && (
        <Tag color="gold" icon={<TrophyOutlined aria-hidden />}>
          {t('evaluation.decision.selectedTag')}
        </Tag>
      )}
    </>
  );
}

import { Tag } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AwardLevel, NominationStatus, NomineeKind } from '../api/awards';

const STATUS_COLORS: Record<NominationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  decided: 'gold',
};

export function NominationStatusTag({ status }: { status: NominationStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{t(`awards.statuses.${status}`, { defaultValue: status })}</Tag>;
}

export function NomineeKindTag({ kind }: { kind: NomineeKind }) {
  const { t } = useTranslation();
  return <Tag color="geekblue">{t(`awards.kinds.${kind}`, { defaultValue: kind })}</Tag>;
}

export function AwardLevelTag({ level }: { level: AwardLevel }) {
  const { t } = useTranslation();
  return <Tag>{t(`awards.levels.${level}`, { defaultValue: level })}</Tag>;
}

/** The checklist's verdict, in words and with an icon as well as a colour. */
export function EligibleTag({ eligible }: { eligible: boolean }) {
  const { t } = useTranslation();
  return eligible ? (
    <Tag color="success" icon={<CheckCircleOutlined aria-hidden />}>
      {t('awards.checklist.eligible')}
    </Tag>
  ) : (
    <Tag color="error" icon={<CloseCircleOutlined aria-hidden />}>
      {t('awards.checklist.notEligible')}
    </Tag>
  );
}

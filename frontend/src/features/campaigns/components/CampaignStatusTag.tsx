import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus } from '../api/campaigns';

const COLORS: Record<CampaignStatus, string> = {
  draft: 'default',
  open: 'processing',
  closed: 'warning',
  archived: 'purple',
};

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status] ?? 'default'}>{t(`campaigns.statuses.${status}`, { defaultValue: status })}</Tag>;
}

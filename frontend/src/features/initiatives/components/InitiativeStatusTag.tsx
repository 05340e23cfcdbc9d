import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InitiativeStatus } from '../api/initiatives';

const COLORS: Record<InitiativeStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  registered: 'cyan',
  in_progress: 'blue',
  completed: 'green',
  accepted: 'success',
  not_accepted: 'error',
  withdrawn: 'default',
};

export function InitiativeStatusTag({ status }: { status: InitiativeStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status] ?? 'default'}>{t(`initiatives.statuses.${status}`, { defaultValue: status })}</Tag>;
}

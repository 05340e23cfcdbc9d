import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistrationStatus } from '../api/registrations';

const COLORS: Record<RegistrationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  received: 'success',
  returned: 'warning',
};

export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status] ?? 'default'}>{t(`registrations.statuses.${status}`, { defaultValue: status })}</Tag>;
}

import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema.gen';

export type SubmissionStatus = components['schemas']['SubmissionStatusCode'];

const COLORS: Record<SubmissionStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  received: 'success',
  returned: 'warning',
};

/** The state of something a unit sends to the authority (a registration, a report). */
export function SubmissionStatusTag({ status }: { status: SubmissionStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status] ?? 'default'}>{t(`submissions.statuses.${status}`, { defaultValue: status })}</Tag>;
}

import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, StopOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReplicationStatus } from '../api/showcase';

const LOOK: Record<ReplicationStatus, { color: string; icon: ReactNode }> = {
  planned: { color: 'blue', icon: <ClockCircleOutlined aria-hidden /> },
  in_progress: { color: 'processing', icon: <SyncOutlined aria-hidden /> },
  adopted: { color: 'success', icon: <CheckCircleOutlined aria-hidden /> },
  abandoned: { color: 'default', icon: <StopOutlined aria-hidden /> },
};

/** A replication's status in words, with an icon as well as a colour. */
export function ReplicationStatusTag({ status }: { status: ReplicationStatus }) {
  const { t } = useTranslation();
  const look = LOOK[status] ?? LOOK.planned;
  return (
    <Tag color={look.color} icon={look.icon}>
      {t(`showcase.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}

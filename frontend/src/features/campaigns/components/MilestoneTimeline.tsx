import { Button, Empty, Flex, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { ClockCircleOutlined, DeleteOutlined, EditOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { deadlineState, formatDate } from '@/lib/deadline';
import type { Extension, Milestone } from '../api/campaigns';
import { DeadlineTag } from './DeadlineTag';

interface Props {
  milestones: readonly Milestone[];
  extensions: readonly Extension[];
  /** The viewer's unit, to highlight its own extensions among those shown. */
  unitId?: string;
  now?: Date;
  onEdit?: (m: Milestone) => void;
  onDelete?: (m: Milestone) => void;
}

export function MilestoneTimeline({ milestones, extensions, unitId, now, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  if (milestones.length === 0) return <Empty description={t('campaigns.noMilestones')} />;

  const sorted = [...milestones].sort((a, b) => a.due_on.localeCompare(b.due_on));
  const items = sorted.map((m) => {
    const exts = extensions.filter((e) => e.milestone_id === m.id);
    // The API gives the deadline that counts for the caller's unit (its extension, if any).
    const effectiveDue = m.effective_due_on;
    const state = deadlineState(effectiveDue, now);
    const color = state.kind === 'overdue' ? 'red' : state.kind === 'today' ? 'orange' : 'blue';
    return {
      key: m.id,
      color,
      icon: state.kind === 'overdue' ? <ExclamationCircleOutlined /> : <ClockCircleOutlined />,
      title: <Typography.Text strong>{formatDate(effectiveDue)}</Typography.Text>,
      content: (
        <article aria-label={m.title}>
          <Flex vertical gap={4}>
            <Flex wrap gap={8} align="center">
              <Typography.Text strong>{m.title}</Typography.Text>
              <Tag>{t(`milestones.kinds.${m.kind}` as 'milestones.kinds.other', { defaultValue: m.kind })}</Tag>
            </Flex>
            <Space wrap size={[8, 4]}>
              <span>
                {m.starts_on
                  ? t('milestones.fromTo', { from: formatDate(m.starts_on), to: formatDate(m.due_on) })
                  : t('milestones.dueLabel', { date: formatDate(m.due_on) })}
              </span>
              <DeadlineTag dueOn={effectiveDue} now={now} />
              <Tag color={m.late_policy === 'refuse' ? 'red' : 'gold'}>
                {t('milestones.latePolicy')}: {t(`milestones.policies.${m.late_policy}`)}
              </Tag>
            </Space>
            {exts.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {exts.map((e) => (
                  <li key={e.id}>
                    <Typography.Text type={e.organization.id === unitId ? undefined : 'secondary'}>
                      {t('milestones.extendedTo', { date: formatDate(e.due_on) })} — {e.organization.name}: {e.reason}
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            )}
            {(onEdit || onDelete) && (
              <Space size={4}>
                {onEdit && (
                  <Button size="small" type="link" icon={<EditOutlined />} onClick={() => onEdit(m)}>
                    {t('common.edit')}
                  </Button>
                )}
                {onDelete && (
                  <Popconfirm title={t('milestones.deleteConfirm', { title: m.title })} onConfirm={() => onDelete(m)} okText={t('common.delete')} cancelText={t('common.cancel')}>
                    <Button size="small" type="link" danger icon={<DeleteOutlined />}>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            )}
          </Flex>
        </article>
      ),
    };
  });

  return <Timeline mode="start" titleSpan="110px" items={items} />;
}

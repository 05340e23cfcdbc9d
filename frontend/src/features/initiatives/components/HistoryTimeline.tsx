import { Empty, Flex, Space, Timeline, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTimeMinutes } from '@/lib/dates';
import { TRANSITIONS, type Transition } from '../api/initiatives';
import { InitiativeStatusTag } from './InitiativeStatusTag';

const isKnownAction = (a: string): a is (typeof TRANSITIONS)[number] => (TRANSITIONS as readonly string[]).includes(a);

/** Every transition, oldest first: when (Vietnam time), who, what, and the reason given. */
export function HistoryTimeline({ items }: { items: readonly Transition[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty description={t('initiatives.noHistory')} />;
  return (
    <Timeline
      items={items.map((h) => ({
        key: h.id,
        color: h.action === 'return' ? 'orange' : h.action === 'withdraw' ? 'gray' : 'blue',
        content: (
          <article aria-label={`${formatDateTimeMinutes(h.occurred_at)} ${h.actor.display_name}`}>
            <Flex vertical gap={4}>
              <Space wrap size={[8, 4]}>
                <Typography.Text type="secondary">{formatDateTimeMinutes(h.occurred_at)}</Typography.Text>
                <Typography.Text strong>{h.actor.display_name}</Typography.Text>
                <span>{isKnownAction(h.action) ? t(`initiatives.actions.${h.action}`) : h.action}</span>
              </Space>
              <Space size={4} wrap>
                <InitiativeStatusTag status={h.from_status} />
                <ArrowRightOutlined aria-hidden />
                <InitiativeStatusTag status={h.to_status} />
              </Space>
              {h.reason && (
                <Typography.Paragraph style={{ margin: 0 }}>
                  {t('initiatives.reason')}: {h.reason}
                </Typography.Paragraph>
              )}
            </Flex>
          </article>
        ),
      }))}
    />
  );
}

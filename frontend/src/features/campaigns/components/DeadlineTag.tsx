import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { deadlineState } from '@/lib/deadline';

/** "còn N ngày" / "hạn chót hôm nay" / "quá hạn N ngày", counted in Vietnam calendar days. */
export function DeadlineTag({ dueOn, now }: { dueOn: string; now?: Date }) {
  const { t } = useTranslation();
  const s = deadlineState(dueOn, now);
  switch (s.kind) {
    case 'upcoming':
      return <Tag color={s.days <= 7 ? 'orange' : 'blue'}>{t('milestones.daysLeft', { count: s.days })}</Tag>;
    case 'today':
      return <Tag color="volcano">{t('milestones.dueToday')}</Tag>;
    case 'overdue':
      return <Tag color="red">{t('milestones.overdue', { count: s.days })}</Tag>;
  }
}

import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/lib/auth';
import { canReview, showsAwards } from '../permissions';

/** The award pages' own navigation: nominations, the review queue, decisions, one's own awards. */
export function AwardsNav() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = [
    ...(showsAwards(me.data) ? [{ key: '/awards', label: t('awards.nav.nominations') }] : []),
    ...(canReview(me.data) ? [{ key: '/awards/review', label: t('awards.nav.review') }] : []),
    ...(showsAwards(me.data) ? [{ key: '/awards/decisions', label: t('awards.nav.decisions') }] : []),
    { key: '/awards/mine', label: t('awards.nav.mine') },
  ];
  const active = items.map((i) => i.key).find((k) => k !== '/awards' && pathname.startsWith(k)) ?? '/awards';
  return <Tabs aria-label={t('awards.nav.label')} activeKey={active} onChange={(key) => void navigate(key)} items={items} style={{ marginBottom: -16 }} />;
}

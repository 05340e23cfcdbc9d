import { Card, Flex, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { useMe } from '@/lib/auth';
import { userAwardsQuery } from '../api/awards';
import { AwardsNav } from './AwardsNav';
import { AwardsTable } from './AwardsTable';

/** `/awards/mine`: "Khen thưởng của tôi", as a person or as an author of an initiative. */
export default function MyAwardsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const userId = me.data?.user.id;
  const awards = useQuery({ ...userAwardsQuery(userId ?? ''), enabled: !!userId });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('awards.title')}
      </Typography.Title>
      <AwardsNav />
      <Card title={t('awards.mine.title')}>
        <Typography.Paragraph type="secondary">{t('awards.mine.hint')}</Typography.Paragraph>
        {awards.isError ? (
          <QueryError error={awards.error} onRetry={() => void awards.refetch()} />
        ) : (
          <AwardsTable awards={awards.data ?? []} loading={awards.isPending} emptyText={t('awards.mine.empty')} ariaLabel={t('awards.mine.title')} />
        )}
      </Card>
    </Flex>
  );
}

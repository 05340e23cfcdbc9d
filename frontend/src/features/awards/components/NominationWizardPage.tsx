import { Alert, Breadcrumb, Flex, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { useMe } from '@/lib/auth';
import { nominationQuery } from '../api/awards';
import { NominationWizard } from './NominationWizard';

/** `/awards/nominations/new`, and `/awards/nominations/:id/edit` for a draft. */
export default function NominationWizardPage() {
  const { t } = useTranslation();
  const { nominationId } = useParams();
  const me = useMe();
  const existing = useQuery({ ...nominationQuery(nominationId ?? ''), enabled: !!nominationId });
  const title = nominationId ? t('awards.wizard.editTitle') : t('awards.wizard.title');

  let body;
  if (me.isPending || (nominationId && existing.isPending)) body = <PageSpinner />;
  else if (me.isError) body = <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  else if (nominationId && existing.isError) body = <QueryError error={existing.error} onRetry={() => void existing.refetch()} />;
  else if (nominationId && existing.data && !existing.data.allowed_actions.includes('update')) {
    body = (
      <Alert
        type="info"
        showIcon
        title={t('awards.wizard.notEditable')}
        action={<Link to={`/awards/nominations/${nominationId}`}>{t('awards.wizard.openNomination')}</Link>}
      />
    );
  } else body = <NominationWizard key={existing.data?.id ?? 'new'} nomination={nominationId ? existing.data : undefined} />;

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to="/awards">{t('awards.title')}</Link> },
          ...(nominationId && existing.data ? [{ title: <Link to={`/awards/nominations/${nominationId}`}>{existing.data.nominee.label}</Link> }] : []),
          { title },
        ]}
      />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {body}
    </Flex>
  );
}

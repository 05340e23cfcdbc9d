import { Breadcrumb, Card, Descriptions, Flex, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { formatDateTimeMinutes } from '@/lib/dates';
import { formatDate } from '@/lib/deadline';
import { violationQuery } from '../api/records';
import { AuditNotice } from './AuditNotice';
import { DisciplineTag, ViolationKindTag } from './ViolationTags';

/** One violation record (an audited read); the nomination checklist links here. */
export default function ViolationPage() {
  const { violationId = '' } = useParams();
  const { t } = useTranslation();
  const record = useQuery(violationQuery(violationId));

  if (record.isPending) return <PageSpinner />;
  if (record.isError) return <QueryError error={record.error} onRetry={() => void record.refetch()} />;
  const v = record.data;
  const year = v.occurred_on.slice(0, 4);
  const back = `/records/violations?unit=${encodeURIComponent(v.person.organization.id)}&year=${year}`;

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to={back}>{t('records.violations.back')}</Link> }, { title: v.person.display_name }]} />
      <AuditNotice />
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('records.violations.detailTitle', { name: v.person.display_name })}
        </Typography.Title>
        <Space wrap style={{ marginBottom: 16 }}>
          <ViolationKindTag kind={v.kind} />
          <DisciplineTag discipline={v.discipline} />
        </Space>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          bordered
          size="small"
          items={[
            { key: 'person', label: t('records.violations.person'), children: v.person.display_name },
            { key: 'position', label: t('records.position'), children: v.person.position ?? t('common.none') },
            { key: 'unit', label: t('records.unit'), children: v.person.organization.name },
            { key: 'occurred', label: t('records.violations.occurredOn'), children: formatDate(v.occurred_on) },
            { key: 'kind', label: t('records.violations.kind'), children: t(`records.violations.kinds.${v.kind}`, { defaultValue: v.kind_label_vi }) },
            {
              key: 'discipline',
              label: t('records.violations.discipline'),
              children: t(`records.violations.disciplines.${v.discipline}`, { defaultValue: v.discipline_label_vi }),
            },
            { key: 'decision_ref', label: t('records.violations.decisionRef'), children: v.decision_ref || t('common.none') },
            { key: 'decided_on', label: t('records.violations.decidedOn'), children: v.decided_on ? formatDate(v.decided_on) : t('common.none') },
            { key: 'recorded', label: t('records.violations.recordedAt'), children: formatDateTimeMinutes(v.created_at) },
            {
              key: 'description',
              label: t('records.violations.description'),
              span: 'filled',
              children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{v.description}</Typography.Paragraph>,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}

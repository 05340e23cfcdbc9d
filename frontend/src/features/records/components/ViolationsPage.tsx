import { useState } from 'react';
import { Alert, Button, Card, Flex, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { formatDate } from '@/lib/deadline';
import { violationListQuery, type Violation } from '../api/records';
import { AuditNotice } from './AuditNotice';
import { RecordsHeader } from './RecordsHeader';
import { useRecordsFilters } from './useRecordsFilters';
import { ViolationFormModal } from './ViolationFormModal';
import { DisciplineTag, ViolationKindTag } from './ViolationTags';

function ViolationsCard({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useTranslation();
  const list = useQuery(violationListQuery(unitId, year));
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title={t('records.violations.title', { year: String(year) })}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t('records.violations.create')}
        </Button>
      }
    >
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Violation>
          aria-label={t('records.violations.title', { year: String(year) })}
          rowKey="id"
          size="small"
          loading={list.isPending}
          scroll={{ x: 'max-content' }}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('records.violations.empty', { year: String(year) }) }}
          columns={[
            {
              title: t('records.violations.person'),
              key: 'person',
              render: (_, v) => (
                <Flex vertical>
                  <Link to={`/records/violations/${v.id}`}>{v.person.display_name}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[v.person.position, v.person.organization.name].filter(Boolean).join(' — ')}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t('records.violations.occurredOn'), key: 'occurred', render: (_, v) => formatDate(v.occurred_on) },
            { title: t('records.violations.kind'), key: 'kind', render: (_, v) => <ViolationKindTag kind={v.kind} /> },
            { title: t('records.violations.discipline'), key: 'discipline', render: (_, v) => <DisciplineTag discipline={v.discipline} /> },
            {
              title: t('records.violations.decision'),
              key: 'decision',
              render: (_, v) => (v.decision_ref ? [v.decision_ref, v.decided_on ? formatDate(v.decided_on) : null].filter(Boolean).join(', ') : ''),
            },
          ]}
        />
      )}
      {creating && <ViolationFormModal unitId={unitId} onClose={() => setCreating(false)} />}
    </Card>
  );
}

/** "Vi phạm, kỷ luật": the records of a unit's people in a year (each read is logged). */
export default function ViolationsPage() {
  const { t } = useTranslation();
  const { unitId, year } = useRecordsFilters();
  return (
    <Flex vertical gap={16}>
      <RecordsHeader active="violations" />
      <AuditNotice />
      {!unitId ? <Alert type="info" showIcon title={t('records.chooseUnit')} /> : <ViolationsCard key={unitId} unitId={unitId} year={year} />}
    </Flex>
  );
}

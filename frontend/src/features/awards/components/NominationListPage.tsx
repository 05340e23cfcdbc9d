import { useState } from 'react';
import { Button, Card, Flex, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '@/components/ExportButtons';
import { QueryError } from '@/components/QueryError';
import { useMe } from '@/lib/auth';
import { awardFileUrls, fetchAwardFile, nominationListQuery, organizationAwardsQuery } from '../api/awards';
import { canNominate, ownUnits } from '../permissions';
import { AwardsNav } from './AwardsNav';
import { AwardsTable } from './AwardsTable';
import { NominationFilters } from './NominationFilters';
import { NominationTable } from './NominationTable';
import { useNominationFilters } from './useNominationFilters';

const PER_PAGE = 20;

/** "Khen thưởng của đơn vị": the awards of the caller's unit (or authority), newest first. */
function UnitAwardsCard() {
  const { t } = useTranslation();
  const me = useMe();
  const units = ownUnits(me.data);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const unitId = chosen ?? units[0]?.id;
  const awards = useQuery({ ...organizationAwardsQuery(unitId ?? ''), enabled: !!unitId });
  if (!unitId) return null;
  return (
    <Card
      title={t('awards.unitAwards.title')}
      extra={
        units.length > 1 ? (
          <Select<string> aria-label={t('awards.unitAwards.unit')} style={{ minWidth: 240 }} value={unitId} onChange={setChosen} options={units.map((u) => ({ value: u.id, label: u.name }))} />
        ) : (
          <Typography.Text type="secondary">{units[0]?.name}</Typography.Text>
        )
      }
    >
      {awards.isError ? (
        <QueryError error={awards.error} onRetry={() => void awards.refetch()} />
      ) : (
        <AwardsTable awards={awards.data ?? []} loading={awards.isPending} emptyText={t('awards.unitAwards.empty')} ariaLabel={t('awards.unitAwards.title')} />
      )}
    </Card>
  );
}

/** `/awards`: the nominations in the caller's reach, with the list's exports; heads start new ones here. */
export default function NominationListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { filters, page, update } = useNominationFilters();
  const list = useQuery(nominationListQuery({ ...filters, page, per_page: PER_PAGE }));

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('awards.title')}
        </Typography.Title>
        {canNominate(me.data) && (
          <Link to="/awards/nominations/new">
            <Button type="primary" icon={<PlusOutlined aria-hidden />}>
              {t('awards.wizard.title')}
            </Button>
          </Link>
        )}
      </Flex>
      <AwardsNav />
      <Card>
        <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 16 }}>
          <NominationFilters filters={filters} update={update} />
          <ExportButtons
            fetchFile={(format) => fetchAwardFile(awardFileUrls.nominationList(format, filters))}
            labels={{ xlsx: t('awards.export.listXlsx'), docx: t('awards.export.listDocx') }}
            fallbackName={(format) => `Danh-sach-de-nghi-khen-thuong.${format}`}
            failed={t('awards.export.failed')}
          />
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <NominationTable
            ariaLabel={t('awards.list.label')}
            items={list.data?.items ?? []}
            loading={list.isPending}
            emptyText={t('awards.list.empty')}
            pagination={{
              current: page,
              pageSize: PER_PAGE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (p) => update({ page: p === 1 ? null : String(p) }),
            }}
          />
        )}
      </Card>
      <UnitAwardsCard />
    </Flex>
  );
}

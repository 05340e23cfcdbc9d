import { Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import { formatDate } from '@/lib/deadline';
import { reformAreasQuery } from '@/features/initiatives/api/initiatives';
import type { RegisteredInitiative } from '../api/registrations';

/** The registered initiatives in the columns of Mẫu 1. */
export function RegisteredInitiativesTable({ initiatives }: { initiatives: RegisteredInitiative[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const areas = useQuery(reformAreasQuery());
  const areaName = (code: string) => {
    const a = areas.data?.find((x) => x.code === code);
    return a ? (lang === 'en' ? a.name_en : a.name_vi) : code;
  };
  return (
    <Table<RegisteredInitiative>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={initiatives}
      locale={{ emptyText: t('registrations.noInitiatives') }}
      columns={[
        { title: t('registrations.index'), key: 'index', width: 60, render: (_, __, i) => i + 1 },
        { title: t('registrations.initiativeTitle'), dataIndex: 'title', key: 'title' },
        { title: t('registrations.kind'), dataIndex: 'kind', key: 'kind', render: (k: RegisteredInitiative['kind']) => t(`initiatives.kinds.${k}`, { defaultValue: k }) },
        { title: t('registrations.reformArea'), dataIndex: 'reform_area', key: 'area', render: (c: string) => areaName(c) },
        {
          title: t('registrations.authors'),
          key: 'authors',
          render: (_, r) => (r.collective || r.authors.length === 0 ? t('registrations.collective') : r.authors.join('; ')),
        },
        {
          title: t('registrations.period'),
          key: 'period',
          render: (_, r) => t('initiatives.periodValue', { from: formatDate(r.starts_on), to: formatDate(r.ends_on) }),
        },
      ]}
    />
  );
}

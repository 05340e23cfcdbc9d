import { Select, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import { NOMINATION_STATUSES, NOMINEE_KINDS, awardFormsQuery, type ListExportParams } from '../api/awards';
import { formName } from '../format';
import { recentYears } from './useNominationFilters';

const ALL = 'all';

/** The filters' selects (status only where the page does not fix it). */
export function NominationFilters({ filters, update, withStatus = true }: { filters: ListExportParams; update: (next: Record<string, string | null>) => void; withStatus?: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const forms = useQuery(awardFormsQuery());
  return (
    <Space wrap>
      {withStatus && (
        <Select<string>
          style={{ minWidth: 180 }}
          aria-label={t('awards.filters.status')}
          value={filters.status ?? ALL}
          onChange={(v) => update({ status: v === ALL ? null : v, page: null })}
          options={[{ value: ALL, label: t('awards.filters.allStatuses') }, ...NOMINATION_STATUSES.map((s) => ({ value: s, label: t(`awards.statuses.${s}`) }))]}
        />
      )}
      <Select<string>
        style={{ minWidth: 140 }}
        aria-label={t('awards.filters.year')}
        value={filters.year ? String(filters.year) : ALL}
        onChange={(v) => update({ year: v === ALL ? null : v, page: null })}
        options={[{ value: ALL, label: t('awards.filters.allYears') }, ...recentYears().map((y) => ({ value: String(y), label: String(y) }))]}
      />
      <Select<string>
        style={{ minWidth: 280, maxWidth: 420 }}
        aria-label={t('awards.filters.form')}
        loading={forms.isPending}
        value={filters.award_form_id ?? ALL}
        onChange={(v) => update({ form: v === ALL ? null : v, page: null })}
        options={[{ value: ALL, label: t('awards.filters.allForms') }, ...(forms.data ?? []).map((f) => ({ value: f.id, label: formName(f, lang) }))]}
      />
      <Select<string>
        style={{ minWidth: 160 }}
        aria-label={t('awards.filters.kind')}
        value={filters.nominee_kind ?? ALL}
        onChange={(v) => update({ kind: v === ALL ? null : v, page: null })}
        options={[{ value: ALL, label: t('awards.filters.allKinds') }, ...NOMINEE_KINDS.map((k) => ({ value: k, label: t(`awards.kinds.${k}`) }))]}
      />
    </Space>
  );
}


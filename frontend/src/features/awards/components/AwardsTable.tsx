import { Table } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import { formatDate } from '@/lib/deadline';
import type { Award } from '../api/awards';
import { formName } from '../format';
import { NomineeKindTag } from './tags';

/** Awards received (a person's, a unit's): the year, the form, the nominee and the decision. */
export function AwardsTable({ awards, loading, emptyText, ariaLabel }: { awards: Award[]; loading?: boolean; emptyText: string; ariaLabel: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Table<Award>
      rowKey="nomination_id"
      aria-label={ariaLabel}
      size="small"
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={awards}
      locale={{ emptyText }}
      columns={[
        { title: t('awards.nomination.year'), dataIndex: 'year', key: 'year', width: 80 },
        {
          title: t('awards.nomination.awardForm'),
          key: 'form',
          render: (_, a) => <span style={{ display: 'inline-block', maxWidth: 320, whiteSpace: 'normal' }}>{formName(a.award_form, lang)}</span>,
        },
        {
          title: t('awards.nomination.nominee'),
          key: 'nominee',
          render: (_, a) => (
            <span style={{ display: 'inline-block', maxWidth: 360, whiteSpace: 'normal' }}>
              <NomineeKindTag kind={a.nominee.kind} /> {a.nominee.label}
            </span>
          ),
        },
        {
          title: t('awards.decision.title'),
          key: 'decision',
          render: (_, a) => (
            <Link to={`/awards/decisions/${a.decision.id}`}>{t('awards.decision.reference', { number: a.decision.number, date: formatDate(a.decision.signed_on) })}</Link>
          ),
        },
        { title: t('awards.decision.ceremonyOn'), key: 'ceremony', render: (_, a) => formatDate(a.decision.ceremony_on) },
      ]}
    />
  );
}

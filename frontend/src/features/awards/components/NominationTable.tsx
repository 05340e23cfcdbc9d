import { Flex, Table, Typography, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import { formatDateTimeMinutes } from '@/lib/dates';
import type { Nomination } from '../api/awards';
import { formName } from '../format';
import { EligibilityChecklist } from './EligibilityChecklist';
import { NominationActions } from './NominationActions';
import { EligibleTag, NominationStatusTag, NomineeKindTag } from './tags';

interface Props {
  items: Nomination[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  /** The review queue: each row's actions, and its checklist unfolded. */
  review?: boolean;
  emptyText: string;
  ariaLabel: string;
}

/** Nominations as a table; in the review queue each row carries its actions and its checklist. */
export function NominationTable({ items, loading, pagination, review = false, emptyText, ariaLabel }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Table<Nomination>
      rowKey="id"
      aria-label={ariaLabel}
      loading={loading}
      scroll={{ x: 'max-content' }}
      dataSource={items}
      locale={{ emptyText }}
      pagination={pagination}
      expandable={
        review
          ? {
              expandedRowRender: (n) => (
                <div style={{ maxWidth: 900 }}>
                  <EligibilityChecklist eligibility={n.eligibility} />
                </div>
              ),
              rowExpandable: (n) => n.eligibility.rules.length > 0,
            }
          : undefined
      }
      columns={[
        {
          title: t('awards.nomination.nominee'),
          key: 'nominee',
          render: (_, n) => (
            <Flex vertical gap={2} style={{ minWidth: 220, maxWidth: 380, whiteSpace: 'normal' }}>
              <Link to={`/awards/nominations/${n.id}`}>{n.nominee.label}</Link>
              <span>
                <NomineeKindTag kind={n.nominee.kind} />
              </span>
            </Flex>
          ),
        },
        {
          title: t('awards.nomination.awardForm'),
          key: 'form',
          render: (_, n) => <span style={{ display: 'inline-block', maxWidth: 280, whiteSpace: 'normal' }}>{formName(n.award_form, lang)}</span>,
        },
        { title: t('awards.nomination.year'), dataIndex: 'year', key: 'year' },
        {
          title: t('awards.nomination.unit'),
          key: 'unit',
          render: (_, n) => <span style={{ display: 'inline-block', maxWidth: 220, whiteSpace: 'normal' }}>{n.organization.name}</span>,
        },
        { title: t('awards.nomination.status'), key: 'status', render: (_, n) => <NominationStatusTag status={n.status} /> },
        {
          title: t('awards.checklist.label'),
          key: 'eligible',
          render: (_, n) => (
            <Flex vertical gap={2}>
              <span>
                <EligibleTag eligible={n.eligibility.eligible} />
              </span>
              {n.eligibility.override && <Typography.Text type="warning">{t('awards.checklist.hasOverride')}</Typography.Text>}
            </Flex>
          ),
        },
        review
          ? {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right' as const,
              render: (_, n) => (
                <Flex wrap gap={4}>
                  <NominationActions nomination={n} only={['approve', 'reject', 'override']} size="small" />
                </Flex>
              ),
            }
          : { title: t('awards.nomination.updated'), key: 'updated', render: (_, n) => formatDateTimeMinutes(n.updated_at) },
      ]}
    />
  );
}

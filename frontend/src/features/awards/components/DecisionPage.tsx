import { Breadcrumb, Card, Descriptions, Flex, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '@/components/ExportButtons';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { currentLanguage } from '@/i18n';
import { formatDateTimeMinutes } from '@/lib/dates';
import { formatDate } from '@/lib/deadline';
import { awardFileUrls, decisionQuery, fetchAwardFile, type Granted } from '../api/awards';
import { formName } from '../format';
import { NomineeKindTag } from './tags';

/** `/awards/decisions/:decisionId`: the decision and the nominees it granted, with the decision as Word. */
export default function DecisionPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { decisionId = '' } = useParams();
  const q = useQuery(decisionQuery(decisionId));
  if (q.isPending) return <PageSpinner />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/awards/decisions">{t('awards.nav.decisions')}</Link> }, { title: d.number }]} />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('awards.decision.heading', { number: d.number })}
        </Typography.Title>
        <ExportButtons
          formats={['docx']}
          fetchFile={() => fetchAwardFile(awardFileUrls.decision(d.id))}
          labels={{ docx: t('awards.export.decision'), xlsx: '' }}
          fallbackName={() => `Quyet-dinh-khen-thuong-${d.number.replace(/[^A-Za-z0-9-]+/g, '-')}.docx`}
          failed={t('awards.export.failed')}
        />
      </Flex>
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'number', label: t('awards.decision.number'), children: d.number },
            { key: 'signed', label: t('awards.decision.signedOn'), children: formatDate(d.signed_on) },
            { key: 'signer', label: t('awards.decision.signer'), children: `${d.signer_title} ${d.signer_name}` },
            { key: 'authority', label: t('awards.decision.authority'), children: d.organization.name },
            { key: 'ceremony', label: t('awards.decision.ceremonyOn'), children: d.ceremony_on ? formatDate(d.ceremony_on) : t('common.none') },
            ...(d.ceremony_note ? [{ key: 'note', label: t('awards.decision.ceremonyNote'), children: d.ceremony_note }] : []),
            { key: 'created', label: t('awards.decision.recordedAt'), children: formatDateTimeMinutes(d.created_at) },
          ]}
        />
      </Card>
      <Card title={t('awards.decision.granted', { count: d.granted.length })}>
        <Table<Granted>
          rowKey="nomination_id"
          aria-label={t('awards.decision.grantedLabel')}
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={d.granted}
          columns={[
            { title: t('awards.decision.index'), key: 'index', width: 60, render: (_, _g, i) => i + 1 },
            {
              title: t('awards.nomination.nominee'),
              key: 'nominee',
              render: (_, g) => (
                <span style={{ display: 'inline-block', maxWidth: 380, whiteSpace: 'normal' }}>
                  <NomineeKindTag kind={g.nominee.kind} /> <Link to={`/awards/nominations/${g.nomination_id}`}>{g.nominee.label}</Link>
                </span>
              ),
            },
            {
              title: t('awards.nomination.awardForm'),
              key: 'form',
              render: (_, g) => <span style={{ display: 'inline-block', maxWidth: 300, whiteSpace: 'normal' }}>{formName(g.award_form, lang)}</span>,
            },
            { title: t('awards.nomination.unit'), key: 'unit', render: (_, g) => g.organization.name },
            { title: t('awards.nomination.year'), dataIndex: 'year', key: 'year' },
          ]}
        />
      </Card>
    </Flex>
  );
}

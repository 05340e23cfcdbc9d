import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Col, Descriptions, Empty, Flex, List, Row, Space, Typography } from 'antd';
import { DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '@/components/ExportButtons';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { fetchFileContent } from '@/features/files/api/files';
import { formatFileSize } from '@/features/files/format';
import { currentLanguage } from '@/i18n';
import { formatDateTimeMinutes } from '@/lib/dates';
import { formatDate } from '@/lib/deadline';
import { saveBlob } from '@/lib/download';
import { awardFileUrls, fetchAwardFile, nominationQuery, type DossierFile, type Nomination } from '../api/awards';
import { formName } from '../format';
import { EligibilityChecklist } from './EligibilityChecklist';
import { NominationActions } from './NominationActions';
import { NominationStatusTag, NomineeKindTag } from './tags';

function FileDownload({ file }: { file: DossierFile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      saveBlob(await fetchFileContent(file.id, file.media_type), file.original_name);
    } catch {
      void message.error(t('awards.nomination.downloadFailed', { name: file.original_name }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type="link" size="small" icon={<DownloadOutlined aria-hidden />} loading={busy} onClick={() => void download()} aria-label={t('awards.nomination.downloadFile', { name: file.original_name })}>
      {t('awards.nomination.download')}
    </Button>
  );
}

/** The nominee: an initiative links to its page and names its authors; a person their unit. */
export function NomineeSummary({ nomination }: { nomination: Pick<Nomination, 'nominee'> }) {
  const { t } = useTranslation();
  const n = nomination.nominee;
  return (
    <Flex vertical gap={2}>
      <Space wrap size={4}>
        <NomineeKindTag kind={n.kind} />
        {n.initiative ? <Link to={`/initiatives/${n.initiative.id}`}>{n.initiative.title}</Link> : <span>{n.label}</span>}
      </Space>
      {n.authors.length > 0 && (
        <Typography.Text type="secondary">
          {t('awards.nomination.authors')}: {n.authors.map((a) => [a.display_name, a.position].filter(Boolean).join(', ')).join('; ')}
        </Typography.Text>
      )}
      {n.person && (
        <Typography.Text type="secondary">{[n.person.position, n.person.organization.name].filter(Boolean).join(' — ')}</Typography.Text>
      )}
    </Flex>
  );
}

function Dossier({ nomination: n }: { nomination: Nomination }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const text = (value: string) => (value.trim() ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{value}</Typography.Paragraph> : <Typography.Text type="secondary">{t('awards.nomination.empty')}</Typography.Text>);
  return (
    <Descriptions
      column={1}
      layout="vertical"
      size="small"
      items={[
        { key: 'proposal', label: t('awards.nomination.proposal'), children: text(n.proposal) },
        { key: 'achievements', label: t('awards.nomination.achievements'), children: text(n.achievements) },
        {
          key: 'minutes',
          label: t('awards.nomination.minutes'),
          children: n.minutes_round_id ? (
            <Link to={`/evaluation/rounds/${n.minutes_round_id}`}>
              <FileTextOutlined aria-hidden /> {t('awards.nomination.minutesLink')}
            </Link>
          ) : (
            <Typography.Text type="secondary">{t('awards.nomination.noMinutes')}</Typography.Text>
          ),
        },
        {
          key: 'files',
          label: t('awards.nomination.files'),
          children:
            n.files.length === 0 ? (
              <Typography.Text type="secondary">{t('awards.nomination.noFiles')}</Typography.Text>
            ) : (
              <List
                size="small"
                style={{ width: '100%' }}
                dataSource={n.files}
                renderItem={(f) => (
                  <List.Item actions={[<FileDownload key="d" file={f} />]}>
                    {f.original_name} <Typography.Text type="secondary">({formatFileSize(f.size_bytes, lang)})</Typography.Text>
                  </List.Item>
                )}
              />
            ),
        },
      ]}
    />
  );
}

/** `/awards/nominations/:nominationId`: the nominee, the dossier, the checklist and what may be done now. */
export default function NominationPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { nominationId = '' } = useParams();
  const q = useQuery(nominationQuery(nominationId));

  if (q.isPending) return <PageSpinner />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const n = q.data;

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/awards">{t('awards.title')}</Link> }, { title: n.nominee.label }]} />
      <Flex justify="space-between" align="start" wrap gap={8}>
        <Flex vertical gap={4}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('awards.nomination.heading', { nominee: n.nominee.label })}
          </Typography.Title>
          <Space wrap>
            <NominationStatusTag status={n.status} />
            <Typography.Text type="secondary">
              {formName(n.award_form, lang)} · {t('awards.nomination.yearValue', { year: String(n.year) })}
            </Typography.Text>
          </Space>
        </Flex>
        <Space wrap>
          <NominationActions nomination={n} />
          <ExportButtons
            formats={['docx']}
            fetchFile={() => fetchAwardFile(awardFileUrls.dossier(n.id))}
            labels={{ docx: t('awards.export.dossier'), xlsx: '' }}
            fallbackName={() => 'To-trinh-de-nghi-khen-thuong.docx'}
            failed={t('awards.export.failed')}
          />
        </Space>
      </Flex>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card title={t('awards.nomination.details')}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'nominee', label: t('awards.nomination.nominee'), children: <NomineeSummary nomination={n} /> },
                  { key: 'form', label: t('awards.nomination.awardForm'), children: formName(n.award_form, lang) },
                  { key: 'year', label: t('awards.nomination.year'), children: n.year },
                  { key: 'unit', label: t('awards.nomination.unit'), children: n.organization.name },
                  { key: 'status', label: t('awards.nomination.status'), children: <NominationStatusTag status={n.status} /> },
                  ...(n.submitted_at
                    ? [{ key: 'submitted', label: t('awards.nomination.submitted'), children: `${formatDateTimeMinutes(n.submitted_at)}${n.submitted_by ? ` — ${n.submitted_by.display_name}` : ''}` }]
                    : []),
                  ...(n.reviewed_at
                    ? [{ key: 'reviewed', label: t('awards.nomination.reviewed'), children: `${formatDateTimeMinutes(n.reviewed_at)}${n.reviewed_by ? ` — ${n.reviewed_by.display_name}` : ''}` }]
                    : []),
                  ...(n.rejection_reason ? [{ key: 'reason', label: t('awards.nomination.rejectionReason'), children: <Typography.Text type="danger">{n.rejection_reason}</Typography.Text> }] : []),
                  ...(n.decision
                    ? [
                        {
                          key: 'decision',
                          label: t('awards.nomination.decision'),
                                          children: (
                            <Link to={`/awards/decisions/${n.decision.id}`}>
                              {t('awards.decision.reference', { number: n.decision.number, date: formatDate(n.decision.signed_on) })}
                              {n.decision.ceremony_on ? ` — ${t('awards.decision.ceremonyValue', { date: formatDate(n.decision.ceremony_on) })}` : ''}
                            </Link>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card title={t('awards.nomination.dossier')}>
              <Dossier nomination={n} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('awards.checklist.label')}>
            {n.eligibility.rules.length === 0 ? <Empty description={t('awards.checklist.noRules')} /> : <EligibilityChecklist eligibility={n.eligibility} />}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

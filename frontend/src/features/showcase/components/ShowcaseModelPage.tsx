import { useState } from 'react';
import { Breadcrumb, Button, Card, Descriptions, Flex, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, PaperClipOutlined, ShareAltOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { currentLanguage } from '@/i18n';
import { useMe, useSession } from '@/lib/auth';
import { formatDate } from '@/lib/deadline';
import { showcaseModelQuery, type PublicAward, type PublicPerson, type PublicReplication, type ShowcaseModel } from '../api/showcase';
import { formatSize, reformAreaName, replicationPeriod } from '../format';
import { canEditModel, canReplicate } from '../permissions';
import { EditModelModal } from './PublishModelModal';
import { ReplicationFormModal } from './ReplicationFormModal';
import { ReplicationStatusTag } from './ReplicationStatusTag';

function Authors({ model }: { model: ShowcaseModel }) {
  const { t } = useTranslation();
  if (model.authors.length === 0) {
    return (
      <Space>
        <TeamOutlined aria-hidden />
        {t('showcase.collective', { unit: model.unit })}
      </Space>
    );
  }
  // Only what the public may know of a person: name, position, unit.
  return (
    <Table<PublicPerson>
      aria-label={t('showcase.authors')}
      rowKey={(a) => `${a.name}|${a.unit}|${a.position ?? ''}`}
      size="small"
      pagination={false}
      dataSource={model.authors}
      columns={[
        { title: t('showcase.authorName'), key: 'name', render: (_, a) => a.name },
        { title: t('showcase.authorPosition'), key: 'position', render: (_, a) => a.position ?? '' },
        { title: t('showcase.authorUnit'), key: 'unit', render: (_, a) => a.unit },
      ]}
    />
  );
}

function Evidence({ model }: { model: ShowcaseModel }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (model.evidence.length === 0) return <Typography.Text type="secondary">{t('showcase.evidenceEmpty')}</Typography.Text>;
  return (
    <ul aria-label={t('showcase.evidence')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {model.evidence.map((f) => (
        <li key={f.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Space align="start">
              <PaperClipOutlined aria-hidden style={{ marginTop: 4 }} />
              <Flex vertical>
                <Typography.Text strong>{f.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[f.caption, formatSize(f.size_bytes, lang)].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Flex>
            </Space>
            {/* Public bytes: a plain link downloads them, no token needed. */}
            <a href={f.content_url} download={f.name} aria-label={t('showcase.downloadFile', { name: f.name })}>
              <DownloadOutlined aria-hidden /> {t('showcase.download')}
            </a>
          </Flex>
        </li>
      ))}
    </ul>
  );
}

function Awards({ model }: { model: ShowcaseModel }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Table<PublicAward>
      aria-label={t('showcase.awards')}
      rowKey={(a) => `${a.decision_number}|${a.award_name_vi}`}
      size="small"
      pagination={false}
      dataSource={model.awards}
      locale={{ emptyText: t('showcase.awardsEmpty') }}
      columns={[
        { title: t('showcase.awardName'), key: 'name', render: (_, a) => (lang === 'en' ? a.award_name_en || a.award_name_vi : a.award_name_vi) },
        { title: t('showcase.awardYear'), key: 'year', render: (_, a) => a.year },
        { title: t('showcase.decisionNumber'), key: 'decision', render: (_, a) => a.decision_number },
        { title: t('showcase.signedOn'), key: 'signed', render: (_, a) => formatDate(a.signed_on) },
      ]}
    />
  );
}

/** "Nơi nhân rộng": every unit that adopted (or plans to adopt) the model — its "sức lan tỏa". */
function Spread({ model }: { model: ShowcaseModel }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Table<PublicReplication>
      aria-label={t('showcase.spread')}
      rowKey={(r) => `${r.unit}|${r.planned_from}`}
      size="small"
      pagination={false}
      dataSource={model.replications}
      locale={{ emptyText: t('showcase.spreadEmpty') }}
      columns={[
        { title: t('showcase.adoptingUnit'), key: 'unit', render: (_, r) => r.unit },
        { title: t('showcase.status'), key: 'status', render: (_, r) => <ReplicationStatusTag status={r.status} /> },
        {
          title: t('showcase.period'),
          key: 'period',
          render: (_, r) => replicationPeriod(r, lang),
        },
      ]}
    />
  );
}

function Paragraphs({ text }: { text: string }) {
  const { t } = useTranslation();
  return text.trim() ? (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph>
  ) : (
    <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
  );
}

/** A model's public page: what it is, what it achieved, who made it, its awards and where it spread. */
export default function ShowcaseModelPage() {
  const { modelId = '' } = useParams();
  const { t } = useTranslation();
  const { token } = useSession();
  const me = useMe();
  const lang = currentLanguage();
  const model = useQuery(showcaseModelQuery(modelId));
  const [replicating, setReplicating] = useState(false);
  const [editing, setEditing] = useState(false);

  if (model.isPending) return <PageSpinner />;
  if (model.isError) return <QueryError error={model.error} onRetry={() => void model.refetch()} />;
  const m = model.data;
  const mayReplicate = token !== null && canReplicate(me.data);
  const mayEdit = token !== null && canEditModel(me.data);
  const adopting = m.replications.filter((r) => r.status !== 'abandoned').length;

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/showcase">{t('showcase.title')}</Link> }, { title: m.title }]} />
      <Card>
        <Flex justify="space-between" align="start" wrap gap={16}>
          <div style={{ minWidth: 0, flex: '1 1 420px' }}>
            <Typography.Title level={2} style={{ marginTop: 0 }}>
              {m.title}
            </Typography.Title>
            <Space wrap>
              <Tag>{t(`initiatives.kinds.${m.kind}`, { defaultValue: m.kind })}</Tag>
              <Tag color="geekblue" style={{ whiteSpace: 'normal' }}>
                {reformAreaName(m, lang)}
              </Tag>
              <Tag color="green" icon={<ShareAltOutlined aria-hidden />}>
                {t('showcase.replicationsCount', { count: adopting })}
              </Tag>
            </Space>
          </div>
          {(mayEdit || mayReplicate) && (
            <Space wrap>
              {mayEdit && (
                <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                  {t('showcase.edit.button')}
                </Button>
              )}
              {mayReplicate && (
                <Button type="primary" icon={<ShareAltOutlined aria-hidden />} onClick={() => setReplicating(true)}>
                  {t('showcase.replicate.button')}
                </Button>
              )}
            </Space>
          )}
        </Flex>
        <Descriptions
          style={{ marginTop: 16 }}
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'unit', label: t('showcase.unit'), children: m.unit },
            { key: 'area', label: t('showcase.reformArea'), children: reformAreaName(m, lang) },
            { key: 'recognized', label: t('showcase.recognizedOn'), children: formatDate(m.recognized_on) },
          ]}
        />
      </Card>

      <Card title={t('showcase.summary')}>
        <Paragraphs text={m.summary} />
      </Card>
      <Card title={t('showcase.results')}>
        <Paragraphs text={m.results} />
      </Card>
      <Card title={t('showcase.authors')}>
        <Authors model={m} />
      </Card>
      <Card title={t('showcase.evidence')}>
        <Evidence model={m} />
      </Card>
      <Card title={t('showcase.awards')}>
        <Awards model={m} />
      </Card>
      <Card title={t('showcase.spread')}>
        <Typography.Paragraph type="secondary">{t('showcase.spreadHint')}</Typography.Paragraph>
        <Spread model={m} />
      </Card>

      {replicating && <ReplicationFormModal model={{ id: m.id, title: m.title, organization_id: m.organization_id }} onClose={() => setReplicating(false)} />}
      {editing && <EditModelModal model={m} onClose={() => setEditing(false)} />}
    </Flex>
  );
}

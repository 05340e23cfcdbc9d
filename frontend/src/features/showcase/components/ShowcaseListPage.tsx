import { useEffect, useState } from 'react';
import { Card, Col, Empty, Flex, Input, Pagination, Row, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined, ShareAltOutlined, TrophyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { currentLanguage } from '@/i18n';
import { formatDate } from '@/lib/deadline';
import { SHOWCASE_PAGE_SIZE, showcaseListQuery, type ShowcaseSummary } from '../api/showcase';
import { reformAreaName } from '../format';

/** How long typing pauses before the search is sent. */
export const SEARCH_DEBOUNCE_MS = 350;

function ModelCard({ model }: { model: ShowcaseSummary }) {
  const { t } = useTranslation();
  return (
    <Card
      style={{ height: '100%' }}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 8, height: '100%' } }}
      aria-labelledby={`model-${model.id}`}
      role="article"
    >
      <Typography.Title level={4} style={{ margin: 0 }} id={`model-${model.id}`}>
        <Link to={`/showcase/${model.id}`}>{model.title}</Link>
      </Typography.Title>
      <Typography.Text type="secondary">
        <EnvironmentOutlined aria-hidden /> {model.unit}
      </Typography.Text>
      <div>
        <Tag color="geekblue" style={{ whiteSpace: 'normal' }}>
          {reformAreaName(model, currentLanguage())}
        </Tag>
      </div>
      <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: 0, flex: 1 }}>
        {model.summary}
      </Typography.Paragraph>
      <Flex justify="space-between" wrap gap={8} align="center">
        <Space size="middle" wrap>
          <span>
            <TrophyOutlined aria-hidden style={{ color: '#d48806' }} /> {t('showcase.awardsCount', { count: model.awards })}
          </span>
          <span>
            <ShareAltOutlined aria-hidden style={{ color: '#389e0d' }} /> {t('showcase.replicationsCount', { count: model.replications })}
          </span>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('showcase.recognizedOnValue', { date: formatDate(model.recognized_on) })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** The public showcase: every typical model, newest first, or best match first when searching. */
export default function ShowcaseListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const list = useQuery(showcaseListQuery(q, page));

  // The box follows the URL (back and forward), and the URL follows the box after a pause.
  const [text, setText] = useState(q);
  const [shownQ, setShownQ] = useState(q);
  if (q !== shownQ) {
    setShownQ(q);
    if (q !== text.trim()) setText(q);
  }
  useEffect(() => {
    const words = text.trim();
    if (words === q) return;
    const timer = setTimeout(() => {
      const next = new URLSearchParams(params);
      if (words) next.set('q', words);
      else next.delete('q');
      next.delete('page');
      setParams(next, { replace: true });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, q, params, setParams]);

  const setPage = (p: number) => {
    const next = new URLSearchParams(params);
    if (p === 1) next.delete('page');
    else next.set('page', String(p));
    setParams(next);
  };

  const data = list.data;
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          {t('showcase.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('showcase.subtitle')}</Typography.Text>
      </div>
      <Card>
        <Flex vertical gap={4} style={{ maxWidth: 560 }}>
          <label htmlFor="showcase-search">
            <Typography.Text strong>{t('showcase.search')}</Typography.Text>
          </label>
          <Input.Search
            id="showcase-search"
            allowClear
            value={text}
            placeholder={t('showcase.searchPlaceholder')}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => setText(v)}
            loading={list.isFetching && !!q}
          />
        </Flex>
      </Card>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !data ? (
        <Card loading />
      ) : data.items.length === 0 ? (
        <Card>
          <Empty description={q ? t('showcase.noMatch', { q }) : t('showcase.empty')} />
        </Card>
      ) : (
        <>
          <Typography.Text type="secondary" role="status">
            {q ? t('showcase.found', { count: data.total }) : t('common.total', { count: data.total })}
          </Typography.Text>
          <Row gutter={[16, 16]} role="list" aria-label={t('showcase.title')}>
            {data.items.map((m) => (
              <Col key={m.id} xs={24} md={12} xl={8} role="listitem">
                <ModelCard model={m} />
              </Col>
            ))}
          </Row>
          {data.total > SHOWCASE_PAGE_SIZE && (
            <Flex justify="center">
              <Pagination current={page} pageSize={SHOWCASE_PAGE_SIZE} total={data.total} showSizeChanger={false} onChange={setPage} />
            </Flex>
          )}
        </>
      )}
    </Flex>
  );
}

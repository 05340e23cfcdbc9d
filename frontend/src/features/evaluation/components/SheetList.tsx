import { Card, Empty, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import { formatDateTimeMinutes } from '@/lib/dates';
import type { Criterion, Sheet } from '../api/evaluation';
import { formatPoints, formatTotal } from '../format';
import { SheetStateTag } from './tags';

/** Score sheets read-only, each with its scores, gates and comments per criterion. */
export function SheetList({ sheets, empty }: { sheets: Sheet[]; empty: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (sheets.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <Flex vertical gap={12}>
      {sheets.map((s) => (
        <Card
          key={s.assignment_id}
          size="small"
          title={s.evaluator.display_name}
          extra={
            <Flex gap={8} align="center">
              <SheetStateTag state={s.status} />
              <Typography.Text strong>{`${t('evaluation.scoring.total')}: ${formatTotal(s.total, s.max_total, lang)}`}</Typography.Text>
            </Flex>
          }
        >
          {s.submitted_at && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {t('evaluation.scoring.submittedAt', { time: formatDateTimeMinutes(s.submitted_at) })}
            </Typography.Paragraph>
          )}
          <Table<Criterion>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={s.criteria}
            columns={[
              { title: t('evaluation.initiative.criterion'), key: 'name', render: (_, c) => (lang === 'en' ? c.name_en : c.name_vi) },
              {
                title: t('evaluation.scoring.points'),
                key: 'points',
                width: 120,
                render: (_, c) => {
                  if (c.gate) {
                    const g = s.gates[c.code];
                    return g === undefined ? '' : g ? t('evaluation.scoring.passed') : t('evaluation.scoring.failed');
                  }
                  const v = s.scores[c.code];
                  return v === undefined ? '' : `${formatPoints(v, lang)} / ${formatPoints(c.max_points, lang)}`;
                },
              },
              { title: t('evaluation.scoring.comment'), key: 'comment', render: (_, c) => <span style={{ whiteSpace: 'pre-wrap' }}>{s.comments[c.code] ?? ''}</span> },
            ]}
          />
          {s.overall_comment && (
            <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-wrap' }}>
              <Typography.Text strong>{t('evaluation.scoring.overallComment')}: </Typography.Text>
              {s.overall_comment}
            </Typography.Paragraph>
          )}
        </Card>
      ))}
    </Flex>
  );
}

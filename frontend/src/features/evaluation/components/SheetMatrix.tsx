import { useState } from 'react';
import { App, Button, Descriptions, Flex, Space, Table, Tag, Typography, type TablePaginationConfig, type TableProps } from 'antd';
import { BellOutlined, EyeOutlined, UnlockOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { ReasonModal } from '@/components/ReasonModal';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { roundResultsQuery, useReopenSheet, useRemindEvaluators, type Assignment, type Entry, type Round, type RoundProgress } from '../api/evaluation';
import { cellState, sheetMatrix, type MatrixRow } from '../format';
import { EntrySearch } from './EntrySearch';
import { SheetsDrawer } from './SheetsDrawer';
import { SheetStateTag } from './tags';
import { useEntryPage } from './useEntryPage';

interface MatrixProps {
  round: Round;
  /** One page of the board. */
  entries: Entry[];
  /** The server's paging (the matrix never holds the whole round); none: a single page. */
  pagination?: TablePaginationConfig;
  /** The next page (or a search) is on its way. */
  loading?: boolean;
  emptyText?: string;
  /** The chair or the organiser: reopens submitted sheets and reads every sheet. */
  oversees: boolean;
  onReopen: (assignment: Assignment) => void;
  onViewSheets: (entry: Entry) => void;
}

/**
 * Rows are the page's initiatives, columns the evaluators assigned to any of them; each cell
 * says its sheet's state in words.
 */
export function SheetMatrix({ round, entries, pagination, loading, emptyText, oversees, onReopen, onViewSheets }: MatrixProps) {
  const { t } = useTranslation();
  const { evaluators, rows } = sheetMatrix(entries, round.members);
  const scoring = round.status === 'scoring';
  const columns: TableProps<MatrixRow>['columns'] = [
    {
      title: t('evaluation.entries.initiative'),
      key: 'initiative',
      fixed: 'left',
      render: (_, row) => <span style={{ display: 'inline-block', minWidth: 180, maxWidth: 280, whiteSpace: 'normal' }}>{row.entry.initiative.title}</span>,
    },
    ...evaluators.map((ev) => ({
      title: ev.display_name,
      key: ev.id,
      render: (_: unknown, row: MatrixRow) => {
        const a = row.cells.get(ev.id);
        const state = cellState(a);
        return (
          <Space size={4} wrap>
            <SheetStateTag state={state} />
            {a && oversees && scoring && state === 'submitted' && (
              <Button
                size="small"
                type="link"
                icon={<UnlockOutlined aria-hidden />}
                aria-label={`${t('evaluation.sheets.reopen')}: ${ev.display_name} — ${row.entry.initiative.title}`}
                onClick={() => onReopen(a)}
              >
                {t('evaluation.sheets.reopen')}
              </Button>
            )}
          </Space>
        );
      },
    })),
    ...(oversees
      ? [
          {
            title: t('common.actions'),
            key: 'view',
            render: (_: unknown, row: MatrixRow) => (
              <Button size="small" icon={<EyeOutlined aria-hidden />} onClick={() => onViewSheets(row.entry)}>
                {t('evaluation.sheets.viewSheets')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<MatrixRow>
      aria-label={t('evaluation.sheets.matrixLabel')}
      rowKey={(row) => row.entry.id}
      size="small"
      bordered
      pagination={pagination ?? false}
      loading={loading}
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      columns={columns}
      locale={{ emptyText: emptyText ?? t('evaluation.entries.empty') }}
    />
  );
}

function ProgressSummary({ progress }: { progress: RoundProgress }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={{ xs: 2, md: 5 }}
      title={
        <Space>
          {t('evaluation.sheets.progress')}
          {progress.overdue && <Tag color="red">{t('evaluation.sheets.overdue')}</Tag>}
        </Space>
      }
      items={[
        { key: 'expected', label: t('evaluation.sheets.expected'), children: progress.expected },
        { key: 'submitted', label: t('evaluation.sheets.submitted'), children: progress.submitted },
        { key: 'drafts', label: t('evaluation.sheets.drafts'), children: progress.drafts },
        { key: 'due', label: t('evaluation.sheets.due'), children: progress.due },
        { key: 'recused', label: t('evaluation.sheets.recused'), children: progress.recused },
      ]}
    />
  );
}

/**
 * The board's "Tiến độ chấm": the progress (the whole round's, from the results), the matrix a
 * page at a time (searchable by title), reminders and reopening.
 */
export function SheetMatrixPanel({ round }: { round: Round }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { entries, q, search, onSearchChange, onSearchNow, pagination } = useEntryPage(round.id);
  const results = useQuery(roundResultsQuery(round.id));
  const progress = results.data?.progress;
  // Nobody is assigned anywhere in the round (not just on this page).
  const unassigned = !!progress && progress.expected + progress.recused === 0;
  const remind = useRemindEvaluators(round.id);
  const reopen = useReopenSheet(round.id);
  const { showError, showSuccess } = useApiFeedback();
  const [reopening, setReopening] = useState<Assignment | null>(null);
  const [viewing, setViewing] = useState<Entry | null>(null);
  const oversees = round.allowed_actions.includes('manage');

  const sendReminders = () =>
    remind.mutate(undefined, {
      onSuccess: (sent) =>
        void modal.info({
          title: t('evaluation.actions.remindedTitle'),
          content:
            sent.sheets === 0 ? (
              t('evaluation.actions.remindedNobody')
            ) : (
              <Flex vertical gap={8}>
                <span>{t('evaluation.actions.reminded', { count: sent.sheets })}</span>
                <ul style={{ margin: 0 }} aria-label={t('evaluation.actions.remindedTitle')}>
                  {sent.evaluators.map((u) => (
                    <li key={u.id}>{u.display_name}</li>
                  ))}
                </ul>
              </Flex>
            ),
          okText: t('common.close'),
        }),
      onError: (e) => showError(e),
    });

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="start" wrap gap={8}>
        <div style={{ flex: '1 1 480px' }}>{results.data && <ProgressSummary progress={results.data.progress} />}</div>
        {oversees && round.status === 'scoring' && (
          <Button icon={<BellOutlined aria-hidden />} loading={remind.isPending} onClick={sendReminders}>
            {t('evaluation.actions.remind')}
          </Button>
        )}
      </Flex>
      {entries.isError ? (
        <QueryError error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.isPending ? null : unassigned ? (
        <Typography.Text type="secondary">{t('evaluation.sheets.noAssignments')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          <Flex justify="end">
            <EntrySearch value={search} onChange={onSearchChange} onSearch={onSearchNow} />
          </Flex>
          <SheetMatrix
            round={round}
            entries={entries.data.items}
            pagination={pagination}
            loading={entries.isPlaceholderData}
            emptyText={q ? t('initiatives.empty') : undefined}
            oversees={oversees}
            onReopen={setReopening}
            onViewSheets={setViewing}
          />
        </Flex>
      )}
      {reopening && (
        <ReasonModal
          name="sheet-reopen"
          title={t('evaluation.sheets.reopenTitle', { name: reopening.evaluator.display_name })}
          okText={t('evaluation.sheets.reopen')}
          label={t('evaluation.sheets.reopenReason')}
          requiredMessage={t('evaluation.sheets.reopenReasonRequired')}
          pending={reopen.isPending}
          onClose={() => setReopening(null)}
          onSubmit={(reason, form) =>
            reopen.mutate(
              { assignmentId: reopening.id, reason },
              {
                onSuccess: () => {
                  showSuccess(t('evaluation.sheets.reopened'));
                  setReopening(null);
                },
                onError: (e) => showError(e, { form }),
              },
            )
          }
        />
      )}
      {viewing && <SheetsDrawer round={round} entry={viewing} onClose={() => setViewing(null)} />}
    </Flex>
  );
}

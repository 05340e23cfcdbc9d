import { useState } from 'react';
import { Button, Flex, Popconfirm, Select, Space, Table, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { useAddEntries, useAssignEvaluator, useAutoAssign, useRemoveEntry, type Entry, type Round } from '../api/evaluation';
import { cellState } from '../format';
import { EntrySearch } from './EntrySearch';
import { SheetStateTag } from './tags';
import { useEntryPage } from './useEntryPage';

/** One initiative's "assign an evaluator": the scoring members not assigned to it yet. */
function AssignCell({ round, entry }: { round: Round; entry: Entry }) {
  const { t } = useTranslation();
  const [evaluator, setEvaluator] = useState<string | null>(null);
  const assign = useAssignEvaluator(round.id);
  const { showError, showSuccess } = useApiFeedback();
  const taken = new Set(entry.assignments.map((a) => a.evaluator.id));
  // The secretary keeps the minutes and does not score.
  const candidates = round.members.filter((m) => m.role !== 'secretary' && !taken.has(m.user.id));
  if (candidates.length === 0) return null;
  const run = () => {
    const member = candidates.find((m) => m.user.id === evaluator);
    if (!member) return;
    assign.mutate(
      { entry_id: entry.id, evaluator_id: member.user.id },
      {
        onSuccess: () => {
          setEvaluator(null);
          showSuccess(t('evaluation.entries.assigned', { name: member.user.display_name }));
        },
        onError: (e) => showError(e),
      },
    );
  };
  return (
    <Space.Compact>
      <Select<string>
        aria-label={t('evaluation.entries.assignLabel', { title: entry.initiative.title })}
        style={{ width: 220 }}
        placeholder={t('evaluation.entries.selectEvaluator')}
        value={evaluator ?? undefined}
        onChange={setEvaluator}
        options={candidates.map((m) => ({ value: m.user.id, label: m.user.display_name }))}
      />
      <Button icon={<UserAddOutlined aria-hidden />} disabled={!evaluator} loading={assign.isPending} onClick={run}>
        {t('evaluation.entries.assign')}
      </Button>
    </Space.Compact>
  );
}

/**
 * The set-up: the round's initiatives (a page at a time, searchable by title), their
 * evaluators, and the organiser's or chair's tools.
 */
export function EntriesPanel({ round }: { round: Round }) {
  const { t } = useTranslation();
  const { entries, q, search, onSearchChange, onSearchNow, pagination } = useEntryPage(round.id);
  const firstIndex = ((pagination.current ?? 1) - 1) * (pagination.pageSize ?? 0);
  const add = useAddEntries(round.id);
  const auto = useAutoAssign(round.id);
  const remove = useRemoveEntry(round.id);
  const { showError, showSuccess } = useApiFeedback();
  const manage = round.allowed_actions.includes('manage');
  const open = round.status === 'setup' || round.status === 'scoring';
  const editable = manage && open;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        {editable ? (
          <Flex wrap gap={8}>
            <Tooltip title={t('evaluation.entries.addDefaultHint')}>
              <Button
                icon={<PlusOutlined aria-hidden />}
                loading={add.isPending}
                onClick={() =>
                  add.mutate(undefined, {
                    onSuccess: (list) => showSuccess(t('evaluation.entries.added', { count: list.length })),
                    onError: (e) => showError(e),
                  })
                }
              >
                {t('evaluation.entries.addDefault')}
              </Button>
            </Tooltip>
            <Tooltip title={t('evaluation.entries.autoAssignHint', { count: round.evaluators_per_initiative })}>
              <Button
                icon={<TeamOutlined aria-hidden />}
                loading={auto.isPending}
                // The round's total; while searching, a page of no match says nothing of the round.
                disabled={!entries.data || (!q && entries.data.total === 0)}
                onClick={() => auto.mutate(undefined, { onSuccess: () => showSuccess(t('evaluation.entries.autoAssigned')), onError: (e) => showError(e) })}
              >
                {t('evaluation.entries.autoAssign')}
              </Button>
            </Tooltip>
          </Flex>
        ) : (
          <span />
        )}
        <EntrySearch value={search} onChange={onSearchChange} onSearch={onSearchNow} />
      </Flex>
      {entries.isError ? (
        <QueryError error={entries.error} onRetry={() => void entries.refetch()} />
      ) : (
        <Table<Entry>
          rowKey="id"
          size="small"
          pagination={pagination}
          scroll={{ x: 'max-content' }}
          loading={entries.isPending || entries.isPlaceholderData}
          dataSource={entries.data?.items ?? []}
          locale={{ emptyText: q ? t('initiatives.empty') : t('evaluation.entries.empty') }}
          columns={[
            { title: t('evaluation.entries.index'), key: 'index', width: 60, render: (_, __, i) => firstIndex + i + 1 },
            {
              title: t('evaluation.entries.initiative'),
              key: 'initiative',
              render: (_, e) => (
                <Link to={`/initiatives/${e.initiative.id}`} style={{ display: 'inline-block', minWidth: 200, maxWidth: 320, whiteSpace: 'normal' }}>
                  {e.initiative.title}
                </Link>
              ),
            },
            { title: t('evaluation.entries.unit'), key: 'unit', render: (_, e) => e.initiative.organization.name },
            {
              title: t('evaluation.entries.evaluators'),
              key: 'evaluators',
              render: (_, e) =>
                e.assignments.length === 0 ? (
                  <Typography.Text type="secondary">{t('evaluation.entries.noEvaluators')}</Typography.Text>
                ) : (
                  <ul style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
                    {e.assignments.map((a) => (
                      <li key={a.id}>
                        <Space size={4} wrap>
                          <span>{a.evaluator.display_name}</span>
                          <Tooltip title={a.recused && a.conflict_note ? t('evaluation.entries.recusedNote', { note: a.conflict_note }) : undefined}>
                            <span>
                              <SheetStateTag state={cellState(a)} />
                            </span>
                          </Tooltip>
                        </Space>
                      </li>
                    ))}
                  </ul>
                ),
            },
            ...(editable
              ? [
                  {
                    title: t('evaluation.entries.assign'),
                    key: 'assign',
                    render: (_: unknown, e: Entry) => <AssignCell round={round} entry={e} />,
                  },
                ]
              : []),
            ...(manage && round.status === 'setup'
              ? [
                  {
                    title: t('common.actions'),
                    key: 'remove',
                    render: (_: unknown, e: Entry) => (
                      <Popconfirm
                        title={t('evaluation.entries.removeConfirm', { title: e.initiative.title })}
                        okText={t('common.confirm')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() =>
                          remove.mutateAsync(e.id).then(
                            () => showSuccess(t('evaluation.entries.removed')),
                            (err: unknown) => showError(err),
                          )
                        }
                      >
                        <Button danger size="small" icon={<DeleteOutlined aria-hidden />}>
                          {t('evaluation.entries.remove')}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Flex>
  );
}

import { useCallback, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Flex, Row, Space, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { ReasonModal } from '@/components/ReasonModal';
import { DeadlineTag } from '@/features/campaigns/components/DeadlineTag';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { formatDateTimeMinutes } from '@/lib/dates';
import { formatDate } from '@/lib/deadline';
import { dossierQuery, entrySheetsQuery, evaluationKeys, myAssignmentsQuery, sheetQuery, useRecuse, type MyAssignment, type Sheet } from '../api/evaluation';
import { DossierPanel } from './DossierPanel';
import { ScoreSheetForm } from './ScoreSheetForm';
import { SheetList } from './SheetList';
import { SheetStateTag } from './tags';

/** After one's own sheet is submitted: the other members' submitted sheets of the initiative. */
function OthersSheets({ sheet }: { sheet: Sheet }) {
  const { t } = useTranslation();
  const sheets = useQuery(entrySheetsQuery(sheet.round_id, sheet.entry_id));
  return (
    <Card title={t('evaluation.scoring.others')}>
      {sheets.isPending ? (
        <PageSpinner />
      ) : sheets.isError ? (
        <QueryError error={sheets.error} onRetry={() => void sheets.refetch()} />
      ) : (
        <SheetList sheets={sheets.data.filter((s) => s.assignment_id !== sheet.assignment_id)} empty={t('evaluation.scoring.noOthers')} />
      )}
    </Card>
  );
}

function Dossier({ assignmentId }: { assignmentId: string }) {
  const { t } = useTranslation();
  const dossier = useQuery(dossierQuery(assignmentId));
  return (
    <Card title={t('evaluation.scoring.dossier')}>
      {dossier.isPending ? (
        <PageSpinner />
      ) : dossier.isError ? (
        <QueryError error={dossier.error} onRetry={() => void dossier.refetch()} />
      ) : (
        <DossierPanel dossier={dossier.data} />
      )}
    </Card>
  );
}

function RecuseButton({ assignment, title }: { assignment: MyAssignment; title: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const recuse = useRecuse();
  const { showError, showSuccess } = useApiFeedback();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button danger icon={<StopOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('evaluation.scoring.recuse')}
      </Button>
      {open && (
        <ReasonModal
          name="recuse"
          title={t('evaluation.scoring.recuseTitle', { title })}
          okText={t('evaluation.scoring.recuseOk')}
          label={t('evaluation.scoring.recuseNote')}
          requiredMessage={t('evaluation.scoring.recuseNoteRequired')}
          pending={recuse.isPending}
          onClose={() => setOpen(false)}
          onSubmit={(note, form) =>
            recuse.mutate(
              { assignmentId: assignment.id, note },
              {
                onSuccess: () => {
                  showSuccess(t('evaluation.scoring.recused'));
                  void navigate('/evaluation/sheets');
                },
                onError: (e) => showError(e, { form }),
              },
            )
          }
        />
      )}
    </>
  );
}

/** The evaluator's scoring page: the dossier beside the sheet, then the others' sheets once submitted. */
export default function ScoringPage() {
  const { assignmentId = '' } = useParams();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const sheet = useQuery(sheetQuery(assignmentId));
  const mine = useQuery(myAssignmentsQuery());
  // A reloaded sheet (changed under the form) starts a fresh form.
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => {
    void qc.invalidateQueries({ queryKey: evaluationKeys.sheet(assignmentId) }).then(() => setGeneration((g) => g + 1));
    void qc.invalidateQueries({ queryKey: evaluationKeys.myAssignments });
  }, [qc, assignmentId]);

  // The assignment (from the caller's list) carries the chair's reminder: wait for it too.
  if (sheet.isPending || mine.isPending) return <PageSpinner />;
  if (sheet.isError) return <QueryError error={sheet.error} onRetry={() => void sheet.refetch()} />;
  const s = sheet.data;
  const assignment = mine.data?.find((a) => a.id === assignmentId);
  const round = s.round;
  const recused = s.recused;
  const mayRecuse = !!assignment && !recused && s.status !== 'submitted' && (round?.status === 'setup' || round?.status === 'scoring');
  const editable = s.allowed_actions.includes('save');

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/evaluation/sheets">{t('evaluation.mine.back')}</Link> }, { title: s.initiative.title }]} />
      <Card>
        <Flex justify="space-between" align="start" wrap gap={16}>
          <div style={{ minWidth: 0, flex: '1 1 420px' }}>
            <Typography.Title level={3} style={{ marginTop: 0 }}>
              {s.initiative.title}
            </Typography.Title>
            <Space wrap>
              <SheetStateTag state={recused ? 'recused' : s.status} />
              {s.submitted_at && <Typography.Text type="secondary">{t('evaluation.scoring.submittedAt', { time: formatDateTimeMinutes(s.submitted_at) })}</Typography.Text>}
            </Space>
          </div>
          {mayRecuse && assignment && <RecuseButton assignment={assignment} title={s.initiative.title} />}
        </Flex>
        <Descriptions
          style={{ marginTop: 16 }}
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'unit', label: t('initiatives.unit'), children: s.initiative.organization.name },
            ...(round
              ? [
                  { key: 'round', label: t('evaluation.scoring.round'), children: <Link to={`/evaluation/rounds/${round.id}`}>{round.title}</Link> },
                  {
                    key: 'closes',
                    label: t('evaluation.scoringClosesOn'),
                    children: (
                      <Space size={4}>
                        {formatDate(round.scoring_closes_on)}
                        {round.status === 'scoring' && s.status !== 'submitted' && !recused && <DeadlineTag dueOn={round.scoring_closes_on} />}
                      </Space>
                    ),
                  },
                ]
              : []),
            { key: 'evaluator', label: t('evaluation.scoring.evaluator'), children: s.evaluator.display_name },
          ]}
        />
        {assignment?.reminded_at && !recused && s.status !== 'submitted' && (
          <Alert style={{ marginTop: 16 }} type="warning" showIcon title={t('evaluation.mine.remindedAt', { time: formatDateTimeMinutes(assignment.reminded_at) })} />
        )}
        {s.reopened_reason && s.status !== 'submitted' && (
          <Alert style={{ marginTop: 16 }} type="warning" showIcon title={t('evaluation.scoring.reopenedBecause')} description={s.reopened_reason} />
        )}
      </Card>

      {recused ? (
        <Alert type="info" showIcon title={t('evaluation.scoring.recusedAlert')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Dossier assignmentId={assignmentId} />
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t('evaluation.scoring.sheet')}>
              {!editable && s.status !== 'submitted' && <Alert style={{ marginBottom: 12 }} type="info" showIcon title={t('evaluation.scoring.readOnly')} />}
              <ScoreSheetForm key={`${s.assignment_id}:${generation}:${editable}`} sheet={s} onReload={reload} />
            </Card>
          </Col>
        </Row>
      )}

      {s.status === 'submitted' && !recused && <OthersSheets sheet={s} />}
    </Flex>
  );
}

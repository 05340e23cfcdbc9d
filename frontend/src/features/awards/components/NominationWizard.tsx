import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Form, Input, InputNumber, Radio, Row, Select, Space, Spin, Steps, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formFieldErrors } from '@/api/problem';
import { QueryError } from '@/components/QueryError';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { currentLanguage } from '@/i18n';
import { useMe } from '@/lib/auth';
import {
  AWARD_LIMITS,
  NOMINEE_KINDS,
  awardFormsQuery,
  awardKeys,
  eligibilityQuery,
  nominationQuery,
  useCreateNomination,
  useNominationTransition,
  useUpdateNomination,
  type CreateNomination,
  type Nomination,
  type NomineeKind,
  type NomineeRequest,
  type UpdateNomination,
} from '../api/awards';
import { choiceOf, eligibilityRequest, formName, ineligibleRules, nomineeFields, ruleTitle, type FailedRule } from '../format';
import { proposingUnits } from '../permissions';
import { AwardFormChoice } from './AwardFormChoice';
import { EligibilityChecklist } from './EligibilityChecklist';
import { EvidencePicker } from './EvidencePicker';
import { InitiativePicker, PersonPicker } from './NomineePickers';

interface Values {
  unit_id?: string;
  kind?: NomineeKind;
  initiative_id?: string | null;
  user_id?: string | null;
  organization_id?: string | null;
  award_form_id?: string;
  year?: number | null;
  proposal?: string;
  achievements?: string;
  file_ids?: string[];
}

const STEPS = ['nominee', 'form', 'dossier', 'review'] as const;

/** The step holding a field the API (or the form) found wrong. */
function stepOf(field: string | number | undefined): number {
  switch (field) {
    case 'award_form_id':
    case 'year':
      return 1;
    case 'proposal':
    case 'achievements':
    case 'file_ids':
      return 2;
    default:
      return 0;
  }
}

/** A value that settles `delay` ms after its last change (compared by content). */
function useSettled<T>(value: T, delay: number): T {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState<T>(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as T), delay);
    return () => clearTimeout(timer);
  }, [key, delay]);
  return settled;
}

const NO_REQUEST: NomineeRequest = { award_form_id: '', nominee_kind: 'initiative' };

/** The checklist beside the wizard, asked again whenever the nominee, the form or the year change. */
function LiveChecklist({ request }: { request: NomineeRequest | null }) {
  const { t } = useTranslation();
  const preview = useQuery({ ...eligibilityQuery(request ?? NO_REQUEST), enabled: request !== null });
  if (request === null) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('awards.wizard.checklistEmpty')} />;
  if (preview.isPending) return <Spin description={t('awards.wizard.checking')}><div style={{ minHeight: 80 }} /></Spin>;
  if (preview.isError) return <QueryError error={preview.error} onRetry={() => void preview.refetch()} />;
  return (
    <Flex vertical gap={8} aria-busy={preview.isFetching}>
      {preview.isPlaceholderData && <Typography.Text type="secondary">{t('awards.wizard.checking')}</Typography.Text>}
      <EligibilityChecklist eligibility={preview.data} />
    </Flex>
  );
}

/**
 * "Đề nghị khen thưởng mới" (or a draft being changed): the nominee, the award form and year,
 * the dossier, then a review; the eligibility checklist stays beside it, live. "Lưu nháp" saves
 * the draft; "Gửi đề nghị" saves it and sends it, and a refusal lists the rules that failed.
 */
export function NominationWizard({ nomination }: { nomination?: Nomination }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe();
  const units = proposingUnits(me.data);
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const [saved, setSaved] = useState<Nomination | null>(nomination ?? null);
  const [refused, setRefused] = useState<FailedRule[] | null>(null);
  const forms = useQuery(awardFormsQuery());
  const create = useCreateNomination();
  const update = useUpdateNomination();
  const transition = useNominationTransition();
  const { showError, showSuccess } = useApiFeedback();

  const fixed = nomination ? choiceOf(nomination.nominee) : null;
  const unitId = Form.useWatch('unit_id', { form, preserve: true });
  const watchedKind = Form.useWatch('kind', { form, preserve: true });
  const initiativeId = Form.useWatch('initiative_id', { form, preserve: true });
  const userId = Form.useWatch('user_id', { form, preserve: true });
  const organizationId = Form.useWatch('organization_id', { form, preserve: true });
  const awardFormId = Form.useWatch('award_form_id', { form, preserve: true });
  const year = Form.useWatch('year', { form, preserve: true });
  const fileIds = Form.useWatch('file_ids', { form, preserve: true });
  const kind = fixed?.kind ?? watchedKind;
  const choice = fixed ?? { kind, initiative_id: initiativeId, user_id: userId, organization_id: organizationId };
  const request = useSettled(eligibilityRequest({ ...choice, award_form_id: awardFormId, year }), 300);
  const nomineeInitiative = kind === 'initiative' ? (choice.initiative_id ?? null) : null;
  // The evidence comes from the nominee's unit: the collective itself, else the proposing unit.
  const evidenceUnit = nomination?.organization.id ?? (kind === 'unit' ? organizationId || unitId : unitId);
  const pending = create.isPending || update.isPending || transition.isPending;

  const initialValues: Values = nomination
    ? {
        ...choiceOf(nomination.nominee),
        unit_id: nomination.organization.id,
        award_form_id: nomination.award_form.id,
        year: nomination.year,
        proposal: nomination.proposal,
        achievements: nomination.achievements,
        file_ids: nomination.files.map((f) => f.id),
      }
    : { unit_id: units[0]?.id, kind: 'initiative', year: null, proposal: '', achievements: '', file_ids: [] };

  const next = async () => {
    const names: (keyof Values)[][] = [['unit_id', 'kind', 'initiative_id', 'user_id', 'organization_id'], ['award_form_id', 'year'], ['proposal', 'achievements', 'file_ids'], []];
    try {
      await form.validateFields(names[step]);
      setStep((s) => Math.min(s + 1, STEPS.length - 1));
    } catch {
      // The fields say what is missing.
    }
  };

  /** Saves the draft (creates it the first time), puts a refusal's field errors on their step. */
  const save = async (): Promise<Nomination | null> => {
    try {
      await form.validateFields();
    } catch (e) {
      const first = (e as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]?.name[0];
      setStep(stepOf(first));
      return null;
    }
    const v = form.getFieldsValue(true) as Values;
    const dossier = { proposal: v.proposal?.trim() ?? '', achievements: v.achievements?.trim() ?? '', file_ids: v.file_ids ?? [] };
    try {
      if (saved) {
        const body: UpdateNomination = { award_form_id: v.award_form_id, ...(typeof v.year === 'number' ? { year: v.year } : {}), ...dossier };
        const view = await update.mutateAsync({ id: saved.id, etag: saved.etag, body });
        setSaved(view);
        return view;
      }
      const nominee = nomineeFields(v);
      if (!nominee || !v.award_form_id) return null;
      const body: CreateNomination = { ...nominee, award_form_id: v.award_form_id, year: typeof v.year === 'number' ? v.year : null, ...dossier };
      const view = await create.mutateAsync(body);
      setSaved(view);
      return view;
    } catch (e) {
      showError(e, {
        form,
        onStale: () => {
          if (saved) void qc.fetchQuery({ ...nominationQuery(saved.id), staleTime: 0 }).then(setSaved);
        },
      });
      const first = formFieldErrors(e)[0]?.name[0];
      if (first !== undefined) setStep(stepOf(first));
      return null;
    }
  };

  const saveDraft = async () => {
    setRefused(null);
    const view = await save();
    if (!view) return;
    showSuccess(t('awards.wizard.draftSaved'));
    void navigate(`/awards/nominations/${view.id}`);
  };

  const send = async () => {
    setRefused(null);
    const view = await save();
    if (!view) return;
    try {
      await transition.mutateAsync({ id: view.id, request: { action: 'submit' } });
      showSuccess(t('awards.actions.done.submit'));
      void navigate(`/awards/nominations/${view.id}`);
    } catch (e) {
      void qc.invalidateQueries({ queryKey: ['awards', 'eligibility'] });
      const failed = ineligibleRules(e);
      if (failed.length > 0) setRefused(failed);
      else showError(e);
    }
  };

  const rulesKnown = [...(saved?.eligibility.rules ?? []), ...(qc.getQueryData<{ rules: Nomination['eligibility']['rules'] }>(awardKeys.eligibility(request ?? NO_REQUEST))?.rules ?? [])];
  const titleOf = (code: string) => {
    const rule = rulesKnown.find((r) => r.code === code);
    return rule ? ruleTitle(rule, lang) : code;
  };
  const chosenForm = forms.data?.find((f) => f.id === awardFormId);
  const unitName = (id: string | null | undefined) => units.find((u) => u.id === id)?.name ?? nomination?.organization.name ?? '';

  if (!nomination && units.length === 0) return <Alert type="info" showIcon title={t('awards.wizard.headsOnly')} />;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card>
          <Steps
            current={step}
            onChange={(s) => s < step && setStep(s)}
            items={STEPS.map((s) => ({ title: t(`awards.wizard.steps.${s}`) }))}
            style={{ marginBottom: 24 }}
            size="small"
          />
          <Form<Values>
            form={form}
            name="nomination"
            layout="vertical"
            initialValues={initialValues}
            onValuesChange={(changed: Partial<Values>) => {
              if ('unit_id' in changed) form.setFieldsValue({ initiative_id: null, user_id: null, organization_id: changed.unit_id ?? null, file_ids: [] });
              if ('kind' in changed) {
                form.setFieldsValue({ initiative_id: null, user_id: null, organization_id: changed.kind === 'unit' ? (form.getFieldValue('unit_id') as string | undefined) ?? null : null, file_ids: [] });
              }
              if ('initiative_id' in changed || 'organization_id' in changed) form.setFieldsValue({ file_ids: [] });
            }}
          >
            {/* Every step stays mounted (hidden when not current) so values and API errors survive. */}
            <div hidden={step !== 0}>
              {nomination ? (
                <Descriptions
                  size="small"
                  column={1}
                  style={{ marginBottom: 16 }}
                  items={[
                    { key: 'unit', label: t('awards.nomination.unit'), children: nomination.organization.name },
                    { key: 'kind', label: t('awards.nomination.kind'), children: t(`awards.kinds.${nomination.nominee.kind}`) },
                    { key: 'nominee', label: t('awards.nomination.nominee'), children: nomination.nominee.label },
                  ]}
                />
              ) : (
                <>
                  {units.length > 1 ? (
                    <Form.Item label={t('awards.nomination.unit')} name="unit_id" rules={[{ required: true, message: t('common.required') }]}>
                      <Select options={units.map((u) => ({ value: u.id, label: u.name }))} />
                    </Form.Item>
                  ) : (
                    <Typography.Paragraph>
                      {t('awards.nomination.unit')}: <Typography.Text strong>{units[0]?.name}</Typography.Text>
                    </Typography.Paragraph>
                  )}
                  <Form.Item label={t('awards.wizard.kind')} name="kind" rules={[{ required: true, message: t('common.required') }]}>
                    <Radio.Group optionType="button" buttonStyle="solid" options={NOMINEE_KINDS.map((k) => ({ value: k, label: t(`awards.kinds.${k}`) }))} />
                  </Form.Item>
                  {kind === 'initiative' && (
                    <Form.Item label={t('awards.kinds.initiative')} name="initiative_id" rules={[{ required: true, message: t('awards.wizard.nomineeRequired') }]} extra={t('awards.wizard.initiativeHint')}>
                      <InitiativePicker organizationId={unitId} />
                    </Form.Item>
                  )}
                  {kind === 'person' && (
                    <Form.Item label={t('awards.kinds.person')} name="user_id" rules={[{ required: true, message: t('awards.wizard.nomineeRequired') }]}>
                      <PersonPicker organizationId={unitId} />
                    </Form.Item>
                  )}
                  {kind === 'unit' && (
                    <Form.Item label={t('awards.kinds.unit')} name="organization_id" rules={[{ required: true, message: t('awards.wizard.nomineeRequired') }]}>
                      <Select options={units.map((u) => ({ value: u.id, label: u.name }))} placeholder={t('awards.wizard.selectUnit')} />
                    </Form.Item>
                  )}
                </>
              )}
            </div>

            <div hidden={step !== 1}>
              <Form.Item label={t('awards.nomination.awardForm')} name="award_form_id" rules={[{ required: true, message: t('awards.wizard.formRequired') }]}>
                {forms.isError ? <QueryError error={forms.error} onRetry={() => void forms.refetch()} /> : <AwardFormChoice forms={forms.data ?? []} kind={kind} />}
              </Form.Item>
              <Form.Item label={t('awards.nomination.year')} name="year" extra={t('awards.wizard.yearHint')}>
                <InputNumber min={AWARD_LIMITS.minYear} max={AWARD_LIMITS.maxYear} precision={0} placeholder={t('awards.wizard.yearDefault')} style={{ width: 200 }} />
              </Form.Item>
            </div>

            <div hidden={step !== 2}>
              <Form.Item
                label={t('awards.nomination.proposal')}
                name="proposal"
                extra={t('awards.wizard.proposalHint')}
                rules={[{ max: AWARD_LIMITS.proposal, message: t('common.tooLong', { max: AWARD_LIMITS.proposal }) }]}
              >
                <Input.TextArea autoSize={{ minRows: 5, maxRows: 16 }} />
              </Form.Item>
              <Form.Item
                label={t('awards.nomination.achievements')}
                name="achievements"
                extra={t('awards.wizard.achievementsHint')}
                rules={[{ max: AWARD_LIMITS.achievements, message: t('common.tooLong', { max: AWARD_LIMITS.achievements }) }]}
              >
                <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} />
              </Form.Item>
              <Form.Item
                label={t('awards.nomination.files')}
                name="file_ids"
                extra={t('awards.wizard.filesHint')}
                rules={[{ type: 'array', max: AWARD_LIMITS.files, message: t('awards.wizard.tooManyFiles', { max: AWARD_LIMITS.files }) }]}
              >
                <EvidencePicker initiativeId={nomineeInitiative} unitId={evidenceUnit} known={nomination?.files} />
              </Form.Item>
            </div>

            <div hidden={step !== 3}>
              <Descriptions
                bordered
                size="small"
                column={1}
                items={[
                  { key: 'unit', label: t('awards.nomination.unit'), children: unitName(unitId) },
                  { key: 'kind', label: t('awards.nomination.kind'), children: kind ? t(`awards.kinds.${kind}`) : '' },
                  { key: 'nominee', label: t('awards.nomination.nominee'), children: nomination?.nominee.label ?? <NomineeName kind={kind} values={{ initiative_id: initiativeId, user_id: userId, organization_id: organizationId }} units={units} /> },
                  { key: 'form', label: t('awards.nomination.awardForm'), children: chosenForm ? formName(chosenForm, lang) : '' },
                  { key: 'year', label: t('awards.nomination.year'), children: typeof year === 'number' ? String(year) : t('awards.wizard.yearDefault') },
                  { key: 'files', label: t('awards.nomination.files'), children: t('awards.wizard.filesChosen', { count: fileIds?.length ?? 0 }) },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                {t('awards.wizard.reviewHint')}
              </Typography.Paragraph>
            </div>
          </Form>

          {refused && (
            <Alert
              type="error"
              showIcon
              data-testid="submit-refused"
              style={{ marginBottom: 16 }}
              title={t('awards.wizard.refusedTitle')}
              description={
                <Flex vertical gap={4}>
                  <span>{t('awards.wizard.refusedSaved')}</span>
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {refused.map((r) => (
                      <li key={r.code} style={{ color: '#cf1322' }}>
                        <strong>{titleOf(r.code)}</strong>: {r.message}
                      </li>
                    ))}
                  </ul>
                  {saved && <Link to={`/awards/nominations/${saved.id}`}>{t('awards.wizard.openDraft')}</Link>}
                </Flex>
              }
            />
          )}

          <Flex justify="space-between" wrap gap={8}>
            <Space wrap>
              {step > 0 && <Button onClick={() => setStep((s) => s - 1)}>{t('awards.wizard.back')}</Button>}
              <Link to={nomination ? `/awards/nominations/${nomination.id}` : '/awards'}>
                <Button type="text">{t('common.cancel')}</Button>
              </Link>
            </Space>
            <Space wrap>
              {step < STEPS.length - 1 ? (
                <Button type="primary" onClick={() => void next()}>
                  {t('awards.wizard.next')}
                </Button>
              ) : (
                <>
                  <Button loading={pending && !transition.isPending} disabled={pending} onClick={() => void saveDraft()}>
                    {t('awards.wizard.saveDraft')}
                  </Button>
                  <Button type="primary" loading={pending} onClick={() => void send()}>
                    {t('awards.wizard.send')}
                  </Button>
                </>
              )}
            </Space>
          </Flex>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('awards.checklist.label')} style={{ position: 'sticky', top: 16 }}>
          <LiveChecklist request={request} />
        </Card>
      </Col>
    </Row>
  );
}

/** The chosen nominee's name on the review step (the pickers' labels are in the query cache). */
function NomineeName({ kind, values, units }: { kind?: NomineeKind; values: { initiative_id?: string | null; user_id?: string | null; organization_id?: string | null }; units: { id: string; name: string }[] }) {
  const qc = useQueryClient();
  if (kind === 'unit') return <>{units.find((u) => u.id === values.organization_id)?.name ?? ''}</>;
  const id = kind === 'initiative' ? values.initiative_id : values.user_id;
  if (!id) return null;
  const key = kind === 'initiative' ? ['initiatives', 'list'] : ['users', 'list'];
  for (const [, page] of qc.getQueriesData<{ items: { id: string; title?: string; display_name?: string }[] }>({ queryKey: key })) {
    const hit = page?.items.find((x) => x.id === id);
    if (hit) return <>{hit.title ?? hit.display_name}</>;
  }
  return null;
}

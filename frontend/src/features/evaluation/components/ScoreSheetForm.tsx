import { useCallback, useEffect, useRef, useState } from 'react';
import { App, Button, Card, Flex, Form, Input, InputNumber, Popconfirm, Radio, Tag, Typography, type FormInstance } from 'antd';
import { CheckCircleOutlined, CloudSyncOutlined, ExclamationCircleOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formFieldErrors, isApiError } from '@/api/problem';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { currentLanguage } from '@/i18n';
import { formatDateTime } from '@/lib/dates';
import { EVALUATION_LIMITS, useSaveSheet, useSubmitSheet, type Criterion, type Sheet } from '../api/evaluation';
import { formatPoints, formatTotal, missingCriteria, runningTotal, sheetFieldName, sheetFormValues, toSaveRequest, type SheetValues } from '../format';

/** How long the form waits after the last keystroke before saving the draft. */
export const AUTOSAVE_DELAY_MS = 1500;

type SaveState = { kind: 'idle' } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'invalid' } | { kind: 'failed' };

const outOfRange = (values: Partial<SheetValues>, criteria: readonly Criterion[]) =>
  criteria.some((c) => {
    const s = values.scores?.[c.code];
    return !c.gate && typeof s === 'number' && (s < 0 || s > c.max_points);
  });

/** "Đã lưu nháp lúc 10:32:05": the time of day in Vietnam. */
const timeOfDay = (instant: string) => formatDateTime(instant).slice(11);

function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const text = (() => {
    switch (state.kind) {
      case 'idle':
        return null;
      case 'dirty':
        return <Typography.Text type="secondary">{t('evaluation.scoring.unsaved')}</Typography.Text>;
      case 'saving':
        return (
          <Typography.Text type="secondary">
            <CloudSyncOutlined aria-hidden /> <span>{t('evaluation.scoring.saving')}</span>
          </Typography.Text>
        );
      case 'saved':
        return (
          <Typography.Text type="success">
            <CheckCircleOutlined aria-hidden /> <span>{t('evaluation.scoring.savedAt', { time: timeOfDay(state.at) })}</span>
          </Typography.Text>
        );
      case 'invalid':
        return (
          <Typography.Text type="warning">
            <ExclamationCircleOutlined aria-hidden /> <span>{t('evaluation.scoring.invalid')}</span>
          </Typography.Text>
        );
      case 'failed':
        return (
          <Typography.Text type="danger">
            <ExclamationCircleOutlined aria-hidden /> <span>{t('evaluation.scoring.saveFailed')}</span>
          </Typography.Text>
        );
    }
  })();
  return (
    <span role="status" aria-live="polite">
      {text}
    </span>
  );
}

interface Props {
  sheet: Sheet;
  /** The sheet changed under the form (submitted elsewhere, reopened, the round closed): reload it. */
  onReload: () => void;
  /** Milliseconds between the last change and the draft's save. */
  autosaveDelay?: number;
}

/**
 * The evaluator's sheet: each criterion with its maximum and guidance, a score within [0, max]
 * (or pass/fail for a gate) and a comment, then the overall comment. Drafts save themselves a
 * moment after each change (PUT with If-Match, one at a time); submitting saves what is left,
 * checks every criterion is scored and locks the sheet.
 */
export function ScoreSheetForm({ sheet, onReload, autosaveDelay = AUTOSAVE_DELAY_MS }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { message } = App.useApp();
  const { showError, showSuccess, toText } = useApiFeedback();
  const [form] = Form.useForm<SheetValues>();
  const { mutateAsync: saveDraft } = useSaveSheet();
  const submitSheet = useSubmitSheet();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const values = Form.useWatch([], form) as Partial<SheetValues> | undefined;
  const editable = sheet.allowed_actions.includes('save');
  const criteria = sheet.criteria;
  const assignmentId = sheet.assignment_id;

  // Kept outside render: the etag of the last save, the pending timer, the save in flight.
  const etag = useRef(sheet.etag);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<boolean> | null>(null);
  const dirty = useRef(false);

  const putFieldErrors = useCallback(
    (error: unknown) => {
      const fields = formFieldErrors(error).map((f) => ({ ...f, name: sheetFieldName(f.name, criteria) }));
      // The API's paths (`scores.<code>`) are checked against the form's names by sheetFieldName.
      if (fields.length > 0) (form as FormInstance).setFields(fields);
      return fields.length > 0;
    },
    [form, criteria],
  );

  /** Saves the draft if it changed, after any save in flight; resolves to whether it is saved. */
  const save = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (inflight.current) await inflight.current;
    if (!dirty.current) return true;
    const current = form.getFieldsValue(true) as SheetValues;
    if (outOfRange(current, criteria)) {
      setState({ kind: 'invalid' });
      return false;
    }
    dirty.current = false;
    setState({ kind: 'saving' });
    const run = saveDraft({ assignmentId, etag: etag.current, body: toSaveRequest(current, criteria) }).then(
      (view) => {
        etag.current = view.etag;
        setState(dirty.current ? { kind: 'dirty' } : { kind: 'saved', at: new Date().toISOString() });
        return true;
      },
      (error: unknown) => {
        dirty.current = true;
        setState({ kind: 'failed' });
        if (isApiError(error) && (error.status === 409 || error.status === 412)) {
          showError(error, { onStale: onReload });
          if (error.status === 409) onReload();
        } else if (putFieldErrors(error)) {
          void message.error(toText(error));
        } else {
          showError(error);
        }
        return false;
      },
    );
    inflight.current = run.finally(() => {
      inflight.current = null;
    });
    return run;
  }, [assignmentId, criteria, form, saveDraft, showError, onReload, putFieldErrors, message, toText]);

  // Leaving the page saves what is pending rather than dropping it.
  const latestSave = useRef(save);
  useEffect(() => {
    latestSave.current = save;
  }, [save]);
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
        void latestSave.current();
      }
    },
    [],
  );

  const onValuesChange = () => {
    if (!editable) return;
    dirty.current = true;
    setState({ kind: 'dirty' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), autosaveDelay);
  };

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    if (!(await save())) return;
    const current = form.getFieldsValue(true) as SheetValues;
    const missing = missingCriteria(current, criteria);
    if (missing.length > 0) {
      form.setFields(missing.map((c) => ({ name: c.gate ? ['gates', c.code] : ['scores', c.code], errors: [t('evaluation.scoring.missing')] })));
      void message.error(t('evaluation.scoring.missingCount', { count: missing.length }));
      return;
    }
    submitSheet.mutate(assignmentId, {
      onSuccess: () => showSuccess(t('evaluation.scoring.submitted')),
      onError: (error) => {
        if (putFieldErrors(error)) void message.error(toText(error));
        else showError(error, { onStale: onReload });
        if (isApiError(error) && error.status === 409) onReload();
      },
    });
  };

  const name = (c: Criterion) => (lang === 'en' ? c.name_en : c.name_vi);
  const total = values ? runningTotal(values, criteria) : sheet.total;

  return (
    <Form<SheetValues>
      form={form}
      name="score-sheet"
      layout="vertical"
      disabled={!editable}
      initialValues={sheetFormValues(sheet)}
      onValuesChange={onValuesChange}
    >
      <Flex vertical gap={12}>
        {criteria.map((c, i) => (
          <Card
            key={c.code}
            size="small"
            title={<span style={{ whiteSpace: 'normal' }}>{`${i + 1}. ${name(c)}`}</span>}
            extra={c.gate ? <Tag color="purple">{t('evaluation.scoring.gate')}</Tag> : <Tag>{t('evaluation.scoring.maxPoints', { max: formatPoints(c.max_points, lang) })}</Tag>}
          >
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              <Typography.Text strong type="secondary">
                {t('evaluation.scoring.guidance')}:{' '}
              </Typography.Text>
              <span lang="vi">{c.guidance_vi}</span>
            </Typography.Paragraph>
            {c.gate ? (
              <Form.Item name={['gates', c.code]} label={t('evaluation.scoring.gateOf', { name: name(c) })}>
                <Radio.Group
                  aria-label={t('evaluation.scoring.gateOf', { name: name(c) })}
                  options={[
                    { value: true, label: t('evaluation.scoring.passed') },
                    { value: false, label: t('evaluation.scoring.failed') },
                  ]}
                />
              </Form.Item>
            ) : (
              <Form.Item
                name={['scores', c.code]}
                label={`${t('evaluation.scoring.points')} (0–${formatPoints(c.max_points, lang)})`}
                rules={[{ type: 'number', min: 0, max: c.max_points, message: t('evaluation.scoring.pointsRange', { max: formatPoints(c.max_points, lang) }) }]}
              >
                <InputNumber aria-label={t('evaluation.scoring.pointsOf', { name: name(c) })} style={{ width: 160 }} decimalSeparator={lang === 'vi' ? ',' : '.'} />
              </Form.Item>
            )}
            <Form.Item
              name={['comments', c.code]}
              label={t('evaluation.scoring.comment')}
              rules={[{ max: EVALUATION_LIMITS.comment, message: t('common.tooLong', { max: EVALUATION_LIMITS.comment }) }]}
              style={{ marginBottom: 0 }}
            >
              <Input.TextArea aria-label={t('evaluation.scoring.commentOf', { name: name(c) })} autoSize={{ minRows: 1, maxRows: 6 }} />
            </Form.Item>
          </Card>
        ))}
        <Form.Item
          name="overall_comment"
          label={t('evaluation.scoring.overallComment')}
          rules={[{ max: EVALUATION_LIMITS.overallComment, message: t('common.tooLong', { max: EVALUATION_LIMITS.overallComment }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Flex vertical gap={4}>
            <Typography.Text strong data-testid="sheet-total">
              {`${t('evaluation.scoring.total')}: ${formatTotal(total, sheet.max_total, lang)}`}
            </Typography.Text>
            {editable && <SaveStatus state={state} />}
          </Flex>
          {sheet.allowed_actions.includes('submit') && (
            <Popconfirm
              title={t('evaluation.scoring.submit')}
              description={t('evaluation.scoring.submitConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => void submit()}
            >
              <Button type="primary" icon={<SendOutlined aria-hidden />} loading={submitSheet.isPending}>
                {t('evaluation.scoring.submit')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      </Flex>
    </Form>
  );
}

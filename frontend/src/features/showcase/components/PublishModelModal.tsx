import { useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Flex, Form, Input, Modal, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { StarOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formFieldErrors } from '@/api/problem';
import { QueryError } from '@/components/QueryError';
import { initiativeFilesQuery } from '@/features/files/api/files';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { currentLanguage } from '@/i18n';
import { useMe } from '@/lib/auth';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '@/lib/dates';
import { vietnamToday } from '@/lib/deadline';
import { SHOWCASE_LIMITS, showcaseByInitiativeQuery, usePublishModel, useUpdateModel, type ShowcaseModel, type UpdateModel } from '../api/showcase';
import { formatSize } from '../format';
import { canPublish } from '../permissions';

/** What publishing needs of an initiative (its view has more). */
export interface PublishableInitiative {
  id: string;
  title: string;
  status: string;
  summary: string;
  expected_results: string;
}

interface Values {
  summary: string;
  results: string;
  recognized_on?: Dayjs | null;
}

/** A file that may be published: one of the initiative's, or one already published with the model. */
interface FileChoice {
  id: string;
  name: string;
  size_bytes: number;
}

interface ContentModalProps {
  /** The evidence is chosen among this initiative's files. */
  initiativeId: string;
  formName: string;
  title: string;
  okText: string;
  initialValues: Values;
  /** Files chosen at the start, with their captions. */
  initialChosen?: ReadonlyMap<string, string>;
  /** Already published: still offered (to keep or withdraw) should the initiative no longer list one. */
  published?: readonly FileChoice[];
  pending: boolean;
  /** Sends the content; `onError` puts a refusal on the form. */
  onSubmit: (content: UpdateModel, onError: (e: unknown) => void) => void;
  onClose: () => void;
}

/**
 * What the showcase shows of a model: a summary and results written for the public, the
 * recognition day and the evidence chosen for publication (nothing else of the dossier becomes
 * public). Used to publish an initiative and to change a published model.
 */
function ModelContentModal({ initiativeId, formName, title, okText, initialValues, initialChosen, published = [], pending, onSubmit, onClose }: ContentModalProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [form] = Form.useForm<Values>();
  const files = useQuery(initiativeFilesQuery(initiativeId));
  const { toText } = useApiFeedback();
  const [chosen, setChosen] = useState<Map<string, string>>(() => new Map(initialChosen));
  const [refusal, setRefusal] = useState<string | null>(null);
  const today = vietnamToday();

  const listed: FileChoice[] = (files.data ?? []).map((f) => ({ id: f.id, name: f.original_name, size_bytes: f.size_bytes }));
  const choices = [...listed, ...published.filter((p) => !listed.some((f) => f.id === p.id))];

  const toggle = (id: string, on: boolean) =>
    setChosen((old) => {
      const next = new Map(old);
      if (on) next.set(id, next.get(id) ?? '');
      else next.delete(id);
      return next;
    });
  const setCaption = (id: string, caption: string) => setChosen((old) => new Map(old).set(id, caption));

  const onFinish = (v: Values) => {
    setRefusal(null);
    onSubmit(
      {
        summary: v.summary.trim(),
        results: v.results.trim(),
        recognized_on: toIsoDate(v.recognized_on) ?? '',
        files: [...chosen].map(([file_id, caption]) => ({ file_id, ...(caption.trim() ? { caption: caption.trim() } : {}) })),
      },
      (e) => {
        const fields = formFieldErrors(e).filter((f) => f.name[0] !== 'files');
        if (fields.length > 0) (form as FormInstance).setFields(fields);
        setRefusal(toText(e));
      },
    );
  };

  return (
    <Modal
      open
      width={760}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} role="alert" />}
      <Alert type="info" showIcon role="note" title={t('showcase.publish.publicNotice')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} name={formName} layout="vertical" onFinish={onFinish} initialValues={initialValues}>
        <Form.Item
          label={t('showcase.publish.summary')}
          name="summary"
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: SHOWCASE_LIMITS.summary, message: t('common.tooLong', { max: SHOWCASE_LIMITS.summary }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item
          label={t('showcase.publish.results')}
          name="results"
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            { max: SHOWCASE_LIMITS.results, message: t('common.tooLong', { max: SHOWCASE_LIMITS.results }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item
          label={t('showcase.publish.recognizedOn')}
          name="recognized_on"
          rules={[
            { required: true, message: t('common.required') },
            {
              validator: async (_, v: Dayjs | null | undefined) => {
                if (v && toIsoDate(v)! > today) throw new Error(t('showcase.publish.notInFuture'));
              },
            },
          ]}
        >
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
      </Form>
      <Flex vertical gap={8} role="group" aria-label={t('showcase.publish.files')}>
        <Typography.Text strong>{t('showcase.publish.files')}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('showcase.publish.filesHint')}
        </Typography.Text>
        {files.isError && <QueryError error={files.error} onRetry={() => void files.refetch()} />}
        {choices.length === 0 ? (
          files.isError ? null : <Typography.Text type="secondary">{files.isPending ? t('app.loading') : t('showcase.publish.noFiles')}</Typography.Text>
        ) : (
          choices.map((f) => (
            <Flex key={f.id} gap={8} align="center" wrap>
              <Checkbox checked={chosen.has(f.id)} onChange={(e) => toggle(f.id, e.target.checked)} style={{ flex: '1 1 260px' }}>
                {f.name} <Typography.Text type="secondary">({formatSize(f.size_bytes, lang)})</Typography.Text>
              </Checkbox>
              <Input
                style={{ flex: '1 1 240px' }}
                disabled={!chosen.has(f.id)}
                maxLength={SHOWCASE_LIMITS.caption}
                aria-label={t('showcase.publish.captionFor', { name: f.name })}
                placeholder={t('showcase.publish.caption')}
                value={chosen.get(f.id) ?? ''}
                onChange={(e) => setCaption(f.id, e.target.value)}
              />
            </Flex>
          ))
        )}
      </Flex>
    </Modal>
  );
}

/**
 * "Công nhận điển hình, đưa vào danh mục": the authority publishes an accepted initiative to
 * the public showcase, then the model's public page opens.
 */
export function PublishModelModal({ initiative, onClose }: { initiative: PublishableInitiative; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const publish = usePublishModel();
  const { showSuccess } = useApiFeedback();
  return (
    <ModelContentModal
      initiativeId={initiative.id}
      formName="showcase-publish"
      title={t('showcase.publish.title', { title: initiative.title })}
      okText={t('showcase.publish.submit')}
      initialValues={{ summary: initiative.summary, results: initiative.expected_results, recognized_on: dayjs(vietnamToday(), 'YYYY-MM-DD') }}
      pending={publish.isPending}
      onClose={onClose}
      onSubmit={(content, onError) =>
        publish.mutate(
          { initiative_id: initiative.id, ...content },
          {
            onSuccess: (view) => {
              showSuccess(t('showcase.publish.saved'));
              onClose();
              void navigate(`/showcase/${view.id}`);
            },
            onError,
          },
        )
      }
    />
  );
}

/** What changing a model needs of its view. */
export type EditableModel = Pick<ShowcaseModel, 'id' | 'initiative_id' | 'title' | 'summary' | 'results' | 'recognized_on' | 'evidence'>;

/**
 * "Sửa nội dung công bố": the authority changes a published model's summary, results,
 * recognition day and published evidence (chosen again among the initiative's files).
 */
export function EditModelModal({ model, onClose }: { model: EditableModel; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateModel(model.id);
  const { showSuccess } = useApiFeedback();
  return (
    <ModelContentModal
      initiativeId={model.initiative_id}
      formName="showcase-edit"
      title={t('showcase.edit.title', { title: model.title })}
      okText={t('common.save')}
      initialValues={{ summary: model.summary, results: model.results, recognized_on: fromIsoDate(model.recognized_on) }}
      initialChosen={new Map(model.evidence.map((f) => [f.id, f.caption ?? '']))}
      published={model.evidence.map((f) => ({ id: f.id, name: f.name, size_bytes: f.size_bytes }))}
      pending={update.isPending}
      onClose={onClose}
      onSubmit={(content, onError) =>
        update.mutate(content, {
          onSuccess: () => {
            showSuccess(t('showcase.edit.saved'));
            onClose();
          },
          onError,
        })
      }
    />
  );
}

/** On an accepted initiative's page, for the authority over its unit. */
export function PublishModelButton({ initiative }: { initiative: PublishableInitiative }) {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState(false);
  if (initiative.status !== 'accepted' || !canPublish(me.data)) return null;
  return (
    <>
      <Button icon={<StarOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('showcase.publish.button')}
      </Button>
      {open && <PublishModelModal initiative={initiative} onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * The showcase on an initiative's page: once it is a typical model, the link to its public page
 * ("Xem trên trang điển hình"); until then, for the authority, the publish button.
 */
export function InitiativeShowcaseAction({ initiative }: { initiative: PublishableInitiative }) {
  const { t } = useTranslation();
  // Only an accepted initiative can be in the showcase.
  const accepted = initiative.status === 'accepted';
  const model = useQuery({ ...showcaseByInitiativeQuery(initiative.id), enabled: accepted });
  if (!accepted || model.isPending) return null;
  if (model.data) {
    return (
      <Link to={`/showcase/${model.data.id}`}>
        <StarOutlined aria-hidden /> {t('showcase.inShowcase')}
      </Link>
    );
  }
  // Not found, or the showcase did not answer: the API refuses a second publication anyway.
  return <PublishModelButton initiative={initiative} />;
}

import { useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Flex, Form, Input, Modal, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { StarOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formFieldErrors } from '@/api/problem';
import { QueryError } from '@/components/QueryError';
import { initiativeFilesQuery } from '@/features/files/api/files';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { currentLanguage } from '@/i18n';
import { useMe } from '@/lib/auth';
import { DATE_FORMAT, toIsoDate } from '@/lib/dates';
import { vietnamToday } from '@/lib/deadline';
import { SHOWCASE_LIMITS, usePublishModel } from '../api/showcase';
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

/**
 * "Công nhận điển hình, đưa vào danh mục": the authority publishes an accepted initiative to
 * the public showcase, with a summary and results written for the public and the evidence
 * chosen for publication (nothing else of the dossier becomes public).
 */
export function PublishModelModal({ initiative, onClose }: { initiative: PublishableInitiative; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const files = useQuery(initiativeFilesQuery(initiative.id));
  const publish = usePublishModel();
  const { showSuccess, toText } = useApiFeedback();
  const [chosen, setChosen] = useState<Map<string, string>>(() => new Map());
  const [refusal, setRefusal] = useState<string | null>(null);
  const today = vietnamToday();

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
    publish.mutate(
      {
        initiative_id: initiative.id,
        summary: v.summary.trim(),
        results: v.results.trim(),
        recognized_on: toIsoDate(v.recognized_on) ?? '',
        files: [...chosen].map(([file_id, caption]) => ({ file_id, ...(caption.trim() ? { caption: caption.trim() } : {}) })),
      },
      {
        onSuccess: (view) => {
          showSuccess(t('showcase.publish.saved'));
          onClose();
          void navigate(`/showcase/${view.id}`);
        },
        onError: (e) => {
          const fields = formFieldErrors(e).filter((f) => f.name[0] !== 'files');
          if (fields.length > 0) (form as FormInstance).setFields(fields);
          setRefusal(toText(e));
        },
      },
    );
  };

  return (
    <Modal
      open
      width={760}
      title={t('showcase.publish.title', { title: initiative.title })}
      okText={t('showcase.publish.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={publish.isPending}
      destroyOnHidden
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} role="alert" />}
      <Alert type="info" showIcon role="note" title={t('showcase.publish.publicNotice')} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        name="showcase-publish"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ summary: initiative.summary, results: initiative.expected_results, recognized_on: dayjs(today, 'YYYY-MM-DD') }}
      >
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
        {files.isError ? (
          <QueryError error={files.error} onRetry={() => void files.refetch()} />
        ) : (files.data ?? []).length === 0 ? (
          <Typography.Text type="secondary">{files.isPending ? t('app.loading') : t('showcase.publish.noFiles')}</Typography.Text>
        ) : (
          (files.data ?? []).map((f) => (
            <Flex key={f.id} gap={8} align="center" wrap>
              <Checkbox checked={chosen.has(f.id)} onChange={(e) => toggle(f.id, e.target.checked)} style={{ flex: '1 1 260px' }}>
                {f.original_name} <Typography.Text type="secondary">({formatSize(f.size_bytes, lang)})</Typography.Text>
              </Checkbox>
              <Input
                style={{ flex: '1 1 240px' }}
                disabled={!chosen.has(f.id)}
                maxLength={SHOWCASE_LIMITS.caption}
                aria-label={t('showcase.publish.captionFor', { name: f.original_name })}
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

import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, DatePicker, Divider, Flex, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/problem';
import { ExportButtons } from '@/components/ExportButtons';
import { OrganizationSelect } from '@/components/OrganizationSelect';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { currentLanguage } from '@/i18n';
import { useMe } from '@/lib/auth';
import { DATE_FORMAT, toIsoDate } from '@/lib/dates';
import { AWARD_LIMITS, awardFileUrls, awardFormsQuery, fetchAwardFile, nominationListQuery, useCreateDecision, type AwardDecisionRequest, type Nomination } from '../api/awards';
import { formName, nominationErrors } from '../format';
import { canRecordDecisions, issuingAuthorities } from '../permissions';
import { recentYears } from './useNominationFilters';
import { NomineeKindTag } from './tags';

interface Values {
  organization_id?: string;
  award_form_id?: string | null;
  year?: number | null;
  nomination_ids: string[];
  number: string;
  signed_on?: Dayjs | null;
  signer_name: string;
  signer_title: string;
  ceremony_on?: Dayjs | null;
  ceremony_note?: string;
}

/** The API reads "1234/QĐ-UBND": digits, a slash, then the symbol. */
const NUMBER_PATTERN = /^\d{1,10}\/[^\s/][^\s]*$/u;
const MAX_LISTED = 100;

interface PickerProps {
  value?: string[];
  onChange?: (ids: string[]) => void;
  items: Nomination[];
  loading: boolean;
  rowErrors: Record<string, string[]>;
}

/** The approved nominations, each with a checkbox; a refused one shows the API's message on its row. */
function ApprovedNominations({ value = [], onChange, items, loading, rowErrors }: PickerProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Table<Nomination>
      rowKey="id"
      size="small"
      aria-label={t('awards.decision.approvedLabel')}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={items}
      locale={{ emptyText: t('awards.decision.noApproved') }}
      rowSelection={{
        selectedRowKeys: value,
        onChange: (keys) => onChange?.(keys.map(String)),
        getCheckboxProps: (n) => ({ 'aria-label': t('awards.decision.choose', { nominee: n.nominee.label }) }),
      }}
      columns={[
        {
          title: t('awards.nomination.nominee'),
          key: 'nominee',
          render: (_, n) => (
            <Flex vertical gap={2} style={{ maxWidth: 380, whiteSpace: 'normal' }}>
              <span>
                <NomineeKindTag kind={n.nominee.kind} /> <Link to={`/awards/nominations/${n.id}`}>{n.nominee.label}</Link>
              </span>
              {rowErrors[n.id]?.map((m) => (
                <Typography.Text key={m} type="danger">
                  {m}
                </Typography.Text>
              ))}
            </Flex>
          ),
        },
        { title: t('awards.nomination.awardForm'), key: 'form', render: (_, n) => <span style={{ display: 'inline-block', maxWidth: 280, whiteSpace: 'normal' }}>{formName(n.award_form, lang)}</span> },
        { title: t('awards.nomination.year'), dataIndex: 'year', key: 'year' },
        { title: t('awards.nomination.unit'), key: 'unit', render: (_, n) => n.organization.name },
      ]}
    />
  );
}

/**
 * `/awards/decisions/new`, "Ghi nhận quyết định": the approved nominations it grants (checkboxes),
 * the number, date, signer and issuing authority, the ceremony; the draft decision (Word, Excel)
 * from the same selection of approved nominations. The API's field errors land on their fields.
 */
export default function DecisionFormPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const [rowErrors, setRowErrors] = useState<Record<string, string[]>>({});
  const create = useCreateDecision();
  const { showError, showSuccess } = useApiFeedback();
  const forms = useQuery(awardFormsQuery());
  const organizationId = Form.useWatch('organization_id', form);
  const awardFormId = Form.useWatch('award_form_id', form) ?? undefined;
  const year = Form.useWatch('year', form) ?? undefined;
  const approved = useQuery({
    ...nominationListQuery({ status: 'approved', organization_id: organizationId, award_form_id: awardFormId, year, per_page: MAX_LISTED }),
    enabled: !!organizationId,
  });
  const authority = issuingAuthorities(me.data)[0]?.id ?? me.data?.organization.id;

  const onFinish = (v: Values) => {
    setRowErrors({});
    const body: AwardDecisionRequest = {
      number: v.number.trim(),
      signed_on: toIsoDate(v.signed_on) ?? '',
      signer_name: v.signer_name.trim(),
      signer_title: v.signer_title.trim(),
      organization_id: v.organization_id ?? '',
      ceremony_on: toIsoDate(v.ceremony_on),
      ceremony_note: v.ceremony_note?.trim() || null,
      nomination_ids: v.nomination_ids,
    };
    create.mutate(body, {
      onSuccess: (d) => {
        showSuccess(t('awards.decision.created', { number: d.number }));
        void navigate(`/awards/decisions/${d.id}`);
      },
      onError: (e) => {
        showError(e, { form });
        const rows = nominationErrors(e);
        setRowErrors(rows);
        if (Object.keys(rows).length > 0) form.setFields([{ name: 'nomination_ids', errors: [t('awards.decision.someRefused')] }]);
        if (isApiError(e) && e.code === 'duplicate_number') form.setFields([{ name: 'number', errors: [e.problem?.[lang === 'en' ? 'message_en' : 'message_vi'] ?? e.message] }]);
      },
    });
  };

  const items = approved.data?.items ?? [];
  // The issuing authority starts as the officer's own: wait for who they are.
  if (me.isPending) return <PageSpinner />;

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/awards/decisions">{t('awards.nav.decisions')}</Link> }, { title: t('awards.decision.create') }]} />
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('awards.decision.create')}
      </Typography.Title>
      {!canRecordDecisions(me.data) && <Alert type="info" showIcon title={t('awards.decision.officersOnly')} />}
      <Card>
        <Form<Values>
          form={form}
          name="award-decision"
          layout="vertical"
          onFinish={onFinish}
          style={{ maxWidth: 1100 }}
          initialValues={{ organization_id: authority, nomination_ids: [], signed_on: dayjs(), number: '', signer_name: '', signer_title: '' }}
          onValuesChange={(changed: Partial<Values>) => {
            // Another authority, form or year lists other nominations: start the choice again.
            if ('organization_id' in changed || 'award_form_id' in changed || 'year' in changed) {
              form.setFieldsValue({ nomination_ids: [] });
              setRowErrors({});
            }
          }}
        >
          <Flex wrap gap={16}>
            <Form.Item label={t('awards.decision.authority')} name="organization_id" rules={[{ required: true, message: t('common.required') }]} style={{ flex: '2 1 360px' }}>
              {/* A decision signed earlier may come from an authority abolished since (Quận 1 until 30/6/2025). */}
              <OrganizationSelect allowEnded />
            </Form.Item>
            <Form.Item label={t('awards.nomination.awardForm')} name="award_form_id" style={{ flex: '2 1 320px' }}>
              <Select
                allowClear
                placeholder={t('awards.filters.allForms')}
                loading={forms.isPending}
                options={(forms.data ?? []).map((f) => ({ value: f.id, label: formName(f, lang) }))}
              />
            </Form.Item>
            <Form.Item label={t('awards.nomination.year')} name="year" style={{ flex: '0 0 160px' }}>
              <Select allowClear placeholder={t('awards.filters.allYears')} options={recentYears().map((y) => ({ value: y, label: String(y) }))} />
            </Form.Item>
          </Flex>

          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t('awards.decision.approvedTitle')}</Typography.Text>
            <ExportButtons
              size="small"
              fetchFile={(format) => fetchAwardFile(awardFileUrls.draftDecision(format, { organization_id: organizationId, award_form_id: awardFormId, year }))}
              labels={{ docx: t('awards.export.draftDocx'), xlsx: t('awards.export.draftXlsx') }}
              fallbackName={(format) => `Du-thao-quyet-dinh-khen-thuong.${format}`}
              failed={t('awards.export.failed')}
              formats={['docx', 'xlsx']}
            />
          </Flex>
          {approved.isError ? (
            <QueryError error={approved.error} onRetry={() => void approved.refetch()} />
          ) : (
            <Form.Item
              name="nomination_ids"
              rules={[
                { type: 'array', min: 1, message: t('awards.decision.chooseAtLeastOne') },
                { type: 'array', max: AWARD_LIMITS.decisionNominations, message: t('awards.decision.tooMany', { max: AWARD_LIMITS.decisionNominations }) },
              ]}
              extra={(approved.data?.total ?? 0) > MAX_LISTED ? t('awards.decision.moreThanListed', { shown: MAX_LISTED, total: approved.data?.total ?? 0 }) : undefined}
            >
              <ApprovedNominations items={items} loading={approved.isFetching} rowErrors={rowErrors} />
            </Form.Item>
          )}

          <Divider titlePlacement="start">{t('awards.decision.document')}</Divider>
          <Flex wrap gap={16}>
            <Form.Item
              label={t('awards.decision.number')}
              name="number"
              extra={t('awards.decision.numberHint')}
              rules={[
                { required: true, whitespace: true, message: t('common.required') },
                { max: AWARD_LIMITS.number, message: t('common.tooLong', { max: AWARD_LIMITS.number }) },
                { pattern: NUMBER_PATTERN, message: t('awards.decision.numberInvalid') },
              ]}
              style={{ flex: '1 1 240px' }}
            >
              <Input placeholder="1234/QĐ-UBND" />
            </Form.Item>
            <Form.Item label={t('awards.decision.signedOn')} name="signed_on" rules={[{ required: true, message: t('common.required') }]} style={{ flex: '0 0 200px' }}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Flex>
          <Flex wrap gap={16}>
            <Form.Item
              label={t('awards.decision.signerTitle')}
              name="signer_title"
              extra={t('awards.decision.signerTitleHint')}
              rules={[
                { required: true, whitespace: true, message: t('common.required') },
                { max: AWARD_LIMITS.signer, message: t('common.tooLong', { max: AWARD_LIMITS.signer }) },
              ]}
              style={{ flex: '1 1 240px' }}
            >
              <Input />
            </Form.Item>
            <Form.Item
              label={t('awards.decision.signerName')}
              name="signer_name"
              rules={[
                { required: true, whitespace: true, message: t('common.required') },
                { max: AWARD_LIMITS.signer, message: t('common.tooLong', { max: AWARD_LIMITS.signer }) },
              ]}
              style={{ flex: '1 1 300px' }}
            >
              <Input />
            </Form.Item>
          </Flex>
          <Flex wrap gap={16}>
            <Form.Item
              label={t('awards.decision.ceremonyOn')}
              name="ceremony_on"
              dependencies={['signed_on']}
              extra={t('awards.decision.ceremonyHint')}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, v: Dayjs | null | undefined) => {
                    const signed = getFieldValue('signed_on') as Dayjs | null | undefined;
                    if (v && signed && v.isBefore(signed, 'day')) throw new Error(t('awards.decision.ceremonyBeforeSigned'));
                  },
                }),
              ]}
              style={{ flex: '0 0 240px' }}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              label={t('awards.decision.ceremonyNote')}
              name="ceremony_note"
              rules={[{ max: AWARD_LIMITS.ceremonyNote, message: t('common.tooLong', { max: AWARD_LIMITS.ceremonyNote }) }]}
              style={{ flex: '1 1 360px' }}
            >
              <Input />
            </Form.Item>
          </Flex>
          <Space>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('awards.decision.create')}
            </Button>
            <Link to="/awards/decisions">
              <Button>{t('common.cancel')}</Button>
            </Link>
          </Space>
        </Form>
      </Card>
    </Flex>
  );
}

import { useMemo } from 'react';
import { Alert, Breadcrumb, Button, Card, DatePicker, Divider, Flex, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/problem';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { currentLanguage } from '@/i18n';
import { useMe, type Me } from '@/lib/auth';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '@/lib/dates';
import {
  campaignOptionsQuery,
  initiativeKeys,
  initiativeQuery,
  KINDS,
  reformAreasQuery,
  unitMembersQuery,
  useCreateInitiative,
  useUpdateInitiative,
  type Initiative,
  type InitiativeKind,
} from '../api/initiatives';
import type { AuthorRow } from './authors';
import { AuthorsEditor, type AuthorOption } from './AuthorsEditor';

interface StepValues {
  title?: string;
  due_on?: Dayjs | null;
}

interface Values {
  campaign_id: string;
  kind: InitiativeKind;
  reform_area: string;
  title: string;
  summary?: string;
  problem?: string;
  objectives?: string;
  approach?: string;
  expected_results?: string;
  starts_on?: Dayjs | null;
  ends_on?: Dayjs | null;
  collective: boolean;
  authors?: AuthorRow[];
  roadmap?: StepValues[];
}

const TEXTS = [
  ['summary', 'initiatives.summary'],
  ['problem', 'initiatives.problem'],
  ['objectives', 'initiatives.objectives'],
  ['approach', 'initiatives.approach'],
  ['expected_results', 'initiatives.expectedResults'],
] as const;

const text = (v: string | undefined) => v?.trim() ?? '';

/** The people offered as authors: the unit's staff when the caller may list them, the caller, and the current authors. */
function useAuthorOptions(organizationId: string, me: Me | undefined, initiative?: Initiative) {
  const members = useQuery({ ...unitMembersQuery(organizationId), enabled: !!organizationId });
  const forbidden = isApiError(members.error) && members.error.status === 403;
  const options = useMemo(() => {
    const byId = new Map<string, AuthorOption>();
    const put = (id: string, name: string, position?: string | null) => {
      if (!byId.has(id)) byId.set(id, { value: id, label: position ? `${name} — ${position}` : name });
    };
    if (me) put(me.user.id, me.user.display_name, me.user.position);
    for (const a of initiative?.authors ?? []) put(a.user.id, a.user.display_name, a.position);
    for (const u of members.data?.items ?? []) put(u.id, u.display_name, u.position);
    return [...byId.values()].sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  }, [members.data, me, initiative]);
  return { options, onlySelf: members.isError && forbidden, loading: members.isPending && !!organizationId };
}

function InitiativeForm({ initiative }: { initiative?: Initiative }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const me = useMe();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const collective = Form.useWatch('collective', form) ?? initiative?.collective ?? false;
  const campaigns = useQuery({ ...campaignOptionsQuery('open'), enabled: !initiative });
  const areas = useQuery(reformAreasQuery());
  const unitId = initiative?.organization.id ?? me.data?.organization.id ?? '';
  const authorOptions = useAuthorOptions(unitId, me.data, initiative);
  const create = useCreateInitiative();
  const update = useUpdateInitiative();
  const { showError, showSuccess } = useApiFeedback();
  const editing = !!initiative;
  const back = initiative ? `/initiatives/${initiative.id}` : '/initiatives/mine';

  const initialValues: Partial<Values> = initiative
    ? {
        campaign_id: initiative.campaign.id,
        kind: initiative.kind,
        reform_area: initiative.reform_area.code,
        title: initiative.title,
        summary: initiative.summary,
        problem: initiative.problem,
        objectives: initiative.objectives,
        approach: initiative.approach,
        expected_results: initiative.expected_results,
        starts_on: fromIsoDate(initiative.starts_on),
        ends_on: fromIsoDate(initiative.ends_on),
        collective: initiative.collective,
        authors: initiative.authors.map((a) => ({ user_id: a.user.id, contribution_pct: a.contribution_pct })),
      }
    : {
        collective: false,
        authors: me.data ? [{ user_id: me.data.user.id, contribution_pct: 100 }] : [],
        roadmap: [{ title: '', due_on: null }],
      };

  const authorsOf = (v: Values) =>
    v.collective ? [] : (v.authors ?? []).map((a) => ({ user_id: a.user_id ?? '', contribution_pct: Number(a.contribution_pct ?? 0) }));

  const onError = (e: unknown) =>
    showError(e, {
      form,
      onStale: () => void qc.invalidateQueries({ queryKey: initiativeKeys.detail(initiative?.id ?? '') }),
    });

  const onFinish = (v: Values) => {
    const common = {
      kind: v.kind,
      reform_area: v.reform_area,
      title: v.title.trim(),
      summary: text(v.summary),
      problem: text(v.problem),
      objectives: text(v.objectives),
      approach: text(v.approach),
      expected_results: text(v.expected_results),
      starts_on: toIsoDate(v.starts_on),
      ends_on: toIsoDate(v.ends_on),
      collective: v.collective,
      authors: authorsOf(v),
    };
    if (initiative) {
      update.mutate({ initiative, body: common }, {
        onSuccess: (saved) => {
          showSuccess(t('app.saved'));
          void navigate(`/initiatives/${saved.id}`);
        },
        onError,
      });
    } else {
      create.mutate(
        {
          ...common,
          campaign_id: v.campaign_id,
          roadmap: (v.roadmap ?? []).map((s) => ({ title: s.title?.trim() ?? '', due_on: toIsoDate(s.due_on) ?? '' })),
        },
        {
          onSuccess: (created) => {
            showSuccess(t('initiatives.created'));
            void navigate(`/initiatives/${created.id}`);
          },
          onError,
        },
      );
    }
  };

  const campaignOptions = editing
    ? [{ value: initiative.campaign.id, label: `${initiative.campaign.code} — ${initiative.campaign.title}` }]
    : (campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${c.title}` }));

  return (
    <Form<Values>
      form={form}
      name="initiative"
      layout="vertical"
      onFinish={onFinish}
      initialValues={initialValues}
      scrollToFirstError
      style={{ maxWidth: 1000 }}
      // A long form: Enter in a one-line field (confirming a date, picking an option) must not
      // send it half filled. The Save button still submits.
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
      }}
    >
      <Form.Item label={t('initiatives.campaign')} name="campaign_id" rules={[{ required: true, message: t('common.required') }]}>
        <Select
          placeholder={t('initiatives.selectCampaign')}
          options={campaignOptions}
          loading={!editing && campaigns.isPending}
          disabled={editing}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Flex wrap gap={16}>
        <Form.Item label={t('initiatives.kind')} name="kind" rules={[{ required: true, message: t('common.required') }]} style={{ flex: '0 1 220px' }}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`initiatives.kinds.${k}`) }))} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item label={t('initiatives.reformArea')} name="reform_area" rules={[{ required: true, message: t('common.required') }]} style={{ flex: '1 1 360px' }}>
          <Select
            options={(areas.data ?? []).map((a) => ({ value: a.code, label: lang === 'en' ? a.name_en : a.name_vi }))}
            loading={areas.isPending}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </Flex>
      <Form.Item
        label={t('initiatives.titleField')}
        name="title"
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { max: 500, message: t('common.tooLong', { max: 500 }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      {TEXTS.map(([name, label]) => (
        <Form.Item key={name} label={t(label)} name={name} rules={[{ max: 10000, message: t('common.tooLong', { max: 10000 }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
        </Form.Item>
      ))}
      <Flex wrap gap={16}>
        <Form.Item label={t('initiatives.startsOn')} name="starts_on" style={{ flex: '0 0 200px' }}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          label={t('initiatives.endsOn')}
          name="ends_on"
          dependencies={['starts_on']}
          style={{ flex: '0 0 200px' }}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, value: Dayjs | null | undefined) => {
                const start = getFieldValue('starts_on') as Dayjs | null | undefined;
                if (value && start && value.isBefore(start, 'day')) throw new Error(t('initiatives.endsBeforeStarts'));
              },
            }),
          ]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>

      <Divider titlePlacement="start">{t('initiatives.authors')}</Divider>
      <Form.Item name="collective" valuePropName="checked" label={t('initiatives.collective')}>
        <Switch />
      </Form.Item>
      {!collective && <AuthorsEditor options={authorOptions.options} onlySelf={authorOptions.onlySelf} loading={authorOptions.loading} />}

      {!editing && (
        <>
          <Divider titlePlacement="start">{t('initiatives.roadmap')}</Divider>
          <Form.List name="roadmap">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="start" wrap role="group" aria-label={`${t('initiatives.roadmap')} ${index + 1}`}>
                    <Typography.Text strong style={{ lineHeight: '32px', width: 24 }}>
                      {index + 1}.
                    </Typography.Text>
                    <Form.Item
                      name={[field.name, 'title']}
                      rules={[
                        { required: true, whitespace: true, message: t('common.required') },
                        { max: 500, message: t('common.tooLong', { max: 500 }) },
                      ]}
                      style={{ flex: '1 1 320px', marginBottom: 0 }}
                    >
                      <Input aria-label={`${t('initiatives.step')} ${index + 1}`} placeholder={t('initiatives.step')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'due_on']} rules={[{ required: true, message: t('common.required') }]} style={{ flex: '0 0 180px', marginBottom: 0 }}>
                      <DatePicker aria-label={`${t('initiatives.dueOn')} ${index + 1}`} placeholder={t('initiatives.dueOn')} format={DATE_FORMAT} style={{ width: '100%' }} />
                    </Form.Item>
                    <Button type="text" danger icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(field.name)} aria-label={`${t('initiatives.removeStep')} ${index + 1}`} />
                  </Flex>
                ))}
                <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ title: '', due_on: null })} block disabled={fields.length >= 50}>
                  {t('initiatives.addStep')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </>
      )}

      <Space style={{ marginTop: 24 }}>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
          {t('common.save')}
        </Button>
        <Link to={back}>
          <Button>{t('common.cancel')}</Button>
        </Link>
      </Space>
    </Form>
  );
}

/** `/initiatives/new` and `/initiatives/:initiativeId/edit`. */
export default function InitiativeFormPage() {
  const { initiativeId } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const existing = useQuery({ ...initiativeQuery(initiativeId ?? ''), enabled: !!initiativeId });

  if (initiativeId && existing.isPending) return <PageSpinner />;
  if (initiativeId && existing.isError) return <QueryError error={existing.error} onRetry={() => void existing.refetch()} />;
  if (!me.data) return <PageSpinner />;
  const initiative = initiativeId ? existing.data : undefined;
  const heading = initiative ? t('initiatives.editTitle') : t('initiatives.createTitle');

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to="/initiatives/mine">{t('initiatives.backToMine')}</Link> },
          ...(initiative ? [{ title: <Link to={`/initiatives/${initiative.id}`}>{initiative.title}</Link> }] : []),
          { title: heading },
        ]}
      />
      <Card title={<Typography.Title level={3} style={{ margin: 0 }}>{heading}</Typography.Title>}>
        {initiative && !initiative.allowed_actions.includes('update') ? (
          <Alert type="warning" showIcon title={t('initiatives.notEditable', { status: t(`initiatives.statuses.${initiative.status}`) })} />
        ) : (
          // A new etag (someone else saved) starts the form again from the saved values.
          <InitiativeForm key={initiative?.etag ?? 'new'} initiative={initiative} />
        )}
      </Card>
    </Flex>
  );
}

import { useMemo } from 'react';
import { Alert, Breadcrumb, Button, Card, DatePicker, Divider, Flex, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { OrganizationSelect } from '@/components/OrganizationSelect';
import { campaignOptionsQuery } from '@/features/initiatives/api/initiatives';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { currentLanguage } from '@/i18n';
import { useMe } from '@/lib/auth';
import { DATE_FORMAT, toIsoDate } from '@/lib/dates';
import { AGGREGATIONS, criteriaSetsQuery, EVALUATION_LIMITS, useCreateRound, type Aggregation, type CreateRound, type CriteriaSet, type RoundLevel } from '../api/evaluation';
import { committeeProblem, committeeMembers } from '../committee';
import { formatPoints } from '../format';
import { creatableLevels, organiserRoot } from '../permissions';
import { PersonSelect } from './PersonSelect';

interface Values {
  level: RoundLevel;
  organization_id: string;
  campaign_id?: string;
  title: string;
  criteria_set_id?: string;
  aggregation: Aggregation;
  evaluators_per_initiative: number;
  scoring_opens_on: Dayjs;
  scoring_closes_on: Dayjs;
  meeting_on?: Dayjs | null;
  meeting_place?: string;
  chair?: string;
  secretary?: string | null;
  members?: string[];
}

/** The latest version of each criteria set (a round keeps the version it was set up with). */
function latestVersions(sets: readonly CriteriaSet[]): CriteriaSet[] {
  const byCode = new Map<string, CriteriaSet>();
  for (const s of sets) {
    const known = byCode.get(s.code);
    if (!known || known.version < s.version) byCode.set(s.code, s);
  }
  return [...byCode.values()];
}

/** "Tạo đợt đánh giá": the level, whose committee, the campaign, the criteria, the window and the committee. */
export default function RoundCreatePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const navigate = useNavigate();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateRound();
  const { showError, showSuccess } = useApiFeedback();
  const campaigns = useQuery(campaignOptionsQuery());
  const sets = useQuery(criteriaSetsQuery());
  const levels = creatableLevels(me.data);
  const level = Form.useWatch('level', form) ?? levels[0];
  const organizationId = Form.useWatch('organization_id', form);
  const criteriaSetId = Form.useWatch('criteria_set_id', form);
  const setOptions = useMemo(() => latestVersions(sets.data ?? []), [sets.data]);

  const onFinish = (v: Values) => {
    const body: CreateRound = {
      level: v.level,
      organization_id: v.organization_id,
      campaign_id: v.campaign_id ?? '',
      title: v.title.trim(),
      criteria_set_id: v.criteria_set_id ?? '',
      aggregation: v.aggregation,
      evaluators_per_initiative: v.evaluators_per_initiative,
      scoring_opens_on: toIsoDate(v.scoring_opens_on) ?? '',
      scoring_closes_on: toIsoDate(v.scoring_closes_on) ?? '',
      meeting_on: toIsoDate(v.meeting_on),
      meeting_place: v.meeting_place?.trim() || null,
      members: committeeMembers(v),
    };
    create.mutate(body, {
      onSuccess: (round) => {
        showSuccess(t('evaluation.created'));
        void navigate(`/evaluation/rounds/${round.id}`);
      },
      onError: (e) => showError(e, { form }),
    });
  };

  const committeeRule = {
    validator: async () => {
      const problem = committeeProblem(form.getFieldsValue(['chair', 'secretary', 'members']));
      if (problem === 'duplicate') throw new Error(t('evaluation.committeeDuplicate'));
      if (problem === 'too_small') throw new Error(t('evaluation.committeeTooSmall', { min: String(EVALUATION_LIMITS.minMembers) }));
      if (problem === 'too_large') throw new Error(t('evaluation.committeeTooLarge', { max: String(EVALUATION_LIMITS.members) }));
    },
  };

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/evaluation">{t('evaluation.back')}</Link> }, { title: t('evaluation.create') }]} />
      <Card title={<Typography.Title level={3} style={{ margin: 0 }}>{t('evaluation.create')}</Typography.Title>}>
        {levels.length === 0 ? (
          <Alert type="info" showIcon title={t('evaluation.cannotCreate')} />
        ) : (
          <Form<Values>
            form={form}
            name="evaluation-round"
            layout="vertical"
            onFinish={onFinish}
            style={{ maxWidth: 1000 }}
            initialValues={{
              level: levels[0],
              organization_id: organiserRoot(me.data, levels[0]!) ?? me.data?.organization.id,
              aggregation: 'mean',
              evaluators_per_initiative: 3,
              scoring_opens_on: dayjs(),
              scoring_closes_on: dayjs().add(14, 'day'),
              members: [],
            }}
            onValuesChange={(changed: Partial<Values>) => {
              // Another level is organised from another place, with other people.
              if ('level' in changed && changed.level) {
                form.setFieldsValue({ organization_id: organiserRoot(me.data, changed.level), chair: undefined, secretary: undefined, members: [] });
              }
              if ('organization_id' in changed) form.setFieldsValue({ chair: undefined, secretary: undefined, members: [] });
            }}
          >
            <Flex wrap gap={16}>
              <Form.Item label={t('evaluation.level')} name="level" rules={[{ required: true, message: t('common.required') }]} style={{ flex: '1 1 260px' }}>
                <Select<RoundLevel> options={levels.map((l) => ({ value: l, label: t(`evaluation.levels.${l}`) }))} />
              </Form.Item>
              <Form.Item label={t('evaluation.committeeOf')} name="organization_id" rules={[{ required: true, message: t('common.required') }]} style={{ flex: '2 1 360px' }}>
                <OrganizationSelect />
              </Form.Item>
            </Flex>
            <Form.Item label={t('evaluation.campaign')} name="campaign_id" rules={[{ required: true, message: t('common.required') }]}>
              <Select
                loading={campaigns.isPending}
                placeholder={t('evaluation.selectCampaign')}
                showSearch={{ optionFilterProp: 'label' }}
                options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${c.title}` }))}
              />
            </Form.Item>
            <Form.Item
              label={t('evaluation.roundTitle')}
              name="title"
              rules={[
                { required: true, whitespace: true, message: t('common.required') },
                { max: EVALUATION_LIMITS.title, message: t('common.tooLong', { max: EVALUATION_LIMITS.title }) },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
            <Form.Item
              label={t('evaluation.criteriaSet')}
              name="criteria_set_id"
              rules={[{ required: true, message: t('common.required') }]}
              extra={(() => {
                const chosen = setOptions.find((s) => s.id === criteriaSetId);
                return chosen ? t('evaluation.maxTotal', { max: formatPoints(chosen.max_total, lang) }) : undefined;
              })()}
            >
              <Select
                loading={sets.isPending}
                placeholder={t('evaluation.selectCriteriaSet')}
                options={setOptions.map((s) => ({ value: s.id, label: t('evaluation.criteriaSetVersion', { name: lang === 'en' ? s.name_en : s.name_vi, version: String(s.version) }) }))}
              />
            </Form.Item>
            <Flex wrap gap={16}>
              <Form.Item label={t('evaluation.aggregation')} name="aggregation" style={{ flex: '1 1 300px' }}>
                <Select<Aggregation> options={AGGREGATIONS.map((a) => ({ value: a, label: t(`evaluation.aggregations.${a}`) }))} />
              </Form.Item>
              <Form.Item label={t('evaluation.evaluatorsPerInitiative')} name="evaluators_per_initiative" rules={[{ required: true, message: t('common.required') }]} style={{ flex: '0 0 220px' }}>
                <InputNumber min={1} max={EVALUATION_LIMITS.evaluatorsPerInitiative} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Flex>
            <Flex wrap gap={16}>
              <Form.Item label={t('evaluation.scoringOpensOn')} name="scoring_opens_on" rules={[{ required: true, message: t('common.required') }]} style={{ flex: '0 0 200px' }}>
                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                label={t('evaluation.scoringClosesOn')}
                name="scoring_closes_on"
                dependencies={['scoring_opens_on']}
                rules={[
                  { required: true, message: t('common.required') },
                  ({ getFieldValue }) => ({
                    validator: async (_, v: Dayjs | undefined) => {
                      const opens = getFieldValue('scoring_opens_on') as Dayjs | undefined;
                      if (v && opens && v.isBefore(opens, 'day')) throw new Error(t('evaluation.closesBeforeOpens'));
                    },
                  }),
                ]}
                style={{ flex: '0 0 200px' }}
              >
                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item label={t('evaluation.meetingOn')} name="meeting_on" style={{ flex: '0 0 200px' }}>
                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                label={t('evaluation.meetingPlace')}
                name="meeting_place"
                rules={[{ max: EVALUATION_LIMITS.meetingPlace, message: t('common.tooLong', { max: EVALUATION_LIMITS.meetingPlace }) }]}
                style={{ flex: '1 1 260px' }}
              >
                <Input />
              </Form.Item>
            </Flex>

            <Divider titlePlacement="start">{t('evaluation.committee')}</Divider>
            <Typography.Paragraph type="secondary">{t('evaluation.committeeHint')}</Typography.Paragraph>
            <Flex wrap gap={16}>
              <Form.Item label={t('evaluation.chair')} name="chair" rules={[{ required: true, message: t('common.required') }]} style={{ flex: '1 1 300px' }}>
                <PersonSelect organizationId={organizationId} subtree={level !== 'unit_committee'} />
              </Form.Item>
              <Form.Item label={t('evaluation.secretary')} name="secretary" style={{ flex: '1 1 300px' }}>
                <PersonSelect organizationId={organizationId} subtree={level !== 'unit_committee'} allowClear />
              </Form.Item>
            </Flex>
            <Form.Item label={t('evaluation.members')} name="members" dependencies={['chair', 'secretary']} rules={[committeeRule]}>
              <PersonSelect mode="multiple" organizationId={organizationId} subtree={level !== 'unit_committee'} placeholder={t('evaluation.selectPeople')} />
            </Form.Item>

            <Space style={{ marginTop: 8 }}>
              <Button type="primary" htmlType="submit" loading={create.isPending}>
                {t('evaluation.create')}
              </Button>
              <Link to="/evaluation">
                <Button>{t('common.cancel')}</Button>
              </Link>
            </Space>
          </Form>
        )}
      </Card>
    </Flex>
  );
}

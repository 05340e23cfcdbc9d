import { Breadcrumb, Button, Card, DatePicker, Divider, Flex, Form, Input, InputNumber, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { OrganizationSelect } from '@/components/OrganizationSelect';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { useMe } from '@/lib/auth';
import { DATE_FORMAT, toIsoDate } from '@/lib/dates';
import { useCreateCampaign } from '../api/campaigns';
import { MilestoneFields } from './MilestoneFields';
import { EMPTY_MILESTONE, milestoneFromForm, type MilestoneFormValues } from './milestone-form';

interface Values {
  code: string;
  title: string;
  year: number;
  theme?: string;
  issued_on: Dayjs;
  organization_id: string;
  milestones: MilestoneFormValues[];
}

export default function CampaignCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const create = useCreateCampaign();
  const { showError, showSuccess } = useApiFeedback();
  // Suggest where the caller issues plans: an authority officer's authority, else their own
  // unit (a unit's implementing plan). The API decides whether it is allowed.
  const defaultIssuer = me.data?.roles.find((r) => r.role === 'authority_officer')?.organization_id ?? me.data?.organization.id;

  const onFinish = (v: Values) =>
    create.mutate(
      {
        code: v.code.trim(),
        title: v.title.trim(),
        year: v.year,
        theme: v.theme?.trim() || null,
        issued_on: toIsoDate(v.issued_on) ?? '',
        organization_id: v.organization_id,
        milestones: (v.milestones ?? []).map(milestoneFromForm),
      },
      {
        onSuccess: (c) => {
          showSuccess(t('campaigns.created', { code: c.code }));
          void navigate(`/campaigns/${c.id}`);
        },
        onError: (e) => showError(e, { form }),
      },
    );

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/campaigns">{t('campaigns.backToList')}</Link> }, { title: t('campaigns.create') }]} />
      <Card title={<Typography.Title level={3} style={{ margin: 0 }}>{t('campaigns.create')}</Typography.Title>}>
        <Form<Values>
          form={form}
          name="campaign"
          layout="vertical"
          onFinish={onFinish}
          initialValues={{
            year: dayjs().year(),
            issued_on: dayjs(),
            organization_id: defaultIssuer,
            milestones: [EMPTY_MILESTONE],
          }}
          style={{ maxWidth: 1000 }}
        >
          <Flex wrap gap={16}>
            <Form.Item label={t('campaigns.code')} name="code" rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100, message: t('common.tooLong', { max: 100 }) }]} style={{ flex: '1 1 200px' }}>
              <Input placeholder="175/KH-UBND" />
            </Form.Item>
            <Form.Item label={t('campaigns.year')} name="year" rules={[{ required: true, message: t('common.required') }]} style={{ flex: '0 0 140px' }}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label={t('campaigns.issuedOn')} name="issued_on" rules={[{ required: true, message: t('common.required') }]} style={{ flex: '0 0 180px' }}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Form.Item label={t('campaigns.titleField')} name="title" rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 1000, message: t('common.tooLong', { max: 1000 }) }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
          <Form.Item label={t('campaigns.theme')} name="theme">
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
          <Form.Item label={t('campaigns.organization')} name="organization_id" rules={[{ required: true, message: t('common.required') }]}>
            <OrganizationSelect />
          </Form.Item>

          <Divider titlePlacement="start">{t('campaigns.milestones')}</Divider>
          <Form.List name="milestones">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field, index) => (
                  <Card key={field.key} size="small" title={`${index + 1}.`} extra={
                    <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('milestones.remove')}>
                      {t('milestones.remove')}
                    </Button>
                  }>
                    <Flex wrap gap={12}>
                      <MilestoneFields prefix={[field.name]} compact />
                    </Flex>
                  </Card>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(EMPTY_MILESTONE)} block>
                  {t('milestones.add')}
                </Button>
              </Flex>
            )}
          </Form.List>

          <Space style={{ marginTop: 24 }}>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('common.save')}
            </Button>
            <Link to="/campaigns">
              <Button>{t('common.cancel')}</Button>
            </Link>
          </Space>
        </Form>
      </Card>
    </Flex>
  );
}

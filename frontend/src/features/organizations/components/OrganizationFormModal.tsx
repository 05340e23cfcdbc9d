import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { OrganizationSelect } from '@/components/OrganizationSelect';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { currentLanguage } from '@/i18n';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '@/lib/dates';
import { organizationKindsQuery } from '@/lib/organizations';
import { useCreateOrganization, useUpdateOrganization, type Organization } from '../api/organizations';

interface Values {
  code: string;
  name: string;
  short_name?: string | null;
  kind: string;
  parent_id?: string | null;
  valid_from: Dayjs;
  valid_to?: Dayjs | null;
}

interface Props {
  /** Edit this organisation; without it, create one (under `parentId`). */
  organization?: Organization;
  parentId?: string | null;
  onClose: () => void;
  onSaved?: (org: Organization) => void;
}

export function OrganizationFormModal({ organization, parentId, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kinds = useQuery(organizationKindsQuery());
  const create = useCreateOrganization();
  const update = useUpdateOrganization();
  const { showError, showSuccess } = useApiFeedback();
  void i18n.language;

  const onFinish = (v: Values) => {
    const body = {
      code: v.code.trim(),
      name: v.name.trim(),
      short_name: v.short_name?.trim() || null,
      kind: v.kind,
      parent_id: v.parent_id ?? null,
      valid_from: toIsoDate(v.valid_from) ?? '',
      valid_to: toIsoDate(v.valid_to),
    };
    const onSuccess = (org: Organization) => {
      showSuccess(organization ? t('app.saved') : t('organizations.created'));
      onSaved?.(org);
      onClose();
    };
    const onError = (e: unknown) => showError(e, { form, onStale: onClose });
    if (organization) update.mutate({ org: organization, body }, { onSuccess, onError });
    else create.mutate(body, { onSuccess, onError });
  };

  const initialValues: Partial<Values> = organization
    ? {
        code: organization.code,
        name: organization.name,
        short_name: organization.short_name,
        kind: organization.kind,
        parent_id: organization.parent_id,
        valid_from: fromIsoDate(organization.valid_from) ?? undefined,
        valid_to: fromIsoDate(organization.valid_to),
      }
    : { parent_id: parentId ?? null };

  return (
    <Modal
      open
      title={organization ? t('organizations.editTitle') : t('organizations.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      width={600}
    >
      <Form<Values> form={form} name="organization" layout="vertical" onFinish={onFinish} initialValues={initialValues}>
        <Form.Item label={t('organizations.name')} name="name" rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 300, message: t('common.tooLong', { max: 300 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('organizations.shortName')} name="short_name" rules={[{ max: 100, message: t('common.tooLong', { max: 100 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('organizations.code')} name="code" rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 64, message: t('common.tooLong', { max: 64 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('organizations.kind')} name="kind" rules={[{ required: true, message: t('common.required') }]}>
          <Select
            loading={kinds.isPending}
            options={(kinds.data ?? []).map((k) => ({ value: k.code, label: currentLanguage() === 'en' ? k.name_en : k.name_vi }))}
          />
        </Form.Item>
        <Form.Item label={t('organizations.parent')} name="parent_id">
          <OrganizationSelect allowEnded allowClear placeholder={t('organizations.noParent')} selectable={organization ? (n) => n.id !== organization.id : undefined} />
        </Form.Item>
        <Form.Item label={t('organizations.validFrom')} name="valid_from" rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          label={t('organizations.validTo')}
          name="valid_to"
          dependencies={['valid_from']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | null | undefined) => {
                const from = getFieldValue('valid_from') as Dayjs | undefined;
                return !value || !from || !value.isBefore(from, 'day')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('organizations.validToBeforeFrom')));
              },
            }),
          ]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: 200 }} allowClear />
        </Form.Item>
      </Form>
    </Modal>
  );
}

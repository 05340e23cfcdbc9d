import { Alert } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Violation records are personal data: every read is logged server-side, and the reader is told so. */
export function AuditNotice() {
  const { t } = useTranslation();
  return <Alert type="warning" role="note" showIcon icon={<EyeOutlined aria-hidden />} title={t('records.violations.auditNotice')} />;
}

import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '@/api/client';
import { downloadName } from './download';

type Format = 'xlsx' | 'docx';

/**
 * Mẫu 1 as Excel or Word. The export needs the bearer token, so the file is fetched through
 * the API client and handed to the browser as a blob.
 */
export function ExportButtons({ registrationId }: { registrationId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Format | null>(null);

  const download = async (format: Format) => {
    setBusy(format);
    try {
      const path = format === 'xlsx' ? '/api/v1/registrations/{id}/export.xlsx' : '/api/v1/registrations/{id}/export.docx';
      const { data, response } = await api.GET(path, { params: { path: { id: registrationId } }, parseAs: 'blob' });
      if (!response.ok || !(data instanceof Blob)) throw new Error(String(response.status));
      const url = URL.createObjectURL(data);
      const a = document.createElement('a');
      a.href = url;
      a.download = downloadName(response.headers.get('Content-Disposition'), `Mau1.${format}`);
      a.click();
      URL.revokeObjectURL(url);
    } catch {
      void message.error(t('registrations.export.failed'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} loading={busy === 'xlsx'} onClick={() => void download('xlsx')}>
        {t('registrations.export.xlsx')}
      </Button>
      <Button icon={<DownloadOutlined />} loading={busy === 'docx'} onClick={() => void download('docx')}>
        {t('registrations.export.docx')}
      </Button>
    </Space>
  );
}

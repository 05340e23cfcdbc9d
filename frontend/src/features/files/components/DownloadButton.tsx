import { useState } from 'react';
import { App, Button, type ButtonProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { saveFile, type EvidenceFile } from '../api/files';

/** Fetches the bytes with the bearer token and saves them under the original name. */
export function DownloadButton({ file, type = 'link', size = 'small', children }: { file: EvidenceFile } & Pick<ButtonProps, 'type' | 'size' | 'children'>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await saveFile(file);
    } catch {
      void message.error(t('files.downloadFailed', { name: file.original_name }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type={type} size={size} icon={<DownloadOutlined aria-hidden />} loading={busy} onClick={() => void download()}>
      {children ?? t('files.download')}
    </Button>
  );
}

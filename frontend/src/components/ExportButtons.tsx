import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadName, isBlob, saveBlob } from '@/lib/download';

export type ExportFormat = 'xlsx' | 'docx';

interface Props {
  /** One GET through the API client (the export needs the bearer token), parsed as a blob. */
  fetchFile: (format: ExportFormat) => Promise<{ data?: unknown; response: Response }>;
  /** The buttons' labels ("Tải Mẫu 1 (Excel)"…). */
  labels: Record<ExportFormat, string>;
  /** The name to save under when the server gives none. */
  fallbackName: (format: ExportFormat) => string;
  /** The message when the download fails. */
  failed: string;
  size?: 'small' | 'middle';
  /** The formats offered, in this order (both by default). */
  formats?: readonly ExportFormat[];
}

/** A form (Mẫu 1, Mẫu 2…) as Excel or Word, saved under the name the server gives. */
export function ExportButtons({ fetchFile, labels, fallbackName, failed, size, formats = ['xlsx', 'docx'] }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ExportFormat | null>(null);

  const download = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const { data, response } = await fetchFile(format);
      if (!response.ok || !isBlob(data)) throw new Error(String(response.status));
      saveBlob(data, downloadName(response.headers.get('Content-Disposition'), fallbackName(format)));
    } catch {
      void message.error(failed);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space wrap>
      {formats.map((format) => (
        <Button key={format} size={size} icon={<DownloadOutlined aria-hidden />} loading={busy === format} onClick={() => void download(format)}>
          {labels[format]}
        </Button>
      ))}
    </Space>
  );
}

import { Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { VersionDrawer, VersionHistory, type VersionSummary } from '@/components/VersionHistory';
import { EvidenceFiles } from '@/features/files/components/EvidenceCard';
import { reportVersionQuery } from '../api/reports';
import { ReportContent } from './ReportContent';
import { ReportExportButtons } from './ReportExportButtons';
import { useAttachmentLabel } from './useAttachmentLabel';

function ReportVersionDrawer({ reportId, number, onClose }: { reportId: string; number: number; onClose: () => void }) {
  const { t } = useTranslation();
  const result = useQuery(reportVersionQuery(reportId, number));
  const attachedTo = useAttachmentLabel(result.data?.rows ?? []);
  return (
    <VersionDrawer number={number} result={result} onClose={onClose} dueLabel={t('reports.deadline')}>
      {(v) => (
        <>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {v.title}
          </Typography.Title>
          <ReportExportButtons reportId={reportId} version={number} size="small" />
          <ReportContent sections={v.sections} rows={v.rows} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('files.title')}
          </Typography.Title>
          <EvidenceFiles files={v.files} attachedTo={attachedTo} />
        </>
      )}
    </VersionDrawer>
  );
}

/** Every submitted version of the report, newest first, each opening what was sent: sections, table, files. */
export function ReportVersionHistory({ reportId, versions }: { reportId: string; versions: VersionSummary[] }) {
  return <VersionHistory versions={versions} renderVersion={(number, onClose) => <ReportVersionDrawer reportId={reportId} number={number} onClose={onClose} />} />;
}

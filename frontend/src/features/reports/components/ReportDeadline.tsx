import { Space } from 'antd';
import { DeadlineTag } from '@/features/campaigns/components/DeadlineTag';
import { formatDate } from '@/lib/deadline';
import type { Report } from '../api/reports';

/** The deadline, and for a report not sent yet (or sent back) how far it is: "quá hạn N ngày". */
export function ReportDeadline({ report }: { report: Pick<Report, 'deadline' | 'status'> }) {
  const d = report.deadline;
  const pending = report.status === 'draft' || report.status === 'returned';
  return (
    <Space size={4} wrap>
      {formatDate(d.effective_due_on)}
      {pending && <DeadlineTag dueOn={d.effective_due_on} />}
    </Space>
  );
}

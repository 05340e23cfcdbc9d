import { useTranslation } from 'react-i18next';
import { ReasonModal } from '@/components/ReasonModal';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { reportConflictState, type Report } from '../api/reports';
import { useRunReportTransition } from './useReportActions';

/** Returns a sent report to its unit; the reason is required. */
export function ReturnReportModal({ report, onClose }: { report: Report; onClose: () => void }) {
  const { t } = useTranslation();
  const { run, pending } = useRunReportTransition();
  const { showError } = useApiFeedback();
  return (
    <ReasonModal
      name="report-return"
      title={t('reports.returnTitle', { unit: report.organization.name })}
      okText={t('reports.actions.return')}
      label={t('reports.returnReason')}
      requiredMessage={t('reports.returnReasonRequired')}
      pending={pending}
      onClose={onClose}
      onSubmit={(reason, form) =>
        void run(
          report,
          { action: 'return', reason },
          {
            onSuccess: onClose,
            onError: (e) => {
              if (reportConflictState(e)) {
                onClose();
                return false;
              }
              showError(e, { form });
              return true;
            },
          },
        )
      }
    />
  );
}

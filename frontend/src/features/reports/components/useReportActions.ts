import { useCallback } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { reportConflictState, useReportTransition, type Report, type ReportTransition } from '../api/reports';

/**
 * Runs submit / receive / return and reports it: success as a toast; a 409 naming the current
 * state as a sentence in the UI language; anything else (the 422 `missing_evidence` listing
 * what is missing, `empty_report`, `deadline_passed`) with the server's own message.
 */
export function useRunReportTransition() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { showError, showSuccess } = useApiFeedback();
  const transition = useReportTransition();

  const run = useCallback(
    (report: Report, request: ReportTransition, options: { onSuccess?: () => void; onError?: (e: unknown) => boolean | void } = {}) =>
      transition.mutateAsync({ id: report.id, request }).then(
        () => {
          const done = { submit: 'reports.submitted', receive: 'reports.received', return: 'reports.returned' } as const;
          showSuccess(t(done[request.action]));
          options.onSuccess?.();
        },
        (e: unknown) => {
          if (options.onError?.(e) === true) return;
          const state = reportConflictState(e);
          if (state) {
            void message.error(t('reports.conflict', { status: t(`submissions.statuses.${state}`) }));
            return;
          }
          showError(e);
        },
      ),
    [transition, showError, showSuccess, message, t],
  );

  return { run, pending: transition.isPending, variables: transition.variables };
}

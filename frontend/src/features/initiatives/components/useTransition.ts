import { useCallback } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { conflictState, useInitiativeTransition, type Initiative, type TransitionRequest } from '../api/initiatives';

/**
 * Runs a state change and reports it: success as a toast; a 409 naming the current state as
 * a sentence in the UI language (the cached initiative is reloaded by the mutation); other
 * errors through the shared feedback (field errors go onto `form`).
 */
export function useRunTransition() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { showError, showSuccess } = useApiFeedback();
  const transition = useInitiativeTransition();

  const run = useCallback(
    (initiative: Initiative, request: TransitionRequest, options: { onSuccess?: () => void; onError?: (e: unknown) => boolean | void } = {}) =>
      transition.mutate(
        { id: initiative.id, request },
        {
          onSuccess: () => {
            showSuccess(t('initiatives.actionDone', { action: t(`initiatives.actions.${request.action}`) }));
            options.onSuccess?.();
          },
          onError: (e) => {
            if (options.onError?.(e) === true) return;
            const state = conflictState(e);
            if (state) {
              void message.error(t('initiatives.conflict', { status: t(`initiatives.statuses.${state}`) }));
              return;
            }
            showError(e);
          },
        },
      ),
    [transition, showError, showSuccess, message, t],
  );

  return { run, pending: transition.isPending, variables: transition.variables };
}

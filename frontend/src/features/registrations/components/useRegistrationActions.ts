import { useCallback } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/problem';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { registrationConflictState, useRegistrationTransition, type Registration, type RegistrationTransition } from '../api/registrations';

/**
 * Runs submit / receive / return and reports it: success as a toast; a 409 naming the current
 * state, and the 422 `deadline_passed` / `empty_registration`, as sentences in the UI language;
 * anything else through the shared feedback.
 */
export function useRunRegistrationTransition() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { showError, showSuccess } = useApiFeedback();
  const transition = useRegistrationTransition();

  const run = useCallback(
    (registration: Registration, request: RegistrationTransition, options: { onSuccess?: () => void; onError?: (e: unknown) => boolean | void } = {}) =>
      transition.mutate(
        { id: registration.id, request },
        {
          onSuccess: () => {
            const done = { submit: 'registrations.submitted', receive: 'registrations.received', return: 'registrations.returned' } as const;
            showSuccess(t(done[request.action]));
            options.onSuccess?.();
          },
          onError: (e) => {
            if (options.onError?.(e) === true) return;
            const state = registrationConflictState(e);
            if (state) {
              void message.error(t('registrations.conflict', { status: t(`registrations.statuses.${state}`) }));
              return;
            }
            if (isApiError(e) && e.status === 422 && e.code === 'deadline_passed') {
              void message.error(t('registrations.deadlinePassed'));
              return;
            }
            if (isApiError(e) && e.status === 422 && e.code === 'empty_registration') {
              void message.error(t('registrations.emptyRegistration'));
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

import { useCallback } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage, formFieldErrors, isApiError } from '@/api/problem';
import { currentLanguage } from '@/i18n';

/** Turns any error into the sentence to show in the UI language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error: unknown) => {
      void i18n.language; // re-render on language change
      const text = errorMessage(error, currentLanguage(), { generic: t('app.genericError'), network: t('app.networkError') });
      if (isApiError(error) && error.status === 429 && error.retryAfter !== null) {
        return `${text} ${t('auth.retryAfter', { seconds: error.retryAfter })}`;
      }
      return text;
    },
    [t, i18n.language],
  );
}

/**
 * Reports a failed mutation: field errors go onto the form's fields, a 412 (someone else
 * changed the record) says so and calls `onStale` to reload, anything else is a toast.
 */
export function useApiFeedback() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  const toText = useErrorMessage();

  const showError = useCallback(
    (error: unknown, options: { form?: FormInstance; onStale?: () => void } = {}) => {
      if (isApiError(error) && error.status === 412) {
        void message.warning(t('app.staleData'));
        options.onStale?.();
        return;
      }
      const fields = formFieldErrors(error);
      if (options.form && fields.length > 0) {
        options.form.setFields(fields);
      }
      void message.error(toText(error));
    },
    [message, t, toText],
  );

  const showSuccess = useCallback((text: string) => void message.success(text), [message]);
  return { showError, showSuccess, toText };
}

import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/api/problem';
import { useErrorMessage } from '@/hooks/useApiFeedback';

/** A failed query, in the user's language, with a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const toText = useErrorMessage();
  const requestId = isApiError(error) ? error.problem?.request_id : null;
  return (
    <Alert
      type="error"
      showIcon
      title={toText(error)}
      description={requestId ? `${t('app.requestId')}: ${requestId}` : undefined}
      action={onRetry ? <Button onClick={onRetry}>{t('app.retry')}</Button> : undefined}
    />
  );
}

import { useTranslation } from 'react-i18next';
import { ReasonModal } from '@/components/ReasonModal';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { conflictState, type Initiative } from '../api/initiatives';
import { useRunTransition } from './useTransition';

/** Returns a submitted initiative to its authors; the reason is required. */
export function ReturnModal({ initiative, onClose }: { initiative: Initiative; onClose: () => void }) {
  const { t } = useTranslation();
  const { run, pending } = useRunTransition();
  const { showError } = useApiFeedback();
  return (
    <ReasonModal
      name="initiative-return"
      title={t('initiatives.returnTitle', { title: initiative.title })}
      okText={t('initiatives.actions.return')}
      label={t('initiatives.returnReason')}
      requiredMessage={t('initiatives.returnReasonRequired')}
      pending={pending}
      onClose={onClose}
      onSubmit={(reason, form) =>
        run(
          initiative,
          { action: 'return', reason },
          {
            onSuccess: onClose,
            onError: (e) => {
              // Someone acted first: the shared handler says in which state it is now.
              if (conflictState(e)) {
                onClose();
                return false;
              }
              // Anything else (a missing reason…) goes onto the field, with the toast.
              showError(e, { form });
              return true;
            },
          },
        )
      }
    />
  );
}

import { useTranslation } from 'react-i18next';
import { ReasonModal } from '@/components/ReasonModal';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { registrationConflictState, type Registration } from '../api/registrations';
import { useRunRegistrationTransition } from './useRegistrationActions';

/** Returns a sent registration to its unit; the reason is required. */
export function ReturnRegistrationModal({ registration, onClose }: { registration: Registration; onClose: () => void }) {
  const { t } = useTranslation();
  const { run, pending } = useRunRegistrationTransition();
  const { showError } = useApiFeedback();
  return (
    <ReasonModal
      name="registration-return"
      title={t('registrations.returnTitle', { unit: registration.organization.name })}
      okText={t('registrations.actions.return')}
      label={t('registrations.returnReason')}
      requiredMessage={t('registrations.returnReasonRequired')}
      pending={pending}
      onClose={onClose}
      onSubmit={(reason, form) =>
        run(
          registration,
          { action: 'return', reason },
          {
            onSuccess: onClose,
            onError: (e) => {
              if (registrationConflictState(e)) {
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

import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Registration } from '../api/registrations';
import { ReturnRegistrationModal } from './ReturnRegistrationModal';
import { useRunRegistrationTransition } from './useRegistrationActions';

/** Submit / receive / return, each only when the registration's `allowed_actions` has it. */
export function RegistrationActions({ registration, size }: { registration: Registration; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { run, pending, variables } = useRunRegistrationTransition();
  const [returning, setReturning] = useState(false);
  const allowed = new Set(registration.allowed_actions);
  const busy = (action: string) => pending && variables?.id === registration.id && variables.request.action === action;
  const unit = registration.organization.name;

  const submit = () => {
    const late = registration.deadline?.late_now ?? false;
    void modal.confirm({
      title: t('registrations.actions.submit'),
      content: late ? t('registrations.submitConfirmLate', { unit }) : t('registrations.submitConfirm', { unit }),
      okText: t('registrations.actions.submit'),
      okButtonProps: late ? { danger: true } : {},
      cancelText: t('common.cancel'),
      onOk: () => run(registration, { action: 'submit' }),
    });
  };

  const receive = () => {
    void modal.confirm({
      title: t('registrations.actions.receive'),
      content: t('registrations.receiveConfirm', { unit }),
      okText: t('registrations.actions.receive'),
      cancelText: t('common.cancel'),
      onOk: () => run(registration, { action: 'receive' }),
    });
  };

  if (!allowed.has('submit') && !allowed.has('receive') && !allowed.has('return')) return null;
  return (
    <Space wrap>
      {allowed.has('submit') && (
        <Button type="primary" size={size} loading={busy('submit')} onClick={submit}>
          {t('registrations.actions.submit')}
        </Button>
      )}
      {allowed.has('receive') && (
        <Button type="primary" size={size} loading={busy('receive')} onClick={receive}>
          {t('registrations.actions.receive')}
        </Button>
      )}
      {allowed.has('return') && (
        <Button danger size={size} onClick={() => setReturning(true)}>
          {t('registrations.actions.return')}
        </Button>
      )}
      {returning && <ReturnRegistrationModal registration={registration} onClose={() => setReturning(false)} />}
    </Space>
  );
}

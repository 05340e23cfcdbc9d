import { useState } from 'react';
import { Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { TRANSITIONS, type Initiative, type InitiativeTransition, type PlainTransition } from '../api/initiatives';
import { ReturnModal } from './ReturnModal';
import { useRunTransition } from './useTransition';

interface Props {
  initiative: Initiative;
  /** Which of the allowed transitions to offer here (all by default). */
  only?: readonly InitiativeTransition[];
  size?: 'small' | 'middle';
  type?: 'link' | 'default';
}

/** One button per transition the API allows now; `return` asks for the reason. */
export function TransitionButtons({ initiative, only, size = 'middle', type = 'default' }: Props) {
  const { t } = useTranslation();
  const { run, pending, variables } = useRunTransition();
  const [returning, setReturning] = useState(false);
  const allowed = TRANSITIONS.filter((a) => initiative.allowed_actions.includes(a) && (!only || only.includes(a)));
  const busy = (a: InitiativeTransition) => pending && variables?.id === initiative.id && variables.request.action === a;

  return (
    <>
      {allowed.map((action) =>
        action === 'return' ? (
          <Button key={action} size={size} type={type} danger onClick={() => setReturning(true)}>
            {t('initiatives.actions.return')}
          </Button>
        ) : (
          <Popconfirm
            key={action}
            title={t('initiatives.confirmAction', { action: t(`initiatives.actions.${action}`), title: initiative.title })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => run(initiative, { action: action as PlainTransition })}
          >
            <Button
              size={size}
              type={type === 'link' ? 'link' : action === 'submit' || action === 'register' ? 'primary' : 'default'}
              danger={action === 'withdraw'}
              loading={busy(action)}
            >
              {t(`initiatives.actions.${action}`)}
            </Button>
          </Popconfirm>
        ),
      )}
      {returning && <ReturnModal initiative={initiative} onClose={() => setReturning(false)} />}
    </>
  );
}

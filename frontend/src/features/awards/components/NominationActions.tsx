import { useState } from 'react';
import { Button, Popconfirm } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '@/components/ReasonModal';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { NOMINATION_ACTIONS, useDeleteNomination, useNominationTransition, type Nomination, type NominationAction } from '../api/awards';
import { OverrideModal } from './OverrideModal';

interface Props {
  nomination: Nomination;
  /** Which of the allowed actions to offer here (all by default). */
  only?: readonly NominationAction[];
  size?: 'small' | 'middle';
  /** Where to go once the draft is deleted. */
  afterDelete?: string;
}

/** One button per action the nomination's view allows now, exactly those. */
export function NominationActions({ nomination, only, size = 'middle', afterDelete = '/awards' }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const transition = useNominationTransition();
  const remove = useDeleteNomination();
  const { showError, showSuccess } = useApiFeedback();
  const [dialog, setDialog] = useState<'reject' | 'override' | null>(null);
  const allowed = NOMINATION_ACTIONS.filter((a) => nomination.allowed_actions.includes(a) && (!only || only.includes(a)));
  const busy = (a: NominationAction) => transition.isPending && transition.variables?.id === nomination.id && transition.variables.request.action === a;
  const label = nomination.nominee.label;

  const run = (action: 'submit' | 'approve') =>
    transition.mutate(
      { id: nomination.id, request: { action } },
      { onSuccess: () => showSuccess(t(`awards.actions.done.${action}`)), onError: (e) => showError(e) },
    );

  return (
    <>
      {allowed.map((action) => {
        switch (action) {
          case 'update':
            return (
              <Button key={action} size={size} onClick={() => void navigate(`/awards/nominations/${nomination.id}/edit`)}>
                {t('awards.actions.update')}
              </Button>
            );
          case 'submit':
          case 'approve':
            return (
              <Popconfirm
                key={action}
                title={t(`awards.actions.confirm.${action}`, { nominee: label })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => run(action)}
              >
                <Button size={size} type="primary" loading={busy(action)}>
                  {t(`awards.actions.${action}`)}
                </Button>
              </Popconfirm>
            );
          case 'reject':
            return (
              <Button key={action} size={size} danger onClick={() => setDialog('reject')}>
                {t('awards.actions.reject')}
              </Button>
            );
          case 'override':
            return (
              <Button key={action} size={size} onClick={() => setDialog('override')}>
                {t('awards.actions.override')}
              </Button>
            );
          case 'delete':
            return (
              <Popconfirm
                key={action}
                title={t('awards.actions.confirm.delete', { nominee: label })}
                okText={t('common.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove.mutate(nomination.id, {
                    onSuccess: () => {
                      showSuccess(t('awards.actions.done.delete'));
                      void navigate(afterDelete);
                    },
                    onError: (e) => showError(e),
                  })
                }
              >
                <Button size={size} danger loading={remove.isPending}>
                  {t('awards.actions.delete')}
                </Button>
              </Popconfirm>
            );
        }
      })}
      {dialog === 'reject' && (
        <ReasonModal
          name="nomination-reject"
          title={t('awards.reject.title', { nominee: label })}
          okText={t('awards.actions.reject')}
          label={t('awards.reject.reason')}
          requiredMessage={t('awards.reject.reasonRequired')}
          pending={transition.isPending}
          onClose={() => setDialog(null)}
          onSubmit={(reason, form) =>
            transition.mutate(
              { id: nomination.id, request: { action: 'reject', reason } },
              {
                onSuccess: () => {
                  showSuccess(t('awards.actions.done.reject'));
                  setDialog(null);
                },
                onError: (e) => showError(e, { form }),
              },
            )
          }
        />
      )}
      {dialog === 'override' && <OverrideModal nomination={nomination} onClose={() => setDialog(null)} />}
    </>
  );
}

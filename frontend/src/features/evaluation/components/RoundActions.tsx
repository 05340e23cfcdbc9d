import { useState } from 'react';
import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '@/hooks/useApiFeedback';
import { useRoundTransition, type Round } from '../api/evaluation';
import { CloseRoundModal } from './CloseRoundModal';

/** The round's state changes the caller may make (`manage`): open scoring, close, publish. */
export function RoundActions({ round }: { round: Round }) {
  const { t } = useTranslation();
  const transition = useRoundTransition(round.id);
  const { showError, showSuccess } = useApiFeedback();
  const [closing, setClosing] = useState(false);
  if (!round.allowed_actions.includes('manage')) return null;
  const busy = (action: string) => transition.isPending && transition.variables?.action === action;

  return (
    <Space wrap>
      {round.status === 'setup' && (
        <Popconfirm
          title={t('evaluation.actions.startScoring')}
          description={t('evaluation.actions.startConfirm', { title: round.title })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            transition.mutate({ action: 'start' }, { onSuccess: () => showSuccess(t('evaluation.actions.started')), onError: (e) => showError(e) })
          }
        >
          <Button type="primary" loading={busy('start')}>
            {t('evaluation.actions.startScoring')}
          </Button>
        </Popconfirm>
      )}
      {round.status === 'scoring' && (
        <Button type="primary" onClick={() => setClosing(true)}>
          {t('evaluation.actions.close')}
        </Button>
      )}
      {round.status === 'closed' && (
        <Popconfirm
          title={t('evaluation.actions.publish')}
          description={t('evaluation.actions.publishConfirm', { title: round.title })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            transition.mutate({ action: 'publish' }, { onSuccess: () => showSuccess(t('evaluation.actions.published')), onError: (e) => showError(e) })
          }
        >
          <Button type="primary" loading={busy('publish')}>
            {t('evaluation.actions.publish')}
          </Button>
        </Popconfirm>
      )}
      {closing && <CloseRoundModal round={round} onClose={() => setClosing(false)} />}
    </Space>
  );
}

import { useState } from 'react';
import { Button, Popconfirm, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Report } from '../api/reports';
import { ReturnReportModal } from './ReturnReportModal';
import { useRunReportTransition } from './useReportActions';

interface Props {
  report: Report;
  size?: 'small' | 'middle';
  /** The editor holds changes not saved yet: sending now would send the saved text. */
  unsaved?: boolean;
}

/** Submit / receive / return, each only when the report's `allowed_actions` has it. */
export function ReportActions({ report, size, unsaved = false }: Props) {
  const { t } = useTranslation();
  const { run, pending, variables } = useRunReportTransition();
  const [returning, setReturning] = useState(false);
  const allowed = new Set(report.allowed_actions);
  const busy = (action: string) => pending && variables?.id === report.id && variables.request.action === action;
  const unit = report.organization.name;
  const late = report.deadline.late_now;

  if (!allowed.has('submit') && !allowed.has('receive') && !allowed.has('return')) return null;
  return (
    <Space wrap>
      {allowed.has('submit') &&
        (unsaved ? (
          <Tooltip title={t('reports.unsaved')}>
            <Button type="primary" size={size} disabled>
              {t('reports.actions.submit')}
            </Button>
          </Tooltip>
        ) : (
          <Popconfirm
            title={t('reports.actions.submit')}
            description={late ? t('reports.submitConfirmLate', { title: report.title }) : t('reports.submitConfirm', { title: report.title })}
            okText={t('common.confirm')}
            okButtonProps={late ? { danger: true } : {}}
            cancelText={t('common.cancel')}
            onConfirm={() => run(report, { action: 'submit' })}
          >
            <Button type="primary" size={size} loading={busy('submit')}>
              {t('reports.actions.submit')}
            </Button>
          </Popconfirm>
        ))}
      {allowed.has('receive') && (
        <Popconfirm
          title={t('reports.actions.receive')}
          description={t('reports.receiveConfirm', { unit })}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => run(report, { action: 'receive' })}
        >
          <Button type="primary" size={size} loading={busy('receive')}>
            {t('reports.actions.receive')}
          </Button>
        </Popconfirm>
      )}
      {allowed.has('return') && (
        <Button danger size={size} onClick={() => setReturning(true)}>
          {t('reports.actions.return')}
        </Button>
      )}
      {returning && <ReturnReportModal report={report} onClose={() => setReturning(false)} />}
    </Space>
  );
}

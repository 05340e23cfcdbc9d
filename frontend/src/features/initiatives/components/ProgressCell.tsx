import { Flex, Progress, Tag } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** A progress bar (0–100) and, when some roadmap steps are late, the overdue marker. */
export function ProgressCell({ progress, overdueSteps = 0, overdue }: { progress: number; overdueSteps?: number; overdue?: boolean }) {
  const { t } = useTranslation();
  const late = overdue ?? overdueSteps > 0;
  return (
    <Flex vertical gap={2} style={{ minWidth: 120 }}>
      <Progress
        percent={progress}
        size="small"
        status={late ? 'exception' : progress >= 100 ? 'success' : 'normal'}
        format={(p) => `${p ?? 0}%`}
        aria-label={t('initiatives.progressOf', { value: progress })}
      />
      {late && <OverdueTag count={overdue === undefined ? overdueSteps : undefined} />}
    </Flex>
  );
}

/** "Quá hạn", or "N bước quá hạn" when counting steps. */
export function OverdueTag({ count }: { count?: number }) {
  const { t } = useTranslation();
  return (
    <Tag color="red" icon={<ExclamationCircleOutlined aria-hidden />} style={{ width: 'fit-content' }}>
      {count === undefined ? t('initiatives.overdue') : t('initiatives.overdueSteps', { count })}
    </Tag>
  );
}

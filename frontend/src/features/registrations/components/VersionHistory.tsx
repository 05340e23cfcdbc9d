import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Typography } from 'antd';
import { VersionDrawer, VersionHistory as SubmissionVersions } from '@/components/VersionHistory';
import { registrationVersionQuery, type VersionSummary } from '../api/registrations';
import { CommitmentsTable } from './CommitmentsTable';
import { RegisteredInitiativesTable } from './RegisteredInitiativesTable';

function RegistrationVersionDrawer({ registrationId, number, onClose }: { registrationId: string; number: number; onClose: () => void }) {
  const { t } = useTranslation();
  const result = useQuery(registrationVersionQuery(registrationId, number));
  return (
    <VersionDrawer number={number} result={result} onClose={onClose} dueLabel={t('registrations.deadline')}>
      {(v) => (
        <>
          <Typography.Title level={5}>{t('registrations.initiatives')}</Typography.Title>
          <RegisteredInitiativesTable initiatives={v.initiatives} />
          <Typography.Title level={5}>{t('registrations.commitments')}</Typography.Title>
          <CommitmentsTable commitments={v.commitments} editable={false} />
        </>
      )}
    </VersionDrawer>
  );
}

/** Every submitted version of the registration, newest first, each opening its frozen content. */
export function VersionHistory({ registrationId, versions }: { registrationId: string; versions: VersionSummary[] }) {
  return <SubmissionVersions versions={versions} renderVersion={(number, onClose) => <RegistrationVersionDrawer registrationId={registrationId} number={number} onClose={onClose} />} />;
}

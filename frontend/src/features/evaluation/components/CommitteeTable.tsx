import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Member, Round } from '../api/evaluation';

/** The committee: who sits where, and (once closed) who attended the meeting. */
export function CommitteeTable({ round }: { round: Round }) {
  const { t } = useTranslation();
  return (
    <Table<Member>
      rowKey={(m) => m.user.id}
      size="small"
      pagination={false}
      dataSource={round.members}
      columns={[
        { title: t('evaluation.committeeTable.name'), key: 'name', render: (_, m) => m.user.display_name },
        { title: t('evaluation.committeeTable.role'), key: 'role', render: (_, m) => t(`evaluation.roles.${m.role}`) },
        {
          title: t('evaluation.committeeTable.present'),
          key: 'present',
          render: (_, m) =>
            m.present === true ? (
              <Tag color="success">{t('evaluation.committeeTable.presentYes')}</Tag>
            ) : m.present === false ? (
              <Tag color="default">{t('evaluation.committeeTable.presentNo')}</Tag>
            ) : (
              t('evaluation.committeeTable.presentUnknown')
            ),
        },
      ]}
    />
  );
}

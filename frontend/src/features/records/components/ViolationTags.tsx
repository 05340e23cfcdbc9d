import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Discipline, ViolationKind } from '../api/records';

export function ViolationKindTag({ kind }: { kind: ViolationKind }) {
  const { t } = useTranslation();
  return (
    <Tag color="volcano" style={{ whiteSpace: 'normal' }}>
      {t(`records.violations.kinds.${kind}`, { defaultValue: kind })}
    </Tag>
  );
}

export function DisciplineTag({ discipline }: { discipline: Discipline }) {
  const { t } = useTranslation();
  return (
    <Tag color={discipline === 'none' ? 'default' : 'red'} style={{ whiteSpace: 'normal' }}>
      {t(`records.violations.disciplines.${discipline}`, { defaultValue: discipline })}
    </Tag>
  );
}

import type { ReactNode } from 'react';
import { Checkbox, Flex, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { ORGANIZATION_FILES_LIMIT, initiativeFilesQuery, organizationFilesQuery } from '@/features/files/api/files';
import { formatFileSize } from '@/features/files/format';
import { currentLanguage } from '@/i18n';

interface Choice {
  id: string;
  original_name: string;
  size_bytes: number;
}

interface Props {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** An initiative nominee: its own files come first. */
  initiativeId: string | null;
  /** The nominee's unit: its file store is offered for every kind of nominee. */
  unitId: string | null | undefined;
  /** Files already in the dossier (a draft being changed), offered even when no list shows them. */
  known?: readonly Choice[];
}

/** The ids of `section` chosen now replace those chosen before; the others keep their place. */
function merge(value: readonly string[], section: readonly string[], chosen: readonly string[]): string[] {
  const inSection = new Set(section);
  const kept = value.filter((id) => !inSection.has(id) || chosen.includes(id));
  return [...kept, ...chosen.filter((id) => !kept.includes(id))];
}

function Section({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <Flex vertical gap={4} role="group" aria-label={label}>
      <Typography.Text strong>{label}</Typography.Text>
      {hint && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
      {children}
    </Flex>
  );
}

/**
 * The dossier's evidence: an initiative's own files, and the file store of the nominee's unit
 * (its initiatives' and reports' evidence, newest first), so that evidence can be chosen for a
 * person or a unit as well as for an initiative. A file listed under the initiative is not
 * listed again under the unit.
 */
export function EvidencePicker({ id, value = [], onChange, initiativeId, unitId, known = [] }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const ofInitiative = useQuery({ ...initiativeFilesQuery(initiativeId ?? ''), enabled: !!initiativeId });
  const ofUnit = useQuery({ ...organizationFilesQuery(unitId ?? ''), enabled: !!unitId });

  const initiativeFiles: Choice[] = initiativeId ? (ofInitiative.data ?? []) : [];
  const inInitiative = new Set(initiativeFiles.map((f) => f.id));
  const storeFiles: Choice[] = (ofUnit.data?.items ?? []).filter((f) => !inInitiative.has(f.id));
  const listed = new Set([...inInitiative, ...storeFiles.map((f) => f.id)]);
  // Chosen earlier but in neither list now (older than the store's first page): still shown, to keep or drop.
  const unlisted = known.filter((f) => value.includes(f.id) && !listed.has(f.id));
  const unitChoices = [...storeFiles, ...unlisted];
  const total = ofUnit.data?.total ?? 0;

  const options = (files: Choice[]) => files.map((f) => ({ value: f.id, label: `${f.original_name} (${formatFileSize(f.size_bytes, lang)})` }));
  const group = (files: Choice[]) => (
    <Checkbox.Group
      style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
      options={options(files)}
      value={value.filter((v) => files.some((f) => f.id === v))}
      onChange={(chosen) => onChange?.(merge(value, files.map((f) => f.id), chosen))}
    />
  );

  return (
    <Flex vertical gap={16} id={id}>
      {initiativeId && (
        <Section label={t('awards.wizard.initiativeFiles')}>
          {ofInitiative.isPending ? (
            <Spin />
          ) : ofInitiative.isError ? (
            <QueryError error={ofInitiative.error} onRetry={() => void ofInitiative.refetch()} />
          ) : initiativeFiles.length === 0 ? (
            <Typography.Text type="secondary">{t('awards.wizard.noFiles')}</Typography.Text>
          ) : (
            group(initiativeFiles)
          )}
        </Section>
      )}
      <Section label={t('awards.wizard.unitFiles')} hint={t('awards.wizard.unitFilesHint')}>
        {!unitId ? (
          <Typography.Text type="secondary">{t('awards.wizard.unitFilesNoUnit')}</Typography.Text>
        ) : ofUnit.isPending ? (
          <Spin />
        ) : ofUnit.isError ? (
          <QueryError error={ofUnit.error} onRetry={() => void ofUnit.refetch()} />
        ) : (
          <>
            {unitChoices.length === 0 ? (
              <Typography.Text type="secondary">{total > 0 ? t('awards.wizard.noOtherUnitFiles') : t('awards.wizard.noUnitFiles')}</Typography.Text>
            ) : (
              group(unitChoices)
            )}
            {total > ORGANIZATION_FILES_LIMIT && (
              <Typography.Text type="secondary" role="note" style={{ fontSize: 12 }}>
                {t('awards.wizard.unitFilesFirst', { shown: ORGANIZATION_FILES_LIMIT, total })}
              </Typography.Text>
            )}
          </>
        )}
      </Section>
    </Flex>
  );
}

import { Flex, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import type { EvidenceRequirement } from '../api/reports';

/**
 * What an acceptance report must carry before it can be sent: each requirement (one of some
 * document types) green when met, red when missing. The API decides; this only shows its answer.
 */
export function EvidenceChecklist({ requirements }: { requirements: EvidenceRequirement[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (requirements.length === 0) return null;
  const label = (r: EvidenceRequirement) =>
    lang === 'vi' ? r.label_vi : r.any_of.map((c) => t(`files.categories.${c}`, { defaultValue: c })).join(` ${t('reports.or')} `);
  return (
    <Flex vertical gap={4} style={{ marginBottom: 16 }}>
      <Typography.Text strong>{t('reports.requirements')}</Typography.Text>
      <ul role="list" aria-label={t('reports.requirements')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {requirements.map((r) => (
          <li key={r.any_of.join('|')} style={{ paddingBlock: 2 }}>
            <Flex gap={8} align="center">
              {r.met ? (
                <CheckCircleFilled role="img" aria-label={t('reports.requirementMet')} style={{ color: 'var(--ant-color-success)' }} />
              ) : (
                <CloseCircleFilled role="img" aria-label={t('reports.requirementMissing')} style={{ color: 'var(--ant-color-error)' }} />
              )}
              <Typography.Text type={r.met ? 'success' : 'danger'}>{label(r)}</Typography.Text>
            </Flex>
          </li>
        ))}
      </ul>
    </Flex>
  );
}

import { Fragment } from 'react';
import { Alert, Flex, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/i18n';
import { formatDateTimeMinutes } from '@/lib/dates';
import { formatDate } from '@/lib/deadline';
import type { Eligibility, Override, Rule, RuleOutcome } from '../api/awards';
import { recordHref, ruleReason, ruleTitle } from '../format';
import { EligibleTag } from './tags';

const LOOK: Record<RuleOutcome, { color: string; background: string; tag: string; Icon: typeof CheckCircleFilled }> = {
  pass: { color: '#389e0d', background: '#f6ffed', tag: 'success', Icon: CheckCircleFilled },
  fail: { color: '#cf1322', background: '#fff1f0', tag: 'error', Icon: CloseCircleFilled },
  overridden: { color: '#d48806', background: '#fffbe6', tag: 'warning', Icon: ExclamationCircleFilled },
};

function RuleRow({ rule }: { rule: Rule }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const look = LOOK[rule.outcome] ?? LOOK.fail;
  const title = ruleTitle(rule, lang);
  return (
    <li
      data-testid={`rule-${rule.code}`}
      data-outcome={rule.outcome}
      style={{ borderInlineStart: `4px solid ${look.color}`, background: look.background, borderRadius: 4, padding: '8px 12px' }}
    >
      <Flex gap={10} align="start">
        <look.Icon aria-hidden style={{ color: look.color, fontSize: 18, marginTop: 2 }} />
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Space wrap size={6}>
            <Typography.Text strong>{title}</Typography.Text>
            <Tag color={look.tag}>{t(`awards.outcomes.${rule.outcome}`)}</Tag>
          </Space>
          <Typography.Text>{ruleReason(rule, lang)}</Typography.Text>
          {rule.records.length > 0 && (
            <Typography.Text type="secondary">
              {t('awards.checklist.records')}:{' '}
              {rule.records.map((r, i) => {
                const href = recordHref(r);
                return (
                  <Fragment key={`${r.kind}-${r.id ?? i}`}>
                    {i > 0 && '; '}
                    {href ? <Link to={href}>{r.label}</Link> : r.label}
                  </Fragment>
                );
              })}
            </Typography.Text>
          )}
        </Flex>
      </Flex>
    </li>
  );
}

/** "Ngoại lệ: <tiêu chí> — Lý do: …, <cán bộ>, <ngày giờ>". */
export function OverrideNote({ override, rules }: { override: Override; rules: readonly Rule[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const rule = rules.find((r) => r.code === override.rule);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="override-note"
      title={t('awards.override.note', {
        rule: rule ? ruleTitle(rule, lang) : override.rule,
        reason: override.reason,
        by: override.by.display_name,
        at: formatDateTimeMinutes(override.at),
      })}
    />
  );
}

/**
 * The eligibility checklist: every rule that applies, green when it passes, red when it fails,
 * amber when the authority made an exception, each with its reason and the records it rests on.
 */
export function EligibilityChecklist({ eligibility, showOverride = true }: { eligibility: Eligibility; showOverride?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      <Space wrap>
        <EligibleTag eligible={eligibility.eligible} />
        <Typography.Text type="secondary">{t('awards.checklist.asOf', { date: formatDate(eligibility.as_of), year: String(eligibility.year) })}</Typography.Text>
      </Space>
      <ul role="list" aria-label={t('awards.checklist.label')} style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 6 }}>
        {eligibility.rules.map((rule) => (
          <RuleRow key={rule.code} rule={rule} />
        ))}
      </ul>
      {showOverride && eligibility.override && <OverrideNote override={eligibility.override} rules={eligibility.rules} />}
    </Flex>
  );
}

import { useMemo } from 'react';
import { Card, Flex, Form, Select, Tabs, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { OrganizationSelect } from '@/components/OrganizationSelect';
import { useMe } from '@/lib/auth';
import { organizationTreeQuery, walkTree, type OrganizationNode } from '@/lib/organizations';
import { yearOptions } from '../format';
import { recordRoots } from '../permissions';
import { useRecordsFilters } from './useRecordsFilters';

export type RecordsTab = 'ratings' | 'violations';

/** Every organisation under the caller's record-keeping roots (all when `roots` is null). */
function reachable(tree: readonly OrganizationNode[], roots: readonly string[] | null): Set<string> {
  const ids = new Set<string>();
  for (const [n] of walkTree(tree)) {
    if (ids.has(n.id)) continue;
    if (roots === null || roots.includes(n.id)) for (const [m] of walkTree([n])) ids.add(m.id);
  }
  return ids;
}

/** The records pages' title, their two tabs, and the unit and year they show. */
export function RecordsHeader({ active }: { active: RecordsTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const tree = useQuery(organizationTreeQuery());
  const { unitId, year, set, search } = useRecordsFilters();
  const allowed = useMemo(() => reachable(tree.data ?? [], recordRoots(me.data)), [tree.data, me.data]);
  const selectable = useMemo(() => (n: OrganizationNode) => allowed.has(n.id), [allowed]);

  return (
    <Flex vertical gap={8}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('records.title')}
      </Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate({ pathname: `/records/${key}`, search })}
        items={[
          { key: 'ratings', label: t('records.tabs.ratings') },
          { key: 'violations', label: t('records.tabs.violations') },
        ]}
      />
      <Card size="small">
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('records.unit')} htmlFor="records-unit" style={{ minWidth: 320, flex: '1 1 320px' }}>
            <OrganizationSelect
              id="records-unit"
              allowEnded
              value={unitId ?? null}
              onChange={(v) => set({ unit: v })}
              selectable={selectable}
              aria-label={t('records.unit')}
            />
          </Form.Item>
          <Form.Item label={t('records.year')} htmlFor="records-year">
            <Select<number>
              id="records-year"
              aria-label={t('records.year')}
              value={year}
              onChange={(y) => set({ year: y })}
              options={yearOptions(year).map((y) => ({ value: y, label: String(y) }))}
              style={{ width: 110 }}
            />
          </Form.Item>
        </Form>
      </Card>
    </Flex>
  );
}

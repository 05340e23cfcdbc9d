import { useMemo, useState, type Key } from 'react';
import { Button, Card, Descriptions, Empty, Flex, Input, Space, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageSpinner } from '@/components/PageSpinner';
import { QueryError } from '@/components/QueryError';
import { currentLanguage } from '@/i18n';
import { hasCapability, useMe } from '@/lib/auth';
import { formatDate, hasEnded } from '@/lib/deadline';
import { organizationKindsQuery, organizationTreeQuery, walkTree, type OrganizationNode } from '@/lib/organizations';
import { organizationQuery, type Organization } from '../api/organizations';
import { OrganizationFormModal } from './OrganizationFormModal';

function useKindName() {
  const kinds = useQuery(organizationKindsQuery());
  return (code: string) => {
    const k = kinds.data?.find((x) => x.code === code);
    return k ? (currentLanguage() === 'en' ? k.name_en : k.name_vi) : code;
  };
}

function Validity({ from, to }: { from: string; to?: string | null }) {
  const { t } = useTranslation();
  return <span>{to ? `${formatDate(from)} – ${formatDate(to)}` : t('organizations.validFromOnly', { from: formatDate(from) })}</span>;
}

function EndedTag() {
  const { t } = useTranslation();
  return (
    <Tag color="default" icon={<StopOutlined />} style={{ color: '#8c8c8c' }}>
      {t('organizations.ended')}
    </Tag>
  );
}

/** Abolished (past its valid_to), as opposed to not yet in force. */
const isEnded = (o: { in_force: boolean; valid_to?: string | null }) => !o.in_force && hasEnded(o.valid_to);

function NodeTitle({ node, kindName }: { node: OrganizationNode; kindName: (c: string) => string }) {
  const ended = isEnded(node);
  return (
    <Space size={6} wrap style={{ opacity: ended ? 0.7 : 1 }}>
      <Typography.Text delete={ended} strong={!ended}>
        {node.name}
      </Typography.Text>
      <Tag color="blue">{kindName(node.kind)}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <Validity from={node.valid_from} to={node.valid_to} />
      </Typography.Text>
      {ended && <EndedTag />}
    </Space>
  );
}

function OrganizationDetails({ id, onEdit, onCreateChild }: { id: string; onEdit: (o: Organization) => void; onCreateChild: (parentId: string) => void }) {
  const { t } = useTranslation();
  const org = useQuery(organizationQuery(id));
  const kindName = useKindName();
  if (org.isPending) return <PageSpinner />;
  if (org.isError) return <QueryError error={org.error} onRetry={() => void org.refetch()} />;
  const o = org.data;
  const ended = isEnded(o);
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {o.name} {ended && <EndedTag />}
      </Typography.Title>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'code', label: t('organizations.code'), children: o.code },
          { key: 'short', label: t('organizations.shortName'), children: o.short_name || t('common.none') },
          { key: 'kind', label: t('organizations.kind'), children: kindName(o.kind) },
          { key: 'validity', label: t('organizations.validity'), children: <Validity from={o.valid_from} to={o.valid_to} /> },
          { key: 'state', label: t('campaigns.status'), children: o.in_force ? t('organizations.inForce') : ended ? t('organizations.ended') : t('organizations.notYetInForce') },
        ]}
      />
      <Space wrap>
        {o.allowed_actions.includes('update') && (
          <Button icon={<EditOutlined />} onClick={() => onEdit(o)}>
            {t('common.edit')}
          </Button>
        )}
        {o.allowed_actions.includes('create_child') && !ended && (
          <Button icon={<PlusOutlined />} onClick={() => onCreateChild(o.id)}>
            {t('organizations.createChild')}
          </Button>
        )}
      </Space>
    </Flex>
  );
}

/** Case- and diacritic-insensitive match, so "co giang" finds "Cô Giang". */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

export default function OrganizationTreePage() {
  const { t } = useTranslation();
  const tree = useQuery(organizationTreeQuery());
  const kindName = useKindName();
  const me = useMe();
  const canManage = hasCapability(me.data, 'organizations.manage');
  const [selected, setSelected] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<Key[] | null>(null);
  const [modal, setModal] = useState<{ org?: Organization; parentId?: string | null } | null>(null);

  const treeData = useMemo(() => {
    const f = fold(filter.trim());
    const build = (nodes: readonly OrganizationNode[]): TreeDataNode[] =>
      nodes.flatMap((n) => {
        const children = build(n.children ?? []);
        if (f && !fold(n.name).includes(f) && children.length === 0) return [];
        return [{ key: n.id, title: <NodeTitle node={n} kindName={kindName} />, children }];
      });
    return build(tree.data ?? []);
  }, [tree.data, filter, kindName]);

  const allKeys = useMemo(() => [...walkTree(tree.data ?? [])].map(([n]) => n.id), [tree.data]);

  if (tree.isPending) return <PageSpinner />;
  if (tree.isError) return <QueryError error={tree.error} onRetry={() => void tree.refetch()} />;

  return (
    <Flex gap={16} wrap align="start">
      <Card
        style={{ flex: '2 1 520px' }}
        title={<Typography.Title level={3} style={{ margin: 0 }}>{t('organizations.title')}</Typography.Title>}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ parentId: selected })}>
              {t('organizations.create')}
            </Button>
          )
        }
      >
        <Input.Search
          aria-label={t('organizations.searchPlaceholder')}
          placeholder={t('organizations.searchPlaceholder')}
          allowClear
          onChange={(e) => setFilter(e.target.value)}
          style={{ marginBottom: 12, maxWidth: 360 }}
        />
        {treeData.length === 0 ? (
          <Empty />
        ) : (
          <Tree
            aria-label={t('organizations.tree')}
            treeData={treeData}
            expandedKeys={filter ? allKeys : (expanded ?? allKeys)}
            onExpand={(keys) => setExpanded(keys)}
            selectedKeys={selected ? [selected] : []}
            onSelect={(keys) => setSelected((keys[0] as string | undefined) ?? null)}
            blockNode
            showLine
          />
        )}
      </Card>
      <Card style={{ flex: '1 1 320px', position: 'sticky', top: 16 }} title={t('common.details')}>
        {selected ? (
          <OrganizationDetails key={selected} id={selected} onEdit={(org) => setModal({ org })} onCreateChild={(parentId) => setModal({ parentId })} />
        ) : (
          <Typography.Text type="secondary">{t('organizations.selectHint')}</Typography.Text>
        )}
      </Card>
      {modal && <OrganizationFormModal organization={modal.org} parentId={modal.parentId} onClose={() => setModal(null)} onSaved={(o) => setSelected(o.id)} />}
    </Flex>
  );
}

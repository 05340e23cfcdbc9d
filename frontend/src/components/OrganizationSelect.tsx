import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hasEnded } from '@/lib/deadline';
import { organizationTreeQuery, type OrganizationNode } from '@/lib/organizations';

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: TreeOption[];
}

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Organisations not in force cannot receive new users, campaigns or extensions. */
  allowEnded?: boolean;
  /** Further restriction, e.g. the organisations where the caller holds a role. */
  selectable?: (node: OrganizationNode) => boolean;
  allowClear?: boolean;
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
}

/** Picks an organisation from the tree the caller can see (value: organisation id). */
export function OrganizationSelect({ id, value, onChange, allowEnded = false, selectable, allowClear, placeholder, disabled, ...rest }: Props) {
  const { t } = useTranslation();
  const tree = useQuery(organizationTreeQuery());

  const treeData = useMemo(() => {
    const toOption = (n: OrganizationNode): TreeOption => {
      const ended = !n.in_force && hasEnded(n.valid_to);
      return {
        value: n.id,
        title: ended ? `${n.name} (${t('organizations.ended')})` : n.name,
        disabled: (!allowEnded && !n.in_force) || (selectable ? !selectable(n) : false),
        children: n.children?.length ? n.children.map(toOption) : undefined,
      };
    };
    return (tree.data ?? []).map(toOption);
  }, [tree.data, allowEnded, selectable, t]);

  return (
    <TreeSelect<string>
      id={id}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={treeData}
      loading={tree.isPending}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder ?? t('organizations.selectOrganization')}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}

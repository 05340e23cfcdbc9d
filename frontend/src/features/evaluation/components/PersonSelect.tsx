import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';
import type { paths } from '@/api/schema.gen';

type UserListParams = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;
type UserPage = paths['/api/v1/users']['get']['responses'][200]['content']['application/json'];

interface Option {
  value: string;
  label: string;
}

interface Props {
  id?: string;
  /** The organisation whose people are offered. */
  organizationId?: string;
  /**
   * A unit's committee is of its own people (one organisation, listed whole); an authority's
   * committee may take people anywhere in its subtree, found by searching the caller's reach.
   */
  subtree?: boolean;
  mode?: 'multiple';
  value?: string | string[] | null;
  onChange?: (value: string | string[] | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  'aria-label'?: string;
}

const label = (u: { display_name: string; position?: string | null; organization: { name: string } }, withUnit: boolean) =>
  [u.display_name, u.position, withUnit ? u.organization.name : null].filter(Boolean).join(' — ');

/** Picks people for a committee from the users the caller may list (unit heads and officers may). */
export function PersonSelect({ id, organizationId, subtree = false, mode, value, onChange, placeholder, allowClear, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);

  const params: UserListParams = subtree
    ? { is_active: true, per_page: 50, sort: 'display_name', ...(debounced ? { q: debounced } : {}) }
    : { organization_id: organizationId, is_active: true, per_page: 100, sort: 'display_name' };
  const users = useQuery({
    queryKey: ['users', 'list', params],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: params } })),
    enabled: subtree || !!organizationId,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });

  // Whoever was chosen keeps their name when a later search no longer lists them: any list
  // of users fetched before (they are cached under the users feature's key) names them.
  const qc = useQueryClient();
  const options = useMemo<Option[]>(() => {
    const listed = (users.data?.items ?? []).map((u) => ({ value: u.id, label: label(u, subtree) }));
    const chosen = (Array.isArray(value) ? value : value ? [value] : []).filter((v) => !listed.some((o) => o.value === v));
    if (chosen.length === 0) return listed;
    const known = new Map<string, string>();
    for (const [, page] of qc.getQueriesData<UserPage>({ queryKey: ['users', 'list'] })) for (const u of page?.items ?? []) known.set(u.id, label(u, subtree));
    return [...listed, ...chosen.map((v) => ({ value: v, label: known.get(v) ?? v }))];
  }, [qc, users.data, subtree, value]);

  return (
    <Select<string | string[]>
      id={id}
      aria-label={rest['aria-label']}
      mode={mode}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={users.isFetching}
      allowClear={allowClear}
      placeholder={placeholder ?? t('evaluation.selectPerson')}
      showSearch={subtree ? { filterOption: false, onSearch: setSearch } : { optionFilterProp: 'label' }}
      notFoundContent={users.isError ? t('app.genericError') : undefined}
      style={{ width: '100%' }}
    />
  );
}

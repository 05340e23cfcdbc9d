import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '@/api/client';

interface Option {
  value: string;
  label: string;
}

interface PickerProps {
  id?: string;
  /** The proposing unit: only its initiatives and people are offered. */
  organizationId?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  'aria-label'?: string;
}

function useDebouncedSearch(delay = 300) {
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), delay);
    return () => clearTimeout(timer);
  }, [search, delay]);
  return { debounced, setSearch };
}

/** Keeps the label of what was chosen while a later search no longer lists it. */
function useOptions(listed: Option[], value: string | null | undefined) {
  const [chosen, setChosen] = useState<Option | null>(null);
  const options = useMemo(() => {
    if (!value || listed.some((o) => o.value === value)) return listed;
    return [...listed, chosen?.value === value ? chosen : { value, label: value }];
  }, [listed, value, chosen]);
  const remember = (v: string | undefined) => setChosen(options.find((o) => o.value === v) ?? null);
  return { options, remember };
}

/** An accepted initiative of the unit, found by words of its title (diacritics ignored by the API). */
export function InitiativePicker({ id, organizationId, value, onChange, ...rest }: PickerProps) {
  const { t } = useTranslation();
  const { debounced, setSearch } = useDebouncedSearch();
  const params = { organization_id: organizationId, status: 'accepted' as const, per_page: 50, ...(debounced ? { q: debounced } : { sort: '-updated_at' }) };
  const list = useQuery({
    queryKey: ['initiatives', 'list', params],
    queryFn: () => unwrap(api.GET('/api/v1/initiatives', { params: { query: params } })),
    enabled: !!organizationId,
    placeholderData: keepPreviousData,
  });
  const listed = useMemo(() => (list.data?.items ?? []).map((i) => ({ value: i.id, label: i.title })), [list.data]);
  const { options, remember } = useOptions(listed, value);
  return (
    <Select<string>
      id={id}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      onChange={(v) => {
        remember(v);
        onChange?.(v ?? null);
      }}
      options={options}
      loading={list.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      placeholder={t('awards.wizard.selectInitiative')}
      notFoundContent={list.isPending ? undefined : t('awards.wizard.noAcceptedInitiative')}
      style={{ width: '100%' }}
    />
  );
}

/** A person of the unit, found by name. */
export function PersonPicker({ id, organizationId, value, onChange, ...rest }: PickerProps) {
  const { t } = useTranslation();
  const { debounced, setSearch } = useDebouncedSearch();
  const params = { organization_id: organizationId, is_active: true, per_page: 50, sort: 'display_name', ...(debounced ? { q: debounced } : {}) };
  const list = useQuery({
    queryKey: ['users', 'list', params],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: params } })),
    enabled: !!organizationId,
    placeholderData: keepPreviousData,
  });
  const listed = useMemo(() => (list.data?.items ?? []).map((u) => ({ value: u.id, label: [u.display_name, u.position].filter(Boolean).join(' — ') })), [list.data]);
  const { options, remember } = useOptions(listed, value);
  return (
    <Select<string>
      id={id}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      onChange={(v) => {
        remember(v);
        onChange?.(v ?? null);
      }}
      options={options}
      loading={list.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      placeholder={t('awards.wizard.selectPerson')}
      style={{ width: '100%' }}
    />
  );
}

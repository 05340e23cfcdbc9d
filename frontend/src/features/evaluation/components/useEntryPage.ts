import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { ENTRY_PAGE_SIZES, roundEntriesQuery } from '../api/evaluation';

/** How long the search box waits after the last keystroke before asking the server. */
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * One page of a round's board, as the set-up table and the matrix show it: the page, its size
 * and the words searched in the initiatives' titles (typed words wait a moment; a new search
 * starts again at page 1), and the antd pagination that moves through it.
 */
export function useEntryPage(roundId: string) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState<number>(ENTRY_PAGE_SIZES[0]);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');

  useEffect(() => {
    const words = search.trim();
    if (words === q) return;
    const timer = setTimeout(() => {
      setQ(words);
      setPage(1);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, q]);

  const entries = useQuery(roundEntriesQuery(roundId, { page, perPage, q }));
  const total = entries.data?.total;
  // A page emptied by a removal (or a shorter search) steps back to the last one there is.
  const last = total === undefined ? page : Math.max(1, Math.ceil(total / perPage));
  if (!entries.isPlaceholderData && page > last) setPage(last);

  const pagination: TablePaginationConfig = {
    current: page,
    pageSize: perPage,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [...ENTRY_PAGE_SIZES],
    showTotal: (count) => t('common.total', { count }),
    onChange: (next, size) => {
      if (size !== perPage) {
        setPerPage(size);
        setPage(1);
      } else setPage(next);
    },
  };

  return {
    entries,
    q,
    search,
    /** Typing: the search follows after a moment. */
    onSearchChange: setSearch,
    /** Enter (or the search button, or clearing): at once. */
    onSearchNow: (value: string) => {
      const words = value.trim();
      setSearch(value);
      if (words !== q) {
        setQ(words);
        setPage(1);
      }
    },
    pagination,
  };
}

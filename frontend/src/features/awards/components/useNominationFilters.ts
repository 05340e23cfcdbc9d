import { useSearchParams } from 'react-router';
import { vietnamToday } from '@/lib/deadline';
import type { ListExportParams, NominationStatus, NomineeKind } from '../api/awards';

/** The years offered by the filters: this year back to 2020. */
export function recentYears(today = vietnamToday()): number[] {
  const current = Number(today.slice(0, 4));
  const years: number[] = [];
  for (let y = current; y >= Math.min(2020, current); y -= 1) years.push(y);
  return years;
}

/** The list's filters, kept in the URL: status, year, award form, kind of nominee, page. */
export function useNominationFilters(fixed: Partial<ListExportParams> = {}) {
  const [params, setParams] = useSearchParams();
  const year = Number.parseInt(params.get('year') ?? '', 10);
  const filters: ListExportParams = {
    status: (params.get('status') as NominationStatus | null) ?? undefined,
    year: Number.isFinite(year) ? year : undefined,
    award_form_id: params.get('form') ?? undefined,
    nominee_kind: (params.get('kind') as NomineeKind | null) ?? undefined,
    ...fixed,
  };
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const update = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === null) p.delete(k);
      else p.set(k, v);
    }
    setParams(p, { replace: true });
  };
  return { filters, page, update };
}


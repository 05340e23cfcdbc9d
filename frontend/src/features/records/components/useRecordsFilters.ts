import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '@/lib/auth';
import { defaultRecordsYear, parseYear } from '../format';
import { defaultRecordsUnit } from '../permissions';

/**
 * The unit and year the records pages show, kept in the URL (`?unit=…&year=…`) so both tabs,
 * the back button and a shared link agree. By default: the caller's unit, the previous year.
 */
export function useRecordsFilters() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit') ?? defaultRecordsUnit(me.data);
  const year = parseYear(params.get('year')) ?? defaultRecordsYear();

  const set = useCallback(
    (next: { unit?: string | null; year?: number }) => {
      const p = new URLSearchParams(params);
      if (next.unit !== undefined) {
        if (next.unit === null) p.delete('unit');
        else p.set('unit', next.unit);
      }
      if (next.year !== undefined) p.set('year', String(next.year));
      setParams(p, { replace: true });
    },
    [params, setParams],
  );

  return { unitId, year, set, search: params.toString() };
}

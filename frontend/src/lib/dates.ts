import dayjs, { type Dayjs } from 'dayjs';

/** antd DatePicker value → the API's `YYYY-MM-DD` (calendar day, no time zone). */
export function toIsoDate(d: Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM-DD') : null;
}

export function fromIsoDate(s: string | null | undefined): Dayjs | null {
  return s ? dayjs(s, 'YYYY-MM-DD') : null;
}

export const DATE_FORMAT = 'DD/MM/YYYY';

import dayjs, { type Dayjs } from 'dayjs';

/** antd DatePicker value → the API's `YYYY-MM-DD` (calendar day, no time zone). */
export function toIsoDate(d: Dayjs | null | undefined): string | null {
  return d ? d.format('YYYY-MM-DD') : null;
}

export function fromIsoDate(s: string | null | undefined): Dayjs | null {
  return s ? dayjs(s, 'YYYY-MM-DD') : null;
}

export const DATE_FORMAT = 'DD/MM/YYYY';

const VIETNAM_TZ = 'Asia/Ho_Chi_Minh';
/** Vietnam has had no daylight saving time since 1975: every day starts at UTC+7. */
const VIETNAM_OFFSET = '+07:00';

const vietnamDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An RFC 3339 instant → `dd/MM/yyyy HH:mm:ss` in Vietnam time, whatever the browser's time zone. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const p = Object.fromEntries(vietnamDateTime.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** An RFC 3339 instant → `dd/MM/yyyy HH:mm` in Vietnam time (histories, timelines). */
export function formatDateTimeMinutes(instant: string | null | undefined): string {
  const full = formatDateTime(instant);
  return /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/.test(full) ? full.slice(0, 16) : full;
}

/** The instant a Vietnamese calendar day (`YYYY-MM-DD`) begins, as RFC 3339. */
export function vietnamDayStart(isoDate: string): string {
  return `${isoDate}T00:00:00${VIETNAM_OFFSET}`;
}

/** The instant after a Vietnamese calendar day (`YYYY-MM-DD`) ends — an exclusive upper bound. */
export function vietnamDayEnd(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`not an ISO date: ${isoDate}`);
  const next = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1));
  return vietnamDayStart(next.toISOString().slice(0, 10));
}

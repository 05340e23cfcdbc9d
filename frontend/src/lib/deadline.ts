/**
 * Deadlines are calendar days in Vietnam time (API-DESIGN: dates are ISO `YYYY-MM-DD`,
 * deadlines are days in UTC+7). Everything here is pure so it can be tested without a clock.
 */

const VIETNAM_TZ = 'Asia/Ho_Chi_Minh';
const DAY_MS = 86_400_000;

const vietnamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: VIETNAM_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Vietnam as `YYYY-MM-DD`, whatever the browser's own time zone is. */
export function vietnamToday(now: Date = new Date()): string {
  const parts = Object.fromEntries(vietnamDay.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function dayNumber(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`not an ISO date: ${isoDate}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** Whole calendar days from today (Vietnam) to `dueOn`: 0 on the day, negative once past. */
export function daysUntil(dueOn: string, now: Date = new Date()): number {
  return dayNumber(dueOn) - dayNumber(vietnamToday(now));
}

export type DeadlineState =
  | { kind: 'upcoming'; days: number }
  | { kind: 'today'; days: 0 }
  | { kind: 'overdue'; days: number };

/** "còn N ngày" / "hạn chót hôm nay" / "quá hạn N ngày" — `days` is always ≥ 0. */
export function deadlineState(dueOn: string, now: Date = new Date()): DeadlineState {
  const d = daysUntil(dueOn, now);
  if (d > 0) return { kind: 'upcoming', days: d };
  if (d === 0) return { kind: 'today', days: 0 };
  return { kind: 'overdue', days: -d };
}

/** `2023-04-22` → `22/04/2023` (the form Vietnamese documents use). */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** Whether a dated record (organisation, award form…) has ended before today in Vietnam. */
export function hasEnded(validTo: string | null | undefined, now: Date = new Date()): boolean {
  return !!validTo && daysUntil(validTo, now) < 0;
}

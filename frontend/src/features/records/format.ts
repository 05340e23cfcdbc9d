import { vietnamToday } from '@/lib/deadline';
import { RECORD_LIMITS, type Rating, type RatingPeriod, type StaffRating } from './api/records';

/** This year in Vietnam. */
export function currentYear(now: Date = new Date()): number {
  return Number(vietnamToday(now).slice(0, 4));
}

/** Ratings are recorded after the year ends: the pages open on the previous one. */
export function defaultRecordsYear(now: Date = new Date()): number {
  return currentYear(now) - 1;
}

/** The years offered: next year back to ten years ago (and the one chosen, if further away). */
export function yearOptions(selected: number, now: Date = new Date()): number[] {
  const top = currentYear(now) + 1;
  const years: number[] = [];
  for (let y = top; y >= Math.max(RECORD_LIMITS.minYear, top - 11); y -= 1) years.push(y);
  if (!years.includes(selected) && selected >= RECORD_LIMITS.minYear && selected <= RECORD_LIMITS.maxYear) {
    years.push(selected);
    years.sort((a, b) => b - a);
  }
  return years;
}

/** A year from the URL, if it is one the API takes. */
export function parseYear(raw: string | null): number | null {
  if (!raw || !/^\d{4}$/.test(raw)) return null;
  const y = Number(raw);
  return y >= RECORD_LIMITS.minYear && y <= RECORD_LIMITS.maxYear ? y : null;
}

/** A person's ratings of one year by period (the annual one and the four quarters). */
export type RatingsByPeriod = Partial<Record<RatingPeriod, StaffRating>>;

export function ratingsByPerson(ratings: readonly StaffRating[], year: number): Map<string, RatingsByPeriod> {
  const byPerson = new Map<string, RatingsByPeriod>();
  for (const r of ratings) {
    if (r.year !== year) continue;
    const row = byPerson.get(r.person.id) ?? {};
    row[r.period] = r;
    byPerson.set(r.person.id, row);
  }
  return byPerson;
}

export const RATING_COLORS: Record<Rating, string> = {
  excellent: 'green',
  good: 'blue',
  completed: 'gold',
  not_completed: 'red',
};

import type { Lang } from '@/api/problem';
import { formatDate } from '@/lib/deadline';
import type { Figure } from './api/showcase';

export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];
const ROMAN = ['I', 'II', 'III', 'IV'] as const;

export const romanQuarter = (q: Quarter): string => ROMAN[q - 1]!;

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last day (`YYYY-MM-DD`) of quarter `q` of `year`: Q1 2024 → 2024-01-01 … 2024-03-31. */
export function quarterRange(year: number, q: Quarter): { from: string; to: string } {
  const firstMonth = (q - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  // Day 0 of the next month is the last day of this one (UTC: no time zone shifts a day).
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** The quarter [from, to] is exactly, if it is one. */
export function quarterOf(from: string | null | undefined, to: string | null | undefined): { year: number; quarter: Quarter } | null {
  const m = from ? /^(\d{4})-(\d{2})-01$/.exec(from) : null;
  if (!m || !to) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if ((month - 1) % 3 !== 0) return null;
  const quarter = ((month - 1) / 3 + 1) as Quarter;
  return quarterRange(year, quarter).to === to ? { year, quarter } : null;
}

/**
 * A planned period as people say it: "Quý I năm 2024", "Năm 2024", else the two dates — the
 * words the API puts in `period_label_vi`, and their English for an English page.
 */
export function periodLabel(from: string, to: string, lang: Lang): string {
  const q = quarterOf(from, to);
  if (q) return lang === 'en' ? `Q${q.quarter} ${q.year}` : `Quý ${romanQuarter(q.quarter)} năm ${q.year}`;
  const y = /^(\d{4})-01-01$/.exec(from);
  if (y && to === `${y[1]}-12-31`) return lang === 'en' ? `Year ${y[1]}` : `Năm ${y[1]}`;
  return `${formatDate(from)} – ${formatDate(to)}`;
}

/** A model's reform area in the page's language, as the API names it (English falls back to Vietnamese). */
export function reformAreaName(m: { reform_area: string; reform_area_vi: string; reform_area_en: string }, lang: Lang): string {
  return (lang === 'en' ? m.reform_area_en || m.reform_area_vi : m.reform_area_vi) || m.reform_area;
}

/** A replication's period as the API words it in the page's language (the dates when it gives none). */
export function replicationPeriod(r: { planned_from: string; planned_to: string; period_label_vi?: string | null; period_label_en?: string | null }, lang: Lang): string {
  const label = lang === 'en' ? r.period_label_en : r.period_label_vi;
  return label || periodLabel(r.planned_from, r.planned_to, lang);
}

/** A figure row as the form holds it (InputNumber leaves `null` when emptied). */
export interface FigureRow {
  label?: string;
  unit?: string | null;
  before?: number | null;
  after?: number | null;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** What the API receives: trimmed, blank units and values left out; rows with nothing at all dropped. */
export function toFigures(rows: readonly (FigureRow | undefined)[] | undefined): Figure[] {
  return (rows ?? [])
    .filter((r): r is FigureRow => !!r && (!!r.label?.trim() || !!r.unit?.trim() || finite(r.before) || finite(r.after)))
    .map((r) => {
      const unit = r.unit?.trim();
      return {
        label: (r.label ?? '').trim(),
        ...(unit ? { unit } : {}),
        ...(finite(r.before) ? { before: r.before } : {}),
        ...(finite(r.after) ? { after: r.after } : {}),
      };
    });
}

/** A number the way the page's language writes it: `1.234,5` in Vietnamese, `1,234.5` in English. */
export function formatNumber(value: number | null | undefined, lang: Lang): string {
  if (!finite(value)) return '';
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 }).format(value);
}

/** File sizes as an office reads them: `20 KB`, `1,5 MB`. */
export function formatSize(bytes: number, lang: Lang): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${formatNumber(i === 0 ? v : Math.round(v * 10) / 10, lang)} ${units[i]}`;
}

import type { Lang } from '@/api/problem';
import { ACCEPTED_EXTENSIONS, MAX_UPLOAD_BYTES } from './api/files';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** A size in bytes for people, in binary units: `1,2 MB` in Vietnamese, `1.2 MB` in English. */
export function formatFileSize(bytes: number, lang: Lang): string {
  const locale = lang === 'en' ? 'en-US' : 'vi-VN';
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  return `${text} ${UNITS[unit]}`;
}

export type UploadRejection = 'too_large' | 'bad_type';

/** The courtesy check before an upload (the server decides): size, then extension. */
export function checkUpload(file: { name: string; size: number }): UploadRejection | null {
  if (file.size > MAX_UPLOAD_BYTES) return 'too_large';
  const name = file.name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((ext) => name.endsWith(ext))) return 'bad_type';
  return null;
}

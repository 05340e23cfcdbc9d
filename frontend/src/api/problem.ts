/**
 * RFC 9457 problem details from the API, and how to show them in the user's language.
 * The shape is checked at run time because a proxy or a crash can answer with anything.
 */

export type Lang = 'vi' | 'en';

export interface FieldProblem {
  field: string;
  code?: string;
  message?: string;
}

export interface ProblemLike {
  type?: string;
  title?: string;
  status?: number;
  detail?: string | null;
  code?: string;
  message_vi?: string | null;
  message_en?: string | null;
  errors?: FieldProblem[] | null;
  request_id?: string | null;
}

export function isProblem(x: unknown): x is ProblemLike {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as Record<string, unknown>;
  return typeof p.code === 'string' || typeof p.title === 'string' || typeof p.detail === 'string';
}

/** An API call that failed: the HTTP status, the problem body if any, and Retry-After. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemLike | null;
  readonly retryAfter: number | null;

  constructor(status: number, body: unknown, retryAfter: string | null = null) {
    const problem = isProblem(body) ? body : null;
    super(problem?.message_en ?? problem?.detail ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    const secs = retryAfter === null ? NaN : Number.parseInt(retryAfter, 10);
    this.retryAfter = Number.isFinite(secs) ? secs : null;
  }

  get code(): string | undefined {
    return this.problem?.code;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

const nonEmpty = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';

/**
 * The sentence to show for a problem in `lang`: the message written for that language
 * first (it is always present), then `detail` (already in the Accept-Language we sent,
 * which may lag a language switch), then `title`, then the caller's fallback.
 */
export function problemMessage(problem: ProblemLike | null | undefined, lang: Lang, fallback: string): string {
  if (!problem) return fallback;
  const own = lang === 'en' ? problem.message_en : problem.message_vi;
  if (nonEmpty(own)) return own;
  if (nonEmpty(problem.detail)) return problem.detail;
  if (nonEmpty(problem.title)) return problem.title;
  const other = lang === 'en' ? problem.message_vi : problem.message_en;
  return nonEmpty(other) ? other : fallback;
}

export interface ErrorTexts {
  generic: string;
  network: string;
}

/** The message for any thrown value: an ApiError, a network failure, or a bug. */
export function errorMessage(error: unknown, lang: Lang, texts: ErrorTexts): string {
  if (isApiError(error)) return problemMessage(error.problem, lang, texts.generic);
  if (error instanceof TypeError) return texts.network; // fetch rejects with TypeError offline
  return texts.generic;
}

/** `milestones[0].due_on` or `milestones.0.due_on` → `['milestones', 0, 'due_on']` (antd NamePath). */
export function fieldPath(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export interface FormFieldError {
  name: (string | number)[];
  errors: string[];
}

/** Field errors of a problem, grouped per field, ready for antd `form.setFields`. */
export function formFieldErrors(error: unknown): FormFieldError[] {
  if (!isApiError(error) || !error.problem?.errors) return [];
  const byField = new Map<string, string[]>();
  for (const fe of error.problem.errors) {
    if (!fe || typeof fe.field !== 'string' || fe.field === '') continue;
    const list = byField.get(fe.field) ?? [];
    list.push(nonEmpty(fe.message) ? fe.message : (fe.code ?? ''));
    byField.set(fe.field, list);
  }
  return [...byField].map(([field, errors]) => ({ name: fieldPath(field), errors }));
}

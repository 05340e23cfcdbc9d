import { isApiError, type Lang } from '@/api/problem';
import type { AwardForm, Nominee, NomineeKind, NomineeRequest, RecordRef, Rule, RuleCode } from './api/awards';

/**
 * Where a record a rule rests on is shown: a violation record and the ratings on the records
 * pages, a round on its page, an initiative on its page. A record without an id (one the caller
 * may not open) and the award form itself are named, not linked.
 */
export function recordHref(record: RecordRef): string | null {
  if (!record.id) return null;
  switch (record.kind) {
    case 'violation_record':
      return `/records/violations/${record.id}`;
    case 'evaluation_round':
      return `/evaluation/rounds/${record.id}`;
    case 'staff_rating':
    case 'unit_rating':
      return '/records/ratings';
    case 'initiative':
      return `/initiatives/${record.id}`;
    case 'award_form':
      return null;
  }
}

export const ruleTitle = (rule: Pick<Rule, 'title_vi' | 'title_en'>, lang: Lang) => (lang === 'en' ? rule.title_en : rule.title_vi);
export const ruleReason = (rule: Pick<Rule, 'reason_vi' | 'reason_en'>, lang: Lang) => (lang === 'en' ? rule.reason_en : rule.reason_vi);
export const formName = (form: { name_vi: string; name_en: string }, lang: Lang) => (lang === 'en' ? form.name_en : form.name_vi);

export interface FailedRule {
  code: RuleCode | string;
  message: string;
}

/**
 * The rules a refused submission or approval names (422 `ineligible`: one field `rules.<code>`
 * per failed rule, its message in the request's language); empty for any other error.
 */
export function ineligibleRules(error: unknown): FailedRule[] {
  if (!isApiError(error) || error.code !== 'ineligible') return [];
  return (error.problem?.errors ?? [])
    .filter((e) => typeof e.field === 'string' && e.field.startsWith('rules.'))
    .map((e) => ({ code: e.field.slice('rules.'.length), message: e.message || e.code || '' }));
}

/**
 * The messages a refused decision puts on single nominations (`nomination_ids.<id>`: not
 * approved, outside the authority), by nomination id.
 */
export function nominationErrors(error: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!isApiError(error)) return out;
  for (const e of error.problem?.errors ?? []) {
    const m = typeof e.field === 'string' ? /^nomination_ids[.[]([^\]]+)\]?$/.exec(e.field) : null;
    if (!m?.[1] || /^\d+$/.test(m[1])) continue;
    (out[m[1]] ??= []).push(e.message || e.code || '');
  }
  return out;
}

export type FormAvailability = 'available' | 'not_yet' | 'ended' | 'not_for_kind';

/** Whether a form can be proposed today for a kind of nominee (the catalogue's `in_force`, and its kinds). */
export function formAvailability(form: Pick<AwardForm, 'in_force' | 'valid_from' | 'nominee_kinds'>, kind: NomineeKind | undefined, today: string): FormAvailability {
  if (!form.in_force) return form.valid_from > today ? 'not_yet' : 'ended';
  if (kind && !form.nominee_kinds.includes(kind)) return 'not_for_kind';
  return 'available';
}

/** `05/12` for a yearly deadline, or null. */
export function formDeadline(form: Pick<AwardForm, 'deadline_month' | 'deadline_day'>): string | null {
  if (!form.deadline_month || !form.deadline_day) return null;
  return `${String(form.deadline_day).padStart(2, '0')}/${String(form.deadline_month).padStart(2, '0')}`;
}

export interface NomineeChoice {
  kind?: NomineeKind;
  initiative_id?: string | null;
  user_id?: string | null;
  organization_id?: string | null;
}

/** The id the chosen kind needs, or null while the nominee is incomplete. */
export function nomineeFields(choice: NomineeChoice): Pick<NomineeRequest, 'nominee_kind' | 'initiative_id' | 'user_id' | 'organization_id'> | null {
  switch (choice.kind) {
    case 'initiative':
      return choice.initiative_id ? { nominee_kind: 'initiative', initiative_id: choice.initiative_id } : null;
    case 'person':
      return choice.user_id ? { nominee_kind: 'person', user_id: choice.user_id } : null;
    case 'unit':
      return choice.organization_id ? { nominee_kind: 'unit', organization_id: choice.organization_id } : null;
    default:
      return null;
  }
}

/** The preview's request once the nominee and the form are chosen; the year only when plausible. */
export function eligibilityRequest(choice: NomineeChoice & { award_form_id?: string | null; year?: number | null }): NomineeRequest | null {
  const nominee = nomineeFields(choice);
  if (!nominee || !choice.award_form_id) return null;
  const year = typeof choice.year === 'number' && choice.year >= 2000 && choice.year <= 2100 ? choice.year : undefined;
  return { ...nominee, award_form_id: choice.award_form_id, ...(year ? { year } : {}) };
}

/** A saved nomination's nominee, as the preview and the form take it. */
export function choiceOf(nominee: Nominee): NomineeChoice {
  return {
    kind: nominee.kind,
    initiative_id: nominee.initiative?.id ?? null,
    user_id: nominee.person?.id ?? null,
    organization_id: nominee.unit?.id ?? null,
  };
}

import type { Lang } from '@/api/problem';
import type { components } from '@/api/schema.gen';

type Criterion = components['schemas']['CriterionView'];
type Entry = components['schemas']['EntryView'];
type Assignment = components['schemas']['AssignmentView'];
type Member = components['schemas']['RoundMemberView'];
type UserRef = components['schemas']['UserRef'];
type Sheet = components['schemas']['SheetView'];
type SaveSheet = components['schemas']['SaveSheetRequest'];

/** Points as people write them: `83,5` in Vietnamese, `83.5` in English (two decimals at most); blank when absent. */
export function formatPoints(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 2 }).format(value);
}

/** `83,5 / 100`; a dash for a total not computed yet (no submitted sheet). */
export function formatTotal(total: number | null | undefined, max: number, lang: Lang): string {
  const value = formatPoints(total, lang);
  return `${value === '' ? '—' : value} / ${formatPoints(max, lang)}`;
}

// ── the board's matrix ─────────────────────────────────────────────────────────

export type CellState = 'none' | 'due' | 'draft' | 'submitted' | 'recused';

/** What one evaluator's cell of an initiative shows: not assigned, due, draft, submitted or recused. */
export function cellState(a: Pick<Assignment, 'recused' | 'sheet'> | undefined): CellState {
  if (!a) return 'none';
  if (a.recused) return 'recused';
  return a.sheet;
}

export interface MatrixRow {
  entry: Entry;
  cells: Map<string, Assignment>;
}

export interface Matrix {
  /** The columns: evaluators with at least one assignment, in the committee's order. */
  evaluators: UserRef[];
  rows: MatrixRow[];
}

/** Rows are the initiatives (in registration order), columns the evaluators assigned to any of them. */
export function sheetMatrix(entries: readonly Entry[], members: readonly Member[]): Matrix {
  const assigned = new Map<string, UserRef>();
  for (const e of entries) for (const a of e.assignments) assigned.set(a.evaluator.id, a.evaluator);
  const order = new Map(members.map((m, i) => [m.user.id, i]));
  const evaluators = [...assigned.values()].sort(
    (a, b) => (order.get(a.id) ?? members.length) - (order.get(b.id) ?? members.length) || a.display_name.localeCompare(b.display_name, 'vi'),
  );
  const rows = [...entries]
    .sort((a, b) => a.sort_order - b.sort_order)
    .map((entry) => ({ entry, cells: new Map(entry.assignments.map((a) => [a.evaluator.id, a])) }));
  return { evaluators, rows };
}

// ── the score sheet form ───────────────────────────────────────────────────────

export interface SheetValues {
  scores: Record<string, number | null | undefined>;
  gates: Record<string, boolean | null | undefined>;
  comments: Record<string, string | undefined>;
  overall_comment?: string;
}

/** The form's starting values: what the sheet holds, every criterion present (blank when unscored). */
export function sheetFormValues(sheet: Pick<Sheet, 'criteria' | 'scores' | 'gates' | 'comments' | 'overall_comment'>): SheetValues {
  const scores: SheetValues['scores'] = {};
  const gates: SheetValues['gates'] = {};
  const comments: SheetValues['comments'] = {};
  for (const c of sheet.criteria) {
    if (c.gate) gates[c.code] = sheet.gates[c.code] ?? null;
    else scores[c.code] = sheet.scores[c.code] ?? null;
    comments[c.code] = sheet.comments[c.code] ?? '';
  }
  return { scores, gates, comments, overall_comment: sheet.overall_comment ?? '' };
}

const isScore = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * What PUT sends: every map whole (each replaces the sheet's), only the criteria scored or
 * answered, comments trimmed and blank ones left out; an empty overall comment clears it.
 */
export function toSaveRequest(values: Partial<SheetValues>, criteria: readonly Criterion[]): SaveSheet {
  const scores: Record<string, number> = {};
  const gates: Record<string, boolean> = {};
  const comments: Record<string, string> = {};
  for (const c of criteria) {
    if (c.gate) {
      const g = values.gates?.[c.code];
      if (typeof g === 'boolean') gates[c.code] = g;
    } else {
      const s = values.scores?.[c.code];
      if (isScore(s)) scores[c.code] = s;
    }
    const text = values.comments?.[c.code]?.trim();
    if (text) comments[c.code] = text;
  }
  return { scores, gates, comments, overall_comment: values.overall_comment?.trim() ?? '' };
}

/** The weighted total of the scores given so far (Σ weight × score), as the server computes it. */
export function runningTotal(values: Partial<SheetValues>, criteria: readonly Criterion[]): number {
  return criteria.reduce((sum, c) => {
    const s = values.scores?.[c.code];
    return c.gate || !isScore(s) ? sum : sum + c.weight * s;
  }, 0);
}

/** The criteria not scored or answered yet (submitting needs them all). */
export function missingCriteria(values: Partial<SheetValues>, criteria: readonly Criterion[]): Criterion[] {
  return criteria.filter((c) => (c.gate ? typeof values.gates?.[c.code] !== 'boolean' : !isScore(values.scores?.[c.code])));
}

/**
 * A field error of the API on the form's field: the API names a gate left unanswered
 * `scores.<code>` like a score, while the form keeps gates under `gates`.
 */
export function sheetFieldName(name: (string | number)[], criteria: readonly Criterion[]): (string | number)[] {
  if (name.length === 2 && name[0] === 'scores' && criteria.some((c) => c.gate && c.code === name[1])) return ['gates', name[1]!];
  return name;
}

/** The votes in favour a decision needs: at least two thirds of the committee's members. */
export function twoThirdsOf(members: number): number {
  return Math.ceil((members * 2) / 3);
}

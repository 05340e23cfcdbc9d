/**
 * The authors' shares, checked in the browser as the API checks them (whole percents, each
 * 1–100, one line per person, summing to exactly 100) so the form can say so before sending.
 * The API remains the authority.
 */

export interface AuthorRow {
  user_id?: string | null;
  contribution_pct?: number | null;
}

/** The running total of the shares typed so far (blank shares count 0). */
export function contributionTotal(rows: readonly (AuthorRow | null | undefined)[] | null | undefined): number {
  return (rows ?? []).reduce((sum, r) => sum + (Number.isFinite(r?.contribution_pct) ? Number(r!.contribution_pct) : 0), 0);
}

export type AuthorsProblem =
  | { kind: 'empty' }
  | { kind: 'duplicate'; index: number }
  | { kind: 'total'; total: number };

/** What is wrong with the authors list, or null when it can be sent. */
export function authorsProblem(rows: readonly (AuthorRow | null | undefined)[] | null | undefined): AuthorsProblem | null {
  const list = rows ?? [];
  if (list.length === 0) return { kind: 'empty' };
  const seen = new Set<string>();
  for (const [index, r] of list.entries()) {
    if (r?.user_id) {
      if (seen.has(r.user_id)) return { kind: 'duplicate', index };
      seen.add(r.user_id);
    }
  }
  const total = contributionTotal(list);
  return total === 100 ? null : { kind: 'total', total };
}

/**
 * A share suggestion for a newly added author: what is left to reach 100 (at least 1).
 */
export function remainingShare(rows: readonly (AuthorRow | null | undefined)[] | null | undefined): number {
  return Math.max(1, 100 - contributionTotal(rows));
}

import { EVALUATION_LIMITS, type MemberRole } from './api/evaluation';

export interface CommitteeSeats {
  chair?: string | null;
  secretary?: string | null;
  members?: string[] | null;
}

/** The seats as the API takes them: the chair, the secretary if any, then the members. */
export function committeeMembers(v: CommitteeSeats): { user_id: string; role: MemberRole }[] {
  const seats: { user_id: string; role: MemberRole }[] = [];
  if (v.chair) seats.push({ user_id: v.chair, role: 'chair' });
  if (v.secretary) seats.push({ user_id: v.secretary, role: 'secretary' });
  for (const m of v.members ?? []) seats.push({ user_id: m, role: 'member' });
  return seats;
}

/** The API's rule on a committee, checked before sending: each person once, 3 to 50 people. */
export function committeeProblem(v: CommitteeSeats): 'duplicate' | 'too_small' | 'too_large' | null {
  const ids = committeeMembers(v).map((s) => s.user_id);
  if (new Set(ids).size !== ids.length) return 'duplicate';
  if (ids.length < EVALUATION_LIMITS.minMembers) return 'too_small';
  if (ids.length > EVALUATION_LIMITS.members) return 'too_large';
  return null;
}

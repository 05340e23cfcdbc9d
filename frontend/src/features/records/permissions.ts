import { hasRole, type Me, type RoleCode } from '@/lib/auth';

/** Who keeps ratings and violation records (the API decides each unit and person). */
const RECORD_ROLES: readonly RoleCode[] = ['unit_head', 'authority_officer'];

/** For navigation only: the menu's "Xếp loại & kỷ luật". */
export function canKeepRecords(me: Me | undefined): boolean {
  return hasRole(me, 'unit_head', 'authority_officer', 'admin');
}

/** A unit's collective rating is the authority's to record (never its own head's). */
export function canRateUnits(me: Me | undefined): boolean {
  return hasRole(me, 'authority_officer', 'admin');
}

/** Roots of the subtrees whose records the caller keeps; null for an administrator (everywhere). */
export function recordRoots(me: Me | undefined): string[] | null {
  if (hasRole(me, 'admin')) return null;
  return [...new Set((me?.roles ?? []).filter((r) => RECORD_ROLES.includes(r.role)).map((r) => r.organization_id))];
}

/** The unit the pages open on: the one the caller heads, else the authority's, else their own. */
export function defaultRecordsUnit(me: Me | undefined): string | undefined {
  if (!me) return undefined;
  const head = me.roles.find((r) => r.role === 'unit_head');
  const authority = me.roles.find((r) => r.role === 'authority_officer');
  return head?.organization_id ?? authority?.organization_id ?? me.organization.id;
}

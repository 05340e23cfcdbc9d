import { hasRole, type Me } from '@/lib/auth';

/**
 * For navigation only (the API decides, and each nomination says what it allows): unit heads
 * propose their unit's nominees, the authority's officers review them and record decisions,
 * administrators see everything.
 */
export function showsAwards(me: Me | undefined): boolean {
  return hasRole(me, 'unit_head', 'authority_officer', 'admin');
}

export function canNominate(me: Me | undefined): boolean {
  return hasRole(me, 'unit_head');
}

export function canReview(me: Me | undefined): boolean {
  return hasRole(me, 'authority_officer', 'admin');
}

export function canRecordDecisions(me: Me | undefined): boolean {
  return hasRole(me, 'authority_officer', 'admin');
}

export interface UnitChoice {
  id: string;
  name: string;
}

/** The units whose head the caller is: where they propose nominees from. */
export function proposingUnits(me: Me | undefined): UnitChoice[] {
  return unique((me?.roles ?? []).filter((r) => r.role === 'unit_head').map((r) => ({ id: r.organization_id, name: r.organization_name })));
}

/** The authorities the caller reviews for (officers), the units they head, else their own organisation. */
export function ownUnits(me: Me | undefined): UnitChoice[] {
  if (!me) return [];
  const held = me.roles.filter((r) => r.role === 'authority_officer' || r.role === 'unit_head').map((r) => ({ id: r.organization_id, name: r.organization_name }));
  return unique(held.length > 0 ? held : [{ id: me.organization.id, name: me.organization.name }]);
}

/** Where an officer issues decisions: the roots of their authority_officer roles. */
export function issuingAuthorities(me: Me | undefined): UnitChoice[] {
  return unique((me?.roles ?? []).filter((r) => r.role === 'authority_officer').map((r) => ({ id: r.organization_id, name: r.organization_name })));
}

function unique(list: UnitChoice[]): UnitChoice[] {
  const seen = new Set<string>();
  return list.filter((u) => (seen.has(u.id) ? false : (seen.add(u.id), true)));
}

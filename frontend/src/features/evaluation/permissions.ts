import { hasRole, type Me } from '@/lib/auth';
import type { RoundLevel } from './api/evaluation';

/**
 * For navigation only (the API decides): a unit's head sets up its committee's rounds, an
 * authority officer those of the authority's committee and the award pre-selection.
 */
export function canCreateRounds(me: Me | undefined): boolean {
  return hasRole(me, 'unit_head', 'authority_officer');
}

/** The levels the caller may organise, in the order the form offers them. */
export function creatableLevels(me: Me | undefined): RoundLevel[] {
  const levels: RoundLevel[] = [];
  if (hasRole(me, 'unit_head')) levels.push('unit_committee');
  if (hasRole(me, 'authority_officer')) levels.push('authority_committee', 'award_preselection');
  return levels;
}

/** Where the caller organises rounds of a level: the subtree root of the role that allows it. */
export function organiserRoot(me: Me | undefined, level: RoundLevel): string | undefined {
  const role = level === 'unit_committee' ? 'unit_head' : 'authority_officer';
  return me?.roles.find((r) => r.role === role)?.organization_id;
}

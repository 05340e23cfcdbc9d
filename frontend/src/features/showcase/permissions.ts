import { hasRole, type Me, type RoleCode } from '@/lib/auth';
import { walkTree, type OrganizationNode } from '@/lib/organizations';

/** Who registers and tracks a unit's replications (the API decides each one). */
const REPLICATING_ROLES: readonly RoleCode[] = ['unit_head', 'unit_focal', 'authority_officer'];

/** For navigation only: the model page's "Đăng ký nhân rộng" button, the tracking menu. */
export function canReplicate(me: Me | undefined): boolean {
  return hasRole(me, ...REPLICATING_ROLES) || hasRole(me, 'admin');
}

/** The authority over an accepted initiative's unit puts it into the showcase. */
export function canPublish(me: Me | undefined): boolean {
  return hasRole(me, 'authority_officer');
}

/** For navigation only: "Sửa nội dung công bố" on a model's page (the API checks the authority over its unit). */
export function canEditModel(me: Me | undefined): boolean {
  return hasRole(me, 'authority_officer', 'admin');
}

/** Roots of the subtrees where the caller may register a replication. */
export function replicationRoots(me: Me | undefined): string[] {
  return [...new Set((me?.roles ?? []).filter((r) => REPLICATING_ROLES.includes(r.role)).map((r) => r.organization_id))];
}

/** Every organisation in the subtrees under `roots` (all of them when `roots` is null: an admin). */
export function organizationsUnder(tree: readonly OrganizationNode[], roots: readonly string[] | null): Set<string> {
  const ids = new Set<string>();
  const collect = (n: OrganizationNode) => {
    for (const [m] of walkTree([n])) ids.add(m.id);
  };
  for (const [n] of walkTree(tree)) {
    if (ids.has(n.id)) continue;
    if (roots === null || roots.includes(n.id)) collect(n);
  }
  return ids;
}

/** The adopting unit the form starts with: the caller's own unit, else the first where they may act. */
export function defaultAdoptingUnit(me: Me | undefined): string | undefined {
  if (!me) return undefined;
  const roots = replicationRoots(me);
  const ownRole = me.roles.some((r) => REPLICATING_ROLES.includes(r.role) && r.organization_id === me.organization.id);
  return ownRole || roots.length === 0 ? me.organization.id : roots[0];
}

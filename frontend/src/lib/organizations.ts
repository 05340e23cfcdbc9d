import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema.gen';

export type OrganizationNode = components['schemas']['OrganizationNode'];
export type OrganizationKind = components['schemas']['OrganizationKindView'];

/** Shared by every feature that picks an organisation; the tree is what the caller may see. */
export const organizationTreeQuery = () =>
  queryOptions({
    queryKey: ['organizations', 'tree'],
    queryFn: () => unwrap(api.GET('/api/v1/organizations/tree')),
    staleTime: 5 * 60_000,
  });

export const organizationKindsQuery = () =>
  queryOptions({
    queryKey: ['organization-kinds'],
    queryFn: () => unwrap(api.GET('/api/v1/organization-kinds')),
    staleTime: 60 * 60_000,
  });

/** Depth-first walk of the forest. */
export function* walkTree(nodes: readonly OrganizationNode[], depth = 0): Generator<[OrganizationNode, number]> {
  for (const n of nodes) {
    yield [n, depth];
    yield* walkTree(n.children ?? [], depth + 1);
  }
}

export function findNode(nodes: readonly OrganizationNode[], id: string): OrganizationNode | undefined {
  for (const [n] of walkTree(nodes)) if (n.id === id) return n;
  return undefined;
}

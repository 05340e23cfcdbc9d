import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema.gen';

export type Organization = components['schemas']['OrganizationView'];
export type CreateOrganization = components['schemas']['CreateOrganizationRequest'];
export type UpdateOrganization = components['schemas']['UpdateOrganizationRequest'];

export const organizationQuery = (id: string) =>
  queryOptions({
    queryKey: ['organizations', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id } } })),
  });

/** Any change can move nodes in the tree every feature picks from: refetch all of it. */
function useInvalidateOrganizations() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['organizations'] });
}

export function useCreateOrganization() {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: (body: CreateOrganization) => unwrap(api.POST('/api/v1/organizations', { body })),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateOrganization() {
  const invalidate = useInvalidateOrganizations();
  return useMutation({
    mutationFn: ({ org, body }: { org: Organization; body: UpdateOrganization }) =>
      unwrap(
        api.PATCH('/api/v1/organizations/{id}', {
          params: { path: { id: org.id }, header: { 'If-Match': org.etag } },
          body,
        }),
      ),
    onSettled: () => invalidate(),
  });
}

import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components, paths } from '@/api/schema.gen';

export type User = components['schemas']['UserView'];
export type CreateUser = components['schemas']['CreateUserRequest'];
export type UpdateUser = components['schemas']['UpdateUserRequest'];
export type GrantRole = components['schemas']['GrantRoleRequest'];
export type Role = components['schemas']['RoleCode'];
export type UserListParams = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;

export const ROLES: readonly Role[] = ['staff', 'unit_focal', 'unit_head', 'evaluator', 'authority_officer', 'admin'];

export const userKeys = {
  list: (params: UserListParams) => ['users', 'list', params] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export const userListQuery = (params: UserListParams) =>
  queryOptions({
    queryKey: userKeys.list(params),
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

function useInvalidateUsers() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['users'] });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: CreateUser) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ user, body }: { user: User; body: UpdateUser }) =>
      unwrap(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: user.id }, header: { 'If-Match': user.etag } },
          body,
        }),
      ),
    onSettled: () => invalidate(),
  });
}

export function useSetUserActive() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      active
        ? unwrap(api.POST('/api/v1/users/{id}/activate', { params: { path: { id } } }))
        : unwrap(api.POST('/api/v1/users/{id}/deactivate', { params: { path: { id } } })),
    onSettled: () => invalidate(),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) =>
      unwrap(api.POST('/api/v1/users/{id}/reset-password', { params: { path: { id } }, body: { new_password: newPassword } })),
  });
}

export function useGrantRole() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: GrantRole }) =>
      unwrap(api.POST('/api/v1/users/{id}/roles', { params: { path: { id } }, body })),
    onSettled: () => invalidate(),
  });
}

export function useRevokeRole() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, grantId }: { id: string; grantId: string }) =>
      unwrap(api.DELETE('/api/v1/users/{id}/roles/{grant_id}', { params: { path: { id, grant_id: grantId } } })),
    onSettled: () => invalidate(),
  });
}

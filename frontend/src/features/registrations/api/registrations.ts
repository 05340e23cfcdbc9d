import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { isApiError } from '@/api/problem';
import type { components, paths } from '@/api/schema.gen';

export type Registration = components['schemas']['RegistrationView'];
export type RegistrationStatus = components['schemas']['SubmissionStatusCode'];
export type RegistrationVersion = components['schemas']['RegistrationVersionView'];
export type VersionSummary = components['schemas']['VersionSummary'];
export type RegisteredInitiative = components['schemas']['RegisteredInitiative'];
export type Commitment = components['schemas']['CommitmentView'];
export type CommitmentStatus = components['schemas']['CommitmentStatusCode'];
export type CommitmentInput = components['schemas']['CommitmentInput'];
export type UpdateCommitment = components['schemas']['UpdateCommitmentRequest'];
export type RegistrationListParams = NonNullable<paths['/api/v1/registrations']['get']['parameters']['query']>;

export const REGISTRATION_STATUSES: readonly RegistrationStatus[] = ['draft', 'submitted', 'received', 'returned'];
export const COMMITMENT_STATUSES: readonly CommitmentStatus[] = ['planned', 'in_progress', 'done', 'not_done'];

export const registrationKeys = {
  all: ['registrations'] as const,
  lists: ['registrations', 'list'] as const,
  list: (params: RegistrationListParams) => ['registrations', 'list', params] as const,
  detail: (id: string) => ['registrations', 'detail', id] as const,
  version: (id: string, number: number) => ['registrations', 'version', id, number] as const,
};

export const registrationListQuery = (params: RegistrationListParams) =>
  queryOptions({
    queryKey: registrationKeys.list(params),
    queryFn: () => unwrap(api.GET('/api/v1/registrations', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

export const registrationQuery = (id: string) =>
  queryOptions({
    queryKey: registrationKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/registrations/{id}', { params: { path: { id } } })),
  });

export const registrationVersionQuery = (id: string, number: number) =>
  queryOptions({
    queryKey: registrationKeys.version(id, number),
    queryFn: () => unwrap(api.GET('/api/v1/registrations/{id}/versions/{number}', { params: { path: { id, number } } })),
    // A submitted version never changes.
    staleTime: Infinity,
  });

/**
 * The state named by a `409` (errors[0].code is the registration's current state), or null for
 * any other error.
 */
export function registrationConflictState(error: unknown): RegistrationStatus | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const code = error.problem?.errors?.[0]?.code;
  return code && (REGISTRATION_STATUSES as readonly string[]).includes(code) ? (code as RegistrationStatus) : null;
}

/** The server's view replaces the cached one (it carries the new etag); every list goes stale. */
function useRefresh() {
  const qc = useQueryClient();
  return {
    put: (view: Registration) => {
      qc.setQueryData(registrationKeys.detail(view.id), view);
      void qc.invalidateQueries({ queryKey: registrationKeys.lists });
    },
    reload: (id: string) => {
      void qc.invalidateQueries({ queryKey: registrationKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: registrationKeys.lists });
    },
  };
}

export function useOpenRegistration() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: components['schemas']['OpenRegistrationRequest']) => unwrap(api.POST('/api/v1/registrations', { body })),
    onSuccess: (view) => refresh.put(view),
  });
}

export function useAddCommitment() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ registration, body }: { registration: Registration; body: CommitmentInput }) =>
      unwrap(
        api.POST('/api/v1/registrations/{id}/commitments', {
          params: { path: { id: registration.id }, header: { 'If-Match': registration.etag } },
          body,
        }),
      ),
    onSuccess: (view) => refresh.put(view),
    onError: (_e, { registration }) => refresh.reload(registration.id),
  });
}

export function useUpdateCommitment() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ registration, commitmentId, body }: { registration: Registration; commitmentId: string; body: UpdateCommitment }) =>
      unwrap(
        api.PATCH('/api/v1/registrations/{id}/commitments/{commitment_id}', {
          params: { path: { id: registration.id, commitment_id: commitmentId }, header: { 'If-Match': registration.etag } },
          body,
        }),
      ),
    onSuccess: (view) => refresh.put(view),
    onError: (_e, { registration }) => refresh.reload(registration.id),
  });
}

export function useDeleteCommitment() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ registration, commitmentId }: { registration: Registration; commitmentId: string }) =>
      unwrap(
        api.DELETE('/api/v1/registrations/{id}/commitments/{commitment_id}', {
          params: { path: { id: registration.id, commitment_id: commitmentId }, header: { 'If-Match': registration.etag } },
        }),
      ),
    onSuccess: (view) => refresh.put(view),
    onError: (_e, { registration }) => refresh.reload(registration.id),
  });
}

export type RegistrationTransition = { action: 'submit' } | { action: 'receive' } | { action: 'return'; reason: string };

/** Submit (head), receive and return (authority officer); the id travels with the call so inbox rows can share it. */
export function useRegistrationTransition() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: RegistrationTransition }) => {
      const path = { params: { path: { id } } };
      switch (request.action) {
        case 'submit':
          return unwrap(api.POST('/api/v1/registrations/{id}/submit', path));
        case 'receive':
          return unwrap(api.POST('/api/v1/registrations/{id}/receive', path));
        case 'return':
          return unwrap(api.POST('/api/v1/registrations/{id}/return', { ...path, body: { reason: request.reason } }));
      }
    },
    onSuccess: (view) => refresh.put(view),
    onError: (_e, { id }) => refresh.reload(id),
  });
}

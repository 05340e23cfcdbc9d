import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { isApiError } from '@/api/problem';
import type { components, paths } from '@/api/schema.gen';

export type Initiative = components['schemas']['InitiativeView'];
export type InitiativeStatus = components['schemas']['InitiativeStatusCode'];
export type InitiativeKind = components['schemas']['InitiativeKindCode'];
export type ReformArea = components['schemas']['ReformAreaView'];
export type RoadmapStep = components['schemas']['RoadmapStepView'];
export type Author = components['schemas']['AuthorView'];
export type AuthorInput = components['schemas']['AuthorInput'];
export type Transition = components['schemas']['TransitionView'];
export type CreateInitiative = components['schemas']['CreateInitiativeRequest'];
export type UpdateInitiative = components['schemas']['UpdateInitiativeRequest'];
export type NewRoadmapStep = components['schemas']['RoadmapStepInput'];
export type UpdateRoadmapStep = components['schemas']['UpdateRoadmapStepRequest'];
export type InitiativeListParams = NonNullable<paths['/api/v1/initiatives']['get']['parameters']['query']>;
type CampaignListParams = NonNullable<paths['/api/v1/campaigns']['get']['parameters']['query']>;
type UserListParams = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;

export const STATUSES: readonly InitiativeStatus[] = [
  'draft',
  'submitted',
  'returned',
  'registered',
  'in_progress',
  'completed',
  'accepted',
  'not_accepted',
  'withdrawn',
];
export const KINDS: readonly InitiativeKind[] = ['work', 'model', 'solution', 'initiative', 'good_practice'];

/** State changes, in the order their buttons are shown (`allowed_actions` decides which). */
export const TRANSITIONS = ['submit', 'register', 'return', 'start', 'complete', 'withdraw'] as const;
export type InitiativeTransition = (typeof TRANSITIONS)[number];
/** Transitions without a body (`return` carries a reason). */
export type PlainTransition = Exclude<InitiativeTransition, 'return'>;

export const initiativeKeys = {
  all: ['initiatives'] as const,
  lists: ['initiatives', 'list'] as const,
  list: (params: InitiativeListParams) => ['initiatives', 'list', params] as const,
  detail: (id: string) => ['initiatives', 'detail', id] as const,
  history: (id: string) => ['initiatives', 'history', id] as const,
};

export const initiativeListQuery = (params: InitiativeListParams) =>
  queryOptions({
    queryKey: initiativeKeys.list(params),
    queryFn: () => unwrap(api.GET('/api/v1/initiatives', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

export const initiativeQuery = (id: string) =>
  queryOptions({
    queryKey: initiativeKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/initiatives/{id}', { params: { path: { id } } })),
  });

export const initiativeHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: initiativeKeys.history(id),
    queryFn: () => unwrap(api.GET('/api/v1/initiatives/{id}/history', { params: { path: { id } } })),
  });

export const reformAreasQuery = () =>
  queryOptions({
    queryKey: ['reform-areas'],
    queryFn: () => unwrap(api.GET('/api/v1/reform-areas')),
    staleTime: 60 * 60_000,
  });

/**
 * Campaigns for pickers and filters. The key is the campaigns feature's list key, so their
 * changes refresh these too.
 */
export const campaignOptionsQuery = (status?: CampaignListParams['status']) => {
  const params: CampaignListParams = { per_page: 100, ...(status ? { status } : {}) };
  return queryOptions({
    queryKey: ['campaigns', 'list', params],
    queryFn: () => unwrap(api.GET('/api/v1/campaigns', { params: { query: params } })),
    staleTime: 5 * 60_000,
  });
};

/**
 * Active people of a unit, for the author picker. Only heads, authority officers and
 * administrators may list users: anyone else gets a 403, and the picker falls back to the
 * caller.
 */
export const unitMembersQuery = (organizationId: string) => {
  const params: UserListParams = { organization_id: organizationId, is_active: true, per_page: 100, sort: 'display_name' };
  return queryOptions({
    queryKey: ['users', 'list', params],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: params } })),
    staleTime: 5 * 60_000,
    retry: false,
  });
};

/**
 * The state named by a `409 invalid_transition` (errors[0] is `{field: "status", code: <state>}`),
 * or null for any other error.
 */
export function conflictState(error: unknown): InitiativeStatus | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const first = error.problem?.errors?.[0];
  if (first?.field !== 'status' || !first.code) return null;
  return (STATUSES as readonly string[]).includes(first.code) ? (first.code as InitiativeStatus) : null;
}

/**
 * After a change the server's view replaces the cached one (it carries the new etags),
 * the history is refetched and every list goes stale.
 */
function useRefresh() {
  const qc = useQueryClient();
  return {
    put: (view: Initiative) => {
      qc.setQueryData(initiativeKeys.detail(view.id), view);
      void qc.invalidateQueries({ queryKey: initiativeKeys.lists });
      void qc.invalidateQueries({ queryKey: initiativeKeys.history(view.id) });
    },
    reload: (id: string) => {
      void qc.invalidateQueries({ queryKey: initiativeKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: initiativeKeys.lists });
      void qc.invalidateQueries({ queryKey: initiativeKeys.history(id) });
    },
  };
}

export function useCreateInitiative() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateInitiative) => unwrap(api.POST('/api/v1/initiatives', { body })),
    onSuccess: (view) => refresh.put(view),
  });
}

export function useUpdateInitiative() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ initiative, body }: { initiative: Initiative; body: UpdateInitiative }) =>
      unwrap(
        api.PATCH('/api/v1/initiatives/{id}', {
          params: { path: { id: initiative.id }, header: { 'If-Match': initiative.etag } },
          body,
        }),
      ),
    onSuccess: (view) => refresh.put(view),
  });
}

export type TransitionRequest = { action: PlainTransition } | { action: 'return'; reason: string };

/** One hook for every state change; the id travels with the call so list rows can share it. */
export function useInitiativeTransition() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: TransitionRequest }) => {
      const path = { params: { path: { id } } };
      switch (request.action) {
        case 'submit':
          return unwrap(api.POST('/api/v1/initiatives/{id}/submit', path));
        case 'register':
          return unwrap(api.POST('/api/v1/initiatives/{id}/register', path));
        case 'start':
          return unwrap(api.POST('/api/v1/initiatives/{id}/start', path));
        case 'complete':
          return unwrap(api.POST('/api/v1/initiatives/{id}/complete', path));
        case 'withdraw':
          return unwrap(api.POST('/api/v1/initiatives/{id}/withdraw', path));
        case 'return':
          return unwrap(api.POST('/api/v1/initiatives/{id}/return', { ...path, body: { reason: request.reason } }));
      }
    },
    onSuccess: (view) => refresh.put(view),
    onError: (_e, { id }) => refresh.reload(id),
  });
}

export function useAddRoadmapStep(initiativeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: NewRoadmapStep) =>
      unwrap(api.POST('/api/v1/initiatives/{id}/roadmap', { params: { path: { id: initiativeId } }, body })),
    onSuccess: (view) => refresh.put(view),
  });
}

export function useUpdateRoadmapStep(initiativeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ step, body }: { step: RoadmapStep; body: UpdateRoadmapStep }) =>
      unwrap(
        api.PATCH('/api/v1/initiatives/{id}/roadmap/{step_id}', {
          params: { path: { id: initiativeId, step_id: step.id }, header: { 'If-Match': step.etag } },
          body,
        }),
      ),
    onSuccess: (view) => refresh.put(view),
    onError: () => refresh.reload(initiativeId),
  });
}

export function useDeleteRoadmapStep(initiativeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (stepId: string) =>
      unwrap(
        api.DELETE('/api/v1/initiatives/{id}/roadmap/{step_id}', {
          params: { path: { id: initiativeId, step_id: stepId } },
        }),
      ),
    onSuccess: (view) => refresh.put(view),
    onError: () => refresh.reload(initiativeId),
  });
}

import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components, paths } from '@/api/schema.gen';
import { publicApi } from './public-client';

export type ShowcaseSummary = components['schemas']['ShowcaseSummary'];
export type ShowcasePage = components['schemas']['Page_ShowcaseSummary'];
export type ShowcaseModel = components['schemas']['ShowcaseModelView'];
export type PublicPerson = components['schemas']['PublicPerson'];
export type PublicFile = components['schemas']['PublicFile'];
export type PublicAward = components['schemas']['PublicAward'];
export type PublicReplication = components['schemas']['PublicReplication'];
export type PublishModel = components['schemas']['PublishModelRequest'];
export type UpdateModel = components['schemas']['UpdateModelRequest'];
export type Replication = components['schemas']['ReplicationView'];
export type ReplicationPage = components['schemas']['Page_ReplicationView'];
export type ReplicationStatus = components['schemas']['ReplicationStatusCode'];
export type Figure = components['schemas']['FigureView'];
export type CreateReplication = components['schemas']['CreateReplicationRequest'];
export type UpdateReplication = components['schemas']['UpdateReplicationRequest'];
export type ReplicationListParams = NonNullable<paths['/api/v1/replications']['get']['parameters']['query']>;

export const REPLICATION_STATUSES: readonly ReplicationStatus[] = ['planned', 'in_progress', 'adopted', 'abandoned'];

/** The limits the API enforces (create_replication, update_replication, publish_showcase_model). */
export const SHOWCASE_LIMITS = {
  figures: 30,
  figureLabel: 200,
  figureUnit: 50,
  /** |before|, |after| ≤ 10¹². */
  figureValue: 1e12,
  notes: 10_000,
  summary: 5_000,
  results: 10_000,
  caption: 500,
} as const;

export const SHOWCASE_PAGE_SIZE = 12;

export const showcaseKeys = {
  all: ['showcase'] as const,
  lists: ['showcase', 'list'] as const,
  list: (q: string, page: number) => ['showcase', 'list', { q, page }] as const,
  model: (id: string) => ['showcase', 'model', id] as const,
  byInitiative: (initiativeId: string) => ['showcase', 'initiative', initiativeId] as const,
};

export const replicationKeys = {
  all: ['replications'] as const,
  lists: ['replications', 'list'] as const,
  list: (params: ReplicationListParams) => ['replications', 'list', params] as const,
  detail: (id: string) => ['replications', 'detail', id] as const,
};

/** One page of the showcase; `q` (diacritics ignored) ranks by relevance. Public: no token. */
export const showcaseListQuery = (q: string, page: number) => {
  const words = q.trim();
  return queryOptions({
    queryKey: showcaseKeys.list(words, page),
    queryFn: () =>
      unwrap(publicApi.GET('/api/v1/showcase', { params: { query: { page, per_page: SHOWCASE_PAGE_SIZE, ...(words ? { q: words } : {}) } } })),
    placeholderData: keepPreviousData,
  });
};

/** A model's public page. Public: no token. */
export const showcaseModelQuery = (id: string) =>
  queryOptions({
    queryKey: showcaseKeys.model(id),
    queryFn: () => unwrap(publicApi.GET('/api/v1/showcase/{id}', { params: { path: { id } } })),
  });

/** The model recognised from an initiative, or null when it is not in the showcase. Public: no token. */
export const showcaseByInitiativeQuery = (initiativeId: string) =>
  queryOptions({
    queryKey: showcaseKeys.byInitiative(initiativeId),
    queryFn: async (): Promise<ShowcaseSummary | null> => {
      const found = await unwrap(publicApi.GET('/api/v1/showcase', { params: { query: { initiative_id: initiativeId, per_page: 1 } } }));
      return found.items[0] ?? null;
    },
  });

/** The authority over an accepted initiative's unit publishes it as a typical model. */
export function usePublishModel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishModel) => unwrap(api.POST('/api/v1/showcase', { body })),
    onSuccess: (view) => {
      qc.setQueryData(showcaseKeys.model(view.id), view);
      void qc.invalidateQueries({ queryKey: showcaseKeys.lists });
      void qc.invalidateQueries({ queryKey: showcaseKeys.byInitiative(view.initiative_id) });
    },
  });
}

/** The authority over the model's unit changes what the showcase shows of it (summary, results, day, evidence). */
export function useUpdateModel(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateModel) => unwrap(api.PUT('/api/v1/showcase/{id}', { params: { path: { id } }, body })),
    onSuccess: (view) => {
      qc.setQueryData(showcaseKeys.model(view.id), view);
      void qc.invalidateQueries({ queryKey: showcaseKeys.lists });
      void qc.invalidateQueries({ queryKey: showcaseKeys.byInitiative(view.initiative_id) });
    },
  });
}

export const replicationListQuery = (params: ReplicationListParams) =>
  queryOptions({
    queryKey: replicationKeys.list(params),
    queryFn: () => unwrap(api.GET('/api/v1/replications', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

export const replicationQuery = (id: string) =>
  queryOptions({
    queryKey: replicationKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/replications/{id}', { params: { path: { id } } })),
  });

/** A unit plans to adopt a model; the model's page (its "Nơi nhân rộng") is asked for again. */
export function useCreateReplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReplication) => unwrap(api.POST('/api/v1/replications', { body })),
    onSuccess: (view) => {
      qc.setQueryData(replicationKeys.detail(view.id), view);
      void qc.invalidateQueries({ queryKey: showcaseKeys.model(view.model.id) });
      void qc.invalidateQueries({ queryKey: showcaseKeys.lists });
      void qc.invalidateQueries({ queryKey: replicationKeys.lists });
    },
  });
}

/** Tracks a replication with the ETag it was read with (412 when someone changed it since). */
export function useUpdateReplication(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string; body: UpdateReplication }) =>
      unwrap(api.PATCH('/api/v1/replications/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body })),
    onSuccess: (view) => {
      qc.setQueryData(replicationKeys.detail(id), view);
      void qc.invalidateQueries({ queryKey: replicationKeys.lists });
      void qc.invalidateQueries({ queryKey: showcaseKeys.model(view.model.id) });
      void qc.invalidateQueries({ queryKey: showcaseKeys.lists });
    },
  });
}

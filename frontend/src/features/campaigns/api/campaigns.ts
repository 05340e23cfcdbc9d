import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components, paths } from '@/api/schema.gen';

export type Campaign = components['schemas']['CampaignView'];
/** List items are campaign views without their extensions. */
export type CampaignSummary = Campaign;
export type CampaignStatus = components['schemas']['CampaignStatusCode'];
export type Milestone = components['schemas']['MilestoneView'];
export type Extension = components['schemas']['ExtensionView'];
export type CreateCampaign = components['schemas']['CreateCampaignRequest'];
export type UpdateCampaign = components['schemas']['UpdateCampaignRequest'];
export type NewMilestone = components['schemas']['MilestoneInput'];
export type MilestoneKind = components['schemas']['MilestoneKindCode'];
export type LatePolicy = components['schemas']['LatePolicyCode'];
export type UpdateMilestone = components['schemas']['UpdateMilestoneRequest'];
export type GrantExtension = components['schemas']['GrantExtensionRequest'];
export type CampaignListParams = NonNullable<paths['/api/v1/campaigns']['get']['parameters']['query']>;

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (params: CampaignListParams) => ['campaigns', 'list', params] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
};

export const campaignListQuery = (params: CampaignListParams) =>
  queryOptions({
    queryKey: campaignKeys.list(params),
    queryFn: () => unwrap(api.GET('/api/v1/campaigns', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

export const campaignQuery = (id: string) =>
  queryOptions({
    queryKey: campaignKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/campaigns/{id}', { params: { path: { id } } })),
  });

/** After any change the detail is refetched (it carries the new etag) and lists go stale. */
function useInvalidateCampaign() {
  const qc = useQueryClient();
  return (id?: string) => {
    void qc.invalidateQueries({ queryKey: ['campaigns', 'list'] });
    if (id) void qc.invalidateQueries({ queryKey: campaignKeys.detail(id) });
  };
}

export function useCreateCampaign() {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: (body: CreateCampaign) => unwrap(api.POST('/api/v1/campaigns', { body })),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateCampaign(campaign: Campaign) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: (body: UpdateCampaign) =>
      unwrap(
        api.PATCH('/api/v1/campaigns/{id}', {
          params: { path: { id: campaign.id }, header: { 'If-Match': campaign.etag } },
          body,
        }),
      ),
    onSettled: () => invalidate(campaign.id),
  });
}

export const CAMPAIGN_TRANSITIONS = ['open', 'close', 'reopen', 'archive'] as const;
export type CampaignTransition = (typeof CAMPAIGN_TRANSITIONS)[number];

export function useCampaignTransition(id: string) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: (action: CampaignTransition) => {
      const path = { params: { path: { id } } };
      switch (action) {
        case 'open':
          return unwrap(api.POST('/api/v1/campaigns/{id}/open', path));
        case 'close':
          return unwrap(api.POST('/api/v1/campaigns/{id}/close', path));
        case 'reopen':
          return unwrap(api.POST('/api/v1/campaigns/{id}/reopen', path));
        case 'archive':
          return unwrap(api.POST('/api/v1/campaigns/{id}/archive', path));
      }
    },
    onSettled: () => invalidate(id),
  });
}

export function useAddMilestone(campaignId: string) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: (body: NewMilestone) =>
      unwrap(api.POST('/api/v1/campaigns/{id}/milestones', { params: { path: { id: campaignId } }, body })),
    onSuccess: () => invalidate(campaignId),
  });
}

export function useUpdateMilestone(campaignId: string) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: ({ milestone, body }: { milestone: Milestone; body: UpdateMilestone }) =>
      unwrap(
        api.PATCH('/api/v1/campaigns/{id}/milestones/{milestone_id}', {
          params: { path: { id: campaignId, milestone_id: milestone.id }, header: { 'If-Match': milestone.etag } },
          body,
        }),
      ),
    onSettled: () => invalidate(campaignId),
  });
}

export function useDeleteMilestone(campaignId: string) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: (milestoneId: string) =>
      unwrap(
        api.DELETE('/api/v1/campaigns/{id}/milestones/{milestone_id}', {
          params: { path: { id: campaignId, milestone_id: milestoneId } },
        }),
      ),
    onSettled: () => invalidate(campaignId),
  });
}

export function useGrantExtension(campaignId: string) {
  const invalidate = useInvalidateCampaign();
  return useMutation({
    mutationFn: (body: GrantExtension) =>
      unwrap(api.POST('/api/v1/campaigns/{id}/extensions', { params: { path: { id: campaignId } }, body })),
    onSuccess: () => invalidate(campaignId),
  });
}

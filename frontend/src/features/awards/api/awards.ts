import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, session, unwrap } from '@/api/client';
import { createAuthFetch } from '@/api/auth-fetch';
import type { components, paths } from '@/api/schema.gen';
import { currentLanguage } from '@/i18n';

export type AwardForm = components['schemas']['AwardFormView'];
export type AwardFormRef = components['schemas']['AwardFormRef'];
export type AwardLevel = components['schemas']['AwardLevelCode'];
export type Nomination = components['schemas']['NominationView'];
export type NominationPage = components['schemas']['Page_NominationView'];
export type NominationStatus = components['schemas']['NominationStatusCode'];
export type NomineeKind = components['schemas']['NomineeKindCode'];
export type Nominee = components['schemas']['NomineeView'];
export type NomineeRequest = components['schemas']['NomineeRequest'];
export type CreateNomination = components['schemas']['CreateNominationRequest'];
export type UpdateNomination = components['schemas']['UpdateNominationRequest'];
export type Eligibility = components['schemas']['EligibilityView'];
export type Rule = components['schemas']['RuleView'];
export type RuleCode = components['schemas']['RuleCodeWire'];
export type RuleOutcome = components['schemas']['RuleOutcomeCode'];
export type RecordRef = components['schemas']['RecordRefView'];
export type Override = components['schemas']['OverrideView'];
export type DossierFile = components['schemas']['DossierFileView'];
export type AwardDecision = components['schemas']['AwardDecisionView'];
export type AwardDecisionRequest = components['schemas']['AwardDecisionRequest'];
export type Granted = components['schemas']['GrantedView'];
export type Award = components['schemas']['AwardView'];
export type NominationListParams = NonNullable<paths['/api/v1/nominations']['get']['parameters']['query']>;
export type DecisionListParams = NonNullable<paths['/api/v1/award-decisions']['get']['parameters']['query']>;

export const NOMINATION_STATUSES: readonly NominationStatus[] = ['draft', 'submitted', 'approved', 'rejected', 'decided'];
export const NOMINEE_KINDS: readonly NomineeKind[] = ['initiative', 'person', 'unit'];

/** The actions a nomination's view may allow, in the order their buttons are shown. */
export const NOMINATION_ACTIONS = ['update', 'submit', 'approve', 'reject', 'override', 'delete'] as const;
export type NominationAction = (typeof NOMINATION_ACTIONS)[number];

/** The limits the API enforces (create_nomination, reject/override, create_award_decision). */
export const AWARD_LIMITS = {
  proposal: 20_000,
  achievements: 50_000,
  reason: 2000,
  files: 50,
  signer: 200,
  number: 100,
  ceremonyNote: 500,
  decisionNominations: 500,
  minYear: 2000,
  maxYear: 2100,
} as const;

export const awardKeys = {
  all: ['awards'] as const,
  forms: ['awards', 'forms'] as const,
  nominations: ['awards', 'nominations'] as const,
  nominationLists: ['awards', 'nominations', 'list'] as const,
  nominationList: (params: NominationListParams) => ['awards', 'nominations', 'list', params] as const,
  nomination: (id: string) => ['awards', 'nominations', 'detail', id] as const,
  eligibility: (request: NomineeRequest) => ['awards', 'eligibility', request] as const,
  decisions: ['awards', 'decisions'] as const,
  decisionList: (params: DecisionListParams) => ['awards', 'decisions', 'list', params] as const,
  decision: (id: string) => ['awards', 'decisions', 'detail', id] as const,
  received: ['awards', 'received'] as const,
  userAwards: (userId: string) => ['awards', 'received', 'user', userId] as const,
  organizationAwards: (organizationId: string) => ['awards', 'received', 'organization', organizationId] as const,
};

export const awardFormsQuery = () =>
  queryOptions({
    queryKey: awardKeys.forms,
    queryFn: () => unwrap(api.GET('/api/v1/award-forms')),
    // Catalogue data: it changes with the administrative map, rarely.
    staleTime: 30 * 60_000,
  });

export const nominationListQuery = (params: NominationListParams) =>
  queryOptions({
    queryKey: awardKeys.nominationList(params),
    queryFn: () => unwrap(api.GET('/api/v1/nominations', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

export const nominationQuery = (id: string) =>
  queryOptions({
    queryKey: awardKeys.nomination(id),
    queryFn: () => unwrap(api.GET('/api/v1/nominations/{id}', { params: { path: { id } } })),
  });

/**
 * The checklist the wizard shows before anything is saved: asked again whenever the nominee,
 * the form or the year change (each combination is its own query), never retried on a 4xx.
 */
export const eligibilityQuery = (request: NomineeRequest) =>
  queryOptions({
    queryKey: awardKeys.eligibility(request),
    queryFn: () => unwrap(api.POST('/api/v1/nominations/eligibility', { body: request })),
    // Records (a violation, a rating) may be added meanwhile: a fresh answer each time.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });

export const decisionListQuery = (params: DecisionListParams) =>
  queryOptions({
    queryKey: awardKeys.decisionList(params),
    queryFn: () => unwrap(api.GET('/api/v1/award-decisions', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

export const decisionQuery = (id: string) =>
  queryOptions({
    queryKey: awardKeys.decision(id),
    queryFn: () => unwrap(api.GET('/api/v1/award-decisions/{id}', { params: { path: { id } } })),
  });

export const userAwardsQuery = (userId: string) =>
  queryOptions({
    queryKey: awardKeys.userAwards(userId),
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}/awards', { params: { path: { id: userId } } })),
  });

export const organizationAwardsQuery = (organizationId: string) =>
  queryOptions({
    queryKey: awardKeys.organizationAwards(organizationId),
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}/awards', { params: { path: { id: organizationId } } })),
  });

/** After a change: the server's view replaces the cached one; lists and previews go stale. */
export function useNominationRefresh() {
  const qc = useQueryClient();
  return {
    put: (view: Nomination) => {
      qc.setQueryData(awardKeys.nomination(view.id), view);
      void qc.invalidateQueries({ queryKey: awardKeys.nominationLists });
    },
    reload: (id: string) => {
      void qc.invalidateQueries({ queryKey: awardKeys.nomination(id) });
      void qc.invalidateQueries({ queryKey: awardKeys.nominationLists });
    },
    removed: (id: string) => {
      qc.removeQueries({ queryKey: awardKeys.nomination(id) });
      void qc.invalidateQueries({ queryKey: awardKeys.nominationLists });
    },
  };
}

export function useCreateNomination() {
  const refresh = useNominationRefresh();
  return useMutation({
    mutationFn: (body: CreateNomination) => unwrap(api.POST('/api/v1/nominations', { body })),
    onSuccess: (view) => refresh.put(view),
  });
}

/** Changes a draft against the etag it was read with (If-Match: a stale one is 412). */
export function useUpdateNomination() {
  const refresh = useNominationRefresh();
  return useMutation({
    mutationFn: ({ id, etag, body }: { id: string; etag: string; body: UpdateNomination }) =>
      unwrap(api.PATCH('/api/v1/nominations/{id}', { params: { path: { id }, header: { 'If-Match': etag } }, body })),
    onSuccess: (view) => refresh.put(view),
  });
}

export function useDeleteNomination() {
  const refresh = useNominationRefresh();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/nominations/{id}', { params: { path: { id } } })),
    onSuccess: (_v, id) => refresh.removed(id),
  });
}

export type NominationTransition =
  | { action: 'submit' }
  | { action: 'approve' }
  | { action: 'reject'; reason: string }
  | { action: 'override'; rule: RuleCode; reason: string };

/** draft → submitted → approved | rejected, and the authority's one override of a failed rule. */
export function useNominationTransition() {
  const refresh = useNominationRefresh();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: NominationTransition }) => {
      const path = { params: { path: { id } } };
      switch (request.action) {
        case 'submit':
          return unwrap(api.POST('/api/v1/nominations/{id}/submit', path));
        case 'approve':
          return unwrap(api.POST('/api/v1/nominations/{id}/approve', path));
        case 'reject':
          return unwrap(api.POST('/api/v1/nominations/{id}/reject', { ...path, body: { reason: request.reason } }));
        case 'override':
          return unwrap(api.PUT('/api/v1/nominations/{id}/override', { ...path, body: { rule: request.rule, reason: request.reason } }));
      }
    },
    onSuccess: (view) => refresh.put(view),
    // Someone acted first (409), or the checklist changed (422): show what is there now.
    onError: (_e, { id }) => refresh.reload(id),
  });
}

export function useCreateDecision() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AwardDecisionRequest) => unwrap(api.POST('/api/v1/award-decisions', { body })),
    onSuccess: (view) => {
      qc.setQueryData(awardKeys.decision(view.id), view);
      void qc.invalidateQueries({ queryKey: awardKeys.decisions });
      void qc.invalidateQueries({ queryKey: awardKeys.nominations });
      void qc.invalidateQueries({ queryKey: awardKeys.received });
    },
  });
}

// ── documents ──────────────────────────────────────────────────────────────────

export type AwardFileFormat = 'xlsx' | 'docx';

/** The filters of the list export (the same as the list's). */
export type ListExportParams = Omit<NominationListParams, 'page' | 'per_page'>;

export interface DraftDecisionParams {
  organization_id?: string;
  award_form_id?: string;
  year?: number;
}

function withQuery(path: string, params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * The award documents, as URLs (the exports are newer than the generated client: one place
 * builds them). All of them need the bearer token: fetch them with `fetchAwardFile`.
 */
export const awardFileUrls = {
  /** Danh sách đề nghị khen thưởng, with the list's filters. */
  nominationList: (format: AwardFileFormat, params: ListExportParams = {}) => withQuery(`/api/v1/nominations/export.${format}`, params),
  /** Dự thảo quyết định from the approved nominations. */
  draftDecision: (format: AwardFileFormat, params: DraftDecisionParams = {}) => withQuery(`/api/v1/nominations/draft-decision.${format}`, { ...params }),
  /** The tờ trình of one nominee, with the checklist. */
  dossier: (nominationId: string) => `/api/v1/nominations/${encodeURIComponent(nominationId)}/dossier.docx`,
  /** The signed decision with its annex. */
  decision: (decisionId: string) => `/api/v1/award-decisions/${encodeURIComponent(decisionId)}/decision.docx`,
};

const baseUrl = globalThis.location?.origin ?? 'http://localhost';
// Resolved per call so tests can stub globalThis.fetch; refreshes the session on a 401 like the API client.
const authFetch = createAuthFetch({ session, language: currentLanguage, fetch: (r) => globalThis.fetch(r) });

/** GETs a document with the bearer token, as `ExportButtons` takes it. */
export async function fetchAwardFile(url: string): Promise<{ data?: Blob; response: Response }> {
  const response = await authFetch(new Request(new URL(url, baseUrl)));
  return { data: response.ok ? await response.blob() : undefined, response };
}

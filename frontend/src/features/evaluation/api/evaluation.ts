import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components, paths } from '@/api/schema.gen';

export type Round = components['schemas']['RoundView'];
export type RoundStatus = components['schemas']['RoundStatusCode'];
export type RoundLevel = components['schemas']['RoundLevelCode'];
export type RoundRef = components['schemas']['RoundRef'];
export type MemberRole = components['schemas']['MemberRoleCode'];
export type Member = components['schemas']['RoundMemberView'];
export type Aggregation = components['schemas']['AggregationCode'];
export type CriteriaSet = components['schemas']['CriteriaSetView'];
export type Criterion = components['schemas']['CriterionView'];
export type Entry = components['schemas']['EntryView'];
export type EntryPage = components['schemas']['Page_EntryView'];
export type Assignment = components['schemas']['AssignmentView'];
export type Decision = components['schemas']['DecisionView'];
export type DecisionRequest = components['schemas']['DecisionRequest'];
export type Verdict = components['schemas']['VerdictCode'];
export type Sheet = components['schemas']['SheetView'];
export type SheetStatus = components['schemas']['SheetStatusCode'];
export type SaveSheet = components['schemas']['SaveSheetRequest'];
export type MyAssignment = components['schemas']['MyAssignmentView'];
export type Dossier = components['schemas']['DossierView'];
export type RoundResults = components['schemas']['RoundResults'];
export type ResultRow = components['schemas']['ResultRow'];
export type RoundProgress = components['schemas']['RoundProgress'];
export type InitiativeEvaluation = components['schemas']['InitiativeEvaluationView'];
export type CreateRound = components['schemas']['CreateRoundRequest'];
export type RemindersSent = components['schemas']['RemindersSent'];
export type RoundListParams = NonNullable<paths['/api/v1/evaluation-rounds']['get']['parameters']['query']>;

export const ROUND_LEVELS: readonly RoundLevel[] = ['unit_committee', 'authority_committee', 'award_preselection'];
export const ROUND_STATUSES: readonly RoundStatus[] = ['setup', 'scoring', 'closed', 'published'];
export const MEMBER_ROLES: readonly MemberRole[] = ['chair', 'secretary', 'member'];
export const AGGREGATIONS: readonly Aggregation[] = ['mean', 'median', 'trimmed_mean'];

/** One page of the board: `q` holds words of the initiatives' titles (diacritics and case ignored). */
export interface EntryPageParams {
  page: number;
  perPage: number;
  q?: string;
}

/** The board's page sizes (the API takes at most 100 a page). */
export const ENTRY_PAGE_SIZES = [20, 50, 100] as const;

/** The limits the API enforces (create_evaluation_round, save_score_sheet, record_round_decision…). */
export const EVALUATION_LIMITS = {
  title: 500,
  meetingPlace: 500,
  members: 50,
  minMembers: 3,
  evaluatorsPerInitiative: 20,
  comment: 2000,
  overallComment: 5000,
  note: 5000,
  reason: 2000,
  votes: 1000,
} as const;

export const evaluationKeys = {
  all: ['evaluation'] as const,
  rounds: ['evaluation', 'rounds'] as const,
  roundLists: ['evaluation', 'rounds', 'list'] as const,
  roundList: (params: RoundListParams) => ['evaluation', 'rounds', 'list', params] as const,
  round: (id: string) => ['evaluation', 'rounds', 'detail', id] as const,
  /** Every page of a round's board (the prefix to invalidate). */
  entries: (id: string) => ['evaluation', 'rounds', 'entries', id] as const,
  entryPage: (id: string, params: EntryPageParams) => ['evaluation', 'rounds', 'entries', id, params] as const,
  results: (id: string) => ['evaluation', 'rounds', 'results', id] as const,
  entrySheets: (roundId: string, entryId: string) => ['evaluation', 'rounds', 'sheets', roundId, entryId] as const,
  assignments: ['evaluation', 'assignments'] as const,
  myAssignments: ['evaluation', 'assignments', 'mine'] as const,
  sheet: (assignmentId: string) => ['evaluation', 'assignments', 'sheet', assignmentId] as const,
  dossier: (assignmentId: string) => ['evaluation', 'assignments', 'dossier', assignmentId] as const,
  initiative: (initiativeId: string) => ['evaluation', 'initiative', initiativeId] as const,
  criteriaSets: ['evaluation', 'criteria-sets'] as const,
};

export const criteriaSetsQuery = () =>
  queryOptions({
    queryKey: evaluationKeys.criteriaSets,
    queryFn: () => unwrap(api.GET('/api/v1/criteria-sets')),
    // Catalogue data: a new version is a new row, rarely.
    staleTime: 60 * 60_000,
  });

export const roundListQuery = (params: RoundListParams) =>
  queryOptions({
    queryKey: evaluationKeys.roundList(params),
    queryFn: () => unwrap(api.GET('/api/v1/evaluation-rounds', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

export const roundQuery = (id: string) =>
  queryOptions({
    queryKey: evaluationKeys.round(id),
    queryFn: () => unwrap(api.GET('/api/v1/evaluation-rounds/{id}', { params: { path: { id } } })),
  });

/**
 * One page of the board (a round may hold thousands of initiatives with their evaluators: never
 * all of them at once). The page shown stays while the next one loads, within the same round.
 */
export const roundEntriesQuery = (id: string, { page, perPage, q }: EntryPageParams) => {
  const words = q?.trim() || undefined;
  return queryOptions({
    queryKey: evaluationKeys.entryPage(id, { page, perPage, q: words }),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/evaluation-rounds/{id}/entries', {
          params: { path: { id }, query: { page, per_page: perPage, ...(words ? { q: words } : {}) } },
        }),
      ),
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[3] === id ? previous : undefined),
  });
};

export const roundResultsQuery = (id: string) =>
  queryOptions({
    queryKey: evaluationKeys.results(id),
    queryFn: () => unwrap(api.GET('/api/v1/evaluation-rounds/{id}/results', { params: { path: { id } } })),
  });

export const entrySheetsQuery = (roundId: string, entryId: string) =>
  queryOptions({
    queryKey: evaluationKeys.entrySheets(roundId, entryId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/evaluation-rounds/{id}/entries/{entry_id}/sheets', { params: { path: { id: roundId, entry_id: entryId } } })),
  });

export const myAssignmentsQuery = () =>
  queryOptions({
    queryKey: evaluationKeys.myAssignments,
    queryFn: () => unwrap(api.GET('/api/v1/evaluation-assignments')),
  });

export const sheetQuery = (assignmentId: string) =>
  queryOptions({
    queryKey: evaluationKeys.sheet(assignmentId),
    queryFn: () => unwrap(api.GET('/api/v1/evaluation-assignments/{id}/sheet', { params: { path: { id: assignmentId } } })),
    // The chair may have reopened it since: always ask when the page opens. (A refetch does
    // not touch a form already holding the evaluator's edits.)
    refetchOnMount: 'always',
  });

export const dossierQuery = (assignmentId: string) =>
  queryOptions({
    queryKey: evaluationKeys.dossier(assignmentId),
    queryFn: () => unwrap(api.GET('/api/v1/evaluation-assignments/{id}/dossier', { params: { path: { id: assignmentId } } })),
  });

export const initiativeEvaluationsQuery = (initiativeId: string) =>
  queryOptions({
    queryKey: evaluationKeys.initiative(initiativeId),
    queryFn: () => unwrap(api.GET('/api/v1/initiatives/{id}/evaluations', { params: { path: { id: initiativeId } } })),
  });

/**
 * After a change: the server's round view replaces the cached one, and whatever it affects
 * (the board's pages, results, lists, the evaluators' assignments) goes stale. The board is
 * paged: a change is never written into it as a whole list, its pages are asked for again
 * (an entry the server answered with is put into the pages that show it meanwhile).
 */
export function useRoundRefresh() {
  const qc = useQueryClient();
  const stale = (id: string) => {
    void qc.invalidateQueries({ queryKey: evaluationKeys.entries(id) });
    void qc.invalidateQueries({ queryKey: evaluationKeys.results(id) });
    void qc.invalidateQueries({ queryKey: evaluationKeys.roundLists });
    void qc.invalidateQueries({ queryKey: evaluationKeys.assignments });
  };
  return {
    put: (view: Round) => {
      qc.setQueryData(evaluationKeys.round(view.id), view);
      stale(view.id);
    },
    /** The entries changed (added, assigned, decided…): `entry` is the one the server answered with, if any. */
    entries: (id: string, entry?: Entry) => {
      if (entry) {
        qc.setQueriesData<EntryPage>({ queryKey: evaluationKeys.entries(id) }, (page) =>
          page && page.items.some((e) => e.id === entry.id) ? { ...page, items: page.items.map((e) => (e.id === entry.id ? entry : e)) } : page,
        );
      }
      void qc.invalidateQueries({ queryKey: evaluationKeys.entries(id) });
      void qc.invalidateQueries({ queryKey: evaluationKeys.round(id) });
      void qc.invalidateQueries({ queryKey: evaluationKeys.results(id) });
      void qc.invalidateQueries({ queryKey: evaluationKeys.assignments });
    },
    reload: (id: string) => {
      void qc.invalidateQueries({ queryKey: evaluationKeys.round(id) });
      stale(id);
    },
  };
}

export function useCreateRound() {
  const refresh = useRoundRefresh();
  return useMutation({
    mutationFn: (body: CreateRound) => unwrap(api.POST('/api/v1/evaluation-rounds', { body })),
    onSuccess: (view) => refresh.put(view),
  });
}

const roundPath = (id: string) => ({ params: { path: { id } } });

/** Adds initiatives: those named, or by default every completed one of the campaign in the organisation. */
export function useAddEntries(roundId: string) {
  const refresh = useRoundRefresh();
  return useMutation({
    mutationFn: (initiativeIds?: string[]) =>
      unwrap(api.POST('/api/v1/evaluation-rounds/{id}/entries', { ...roundPath(roundId), body: initiativeIds ? { initiative_ids: initiativeIds } : {} })),
    onSuccess: () => refresh.entries(roundId),
    onError: () => refresh.reload(roundId),
  });
}

export function useRemoveEntry(roundId: string) {
  const refresh = useRoundRefresh();
  return useMutation({
    mutationFn: (entryId: string) =>
      unwrap(api.DELETE('/api/v1/evaluation-rounds/{id}/entries/{entry_id}', { params: { path: { id: roundId, entry_id: entryId } } })),
    onSettled: () => refresh.reload(roundId),
  });
}

export function useAssignEvaluator(roundId: string) {
  const refresh = useRoundRefresh();
  return useMutation({
    mutationFn: (body: { entry_id: string; evaluator_id: string }) =>
      unwrap(api.POST('/api/v1/evaluation-rounds/{id}/assignments', { ...roundPath(roundId), body })),
    onSuccess: (entry) => refresh.entries(roundId, entry),
  });
}

/** "Phân công tự động": each initiative gets the round's number of evaluators, loads balanced. */
export function useAutoAssign(roundId: string) {
  const refresh = useRoundRefresh();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/evaluation-rounds/{id}/assignments/auto', roundPath(roundId))),
    onSuccess: () => refresh.entries(roundId),
  });
}

export type RoundTransition = { action: 'start' } | { action: 'close'; presentMemberIds: string[] } | { action: 'publish' };

/** setup → scoring → closed → published. */
export function useRoundTransition(roundId: string) {
  const refresh = useRoundRefresh();
  return useMutation({
    mutationFn: (request: RoundTransition) => {
      switch (request.action) {
        case 'start':
          return unwrap(api.POST('/api/v1/evaluation-rounds/{id}/start-scoring', roundPath(roundId)));
        case 'close':
          return unwrap(api.POST('/api/v1/evaluation-rounds/{id}/close', { ...roundPath(roundId), body: { present_member_ids: request.presentMemberIds } }));
        case 'publish':
          return unwrap(api.POST('/api/v1/evaluation-rounds/{id}/publish', roundPath(roundId)));
      }
    },
    onSuccess: (view) => refresh.put(view),
    onError: () => refresh.reload(roundId),
  });
}

export function useRemindEvaluators(roundId: string) {
  const refresh = useRoundRefresh();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/evaluation-rounds/{id}/reminders', roundPath(roundId))),
    onSuccess: () => refresh.reload(roundId),
  });
}

export function useRecordDecision(roundId: string) {
  const refresh = useRoundRefresh();
  return useMutation({
    mutationFn: ({ entryId, body }: { entryId: string; body: DecisionRequest }) =>
      unwrap(api.PUT('/api/v1/evaluation-rounds/{id}/entries/{entry_id}/decision', { params: { path: { id: roundId, entry_id: entryId } }, body })),
    onSuccess: (entry) => refresh.entries(roundId, entry),
  });
}

const assignmentPath = (id: string) => ({ params: { path: { id } } });

/** The chair (or the organiser) reopens a submitted sheet, with the reason. */
export function useReopenSheet(roundId: string) {
  const refresh = useRoundRefresh();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ assignmentId, reason }: { assignmentId: string; reason: string }) =>
      unwrap(api.POST('/api/v1/evaluation-assignments/{id}/sheet/reopen', { ...assignmentPath(assignmentId), body: { reason } })),
    onSuccess: (sheet) => {
      qc.setQueryData(evaluationKeys.sheet(sheet.assignment_id), sheet);
      void qc.invalidateQueries({ queryKey: ['evaluation', 'rounds', 'sheets', roundId] });
    },
    onSettled: () => refresh.reload(roundId),
  });
}

/** Saves the draft against the etag the form started from (If-Match: a stale one is 412). */
export function useSaveSheet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ assignmentId, etag, body }: { assignmentId: string; etag: string; body: SaveSheet }) =>
      unwrap(
        api.PUT('/api/v1/evaluation-assignments/{id}/sheet', {
          params: { path: { id: assignmentId }, header: { 'If-Match': etag } },
          body,
        }),
      ),
    onSuccess: (sheet) => {
      qc.setQueryData(evaluationKeys.sheet(sheet.assignment_id), sheet);
      void qc.invalidateQueries({ queryKey: evaluationKeys.myAssignments });
    },
  });
}

export function useSubmitSheet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (assignmentId: string) => unwrap(api.POST('/api/v1/evaluation-assignments/{id}/sheet/submit', assignmentPath(assignmentId))),
    onSuccess: (sheet) => {
      qc.setQueryData(evaluationKeys.sheet(sheet.assignment_id), sheet);
      void qc.invalidateQueries({ queryKey: evaluationKeys.myAssignments });
      void qc.invalidateQueries({ queryKey: ['evaluation', 'rounds', 'sheets', sheet.round_id] });
    },
  });
}

/** The evaluator declares a conflict of interest on their own assignment, with a note. */
export function useRecuse() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ assignmentId, note }: { assignmentId: string; note: string }) =>
      unwrap(api.POST('/api/v1/evaluation-assignments/{id}/recuse', { ...assignmentPath(assignmentId), body: { note } })),
    onSettled: () => void qc.invalidateQueries({ queryKey: evaluationKeys.all }),
  });
}

/**
 * The minutes (biên bản, .docx: the board, once the round is closed) and the results (.xlsx:
 * the board at any time, anyone once published), as blobs through the authenticated client.
 */
export function fetchRoundExport(roundId: string, format: 'xlsx' | 'docx') {
  const options = { params: { path: { id: roundId } }, parseAs: 'blob' } as const;
  return format === 'docx'
    ? api.GET('/api/v1/evaluation-rounds/{id}/minutes.docx', options)
    : api.GET('/api/v1/evaluation-rounds/{id}/results.xlsx', options);
}

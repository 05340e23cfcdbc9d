import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { isApiError } from '@/api/problem';
import type { components, paths } from '@/api/schema.gen';

export type Report = components['schemas']['ReportView'];
export type ReportKind = components['schemas']['ReportKindCode'];
export type ReportStatus = components['schemas']['SubmissionStatusCode'];
export type ReportSections = components['schemas']['ReportSections'];
export type ReportRow = components['schemas']['ReportRowView'];
export type ReportRowInput = components['schemas']['ReportRowInput'];
export type ReportVersion = components['schemas']['ReportVersionView'];
export type EvidenceRequirement = components['schemas']['EvidenceRequirement'];
export type OpenReport = components['schemas']['OpenReportRequest'];
export type UpdateReport = components['schemas']['UpdateReportRequest'];
export type ReportListParams = NonNullable<paths['/api/v1/reports']['get']['parameters']['query']>;

export const REPORT_KINDS: readonly ReportKind[] = ['phase1_result', 'periodic_progress', 'self_assessment', 'acceptance', 'year_end_summary'];
export const REPORT_STATUSES: readonly ReportStatus[] = ['draft', 'submitted', 'received', 'returned'];
/** The outline (đề cương) every report follows, in order. */
export const SECTION_KEYS = ['situation', 'implementation', 'results', 'effectiveness', 'difficulties', 'proposals'] as const satisfies readonly (keyof ReportSections)[];
export type SectionKey = (typeof SECTION_KEYS)[number];

/** The limits the API enforces on a report (update_report). */
export const REPORT_LIMITS = { title: 500, section: 20_000, rows: 200, indicator: 500, unitOfMeasure: 50, statusNote: 2000, figure: 1e12 } as const;

export const isReportKind = (x: string | null | undefined): x is ReportKind => !!x && (REPORT_KINDS as readonly string[]).includes(x);
export const isReportStatus = (x: string | null | undefined): x is ReportStatus => !!x && (REPORT_STATUSES as readonly string[]).includes(x);

export const reportKeys = {
  all: ['reports'] as const,
  lists: ['reports', 'list'] as const,
  list: (params: ReportListParams) => ['reports', 'list', params] as const,
  detail: (id: string) => ['reports', 'detail', id] as const,
  version: (id: string, number: number) => ['reports', 'version', id, number] as const,
};

export const reportListQuery = (params: ReportListParams) =>
  queryOptions({
    queryKey: reportKeys.list(params),
    queryFn: () => unwrap(api.GET('/api/v1/reports', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

export const reportQuery = (id: string) =>
  queryOptions({
    queryKey: reportKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/reports/{id}', { params: { path: { id } } })),
  });

export const reportVersionQuery = (id: string, number: number) =>
  queryOptions({
    queryKey: reportKeys.version(id, number),
    queryFn: () => unwrap(api.GET('/api/v1/reports/{id}/versions/{number}', { params: { path: { id, number } } })),
    // A submitted version never changes.
    staleTime: Infinity,
  });

/** The state named by a `409 invalid_transition` (errors[0].code), or null for any other error. */
export function reportConflictState(error: unknown): ReportStatus | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const code = error.problem?.errors?.[0]?.code;
  return isReportStatus(code) ? code : null;
}

/** The server's view replaces the cached one (it carries the new etag); every list goes stale. */
export function useReportRefresh() {
  const qc = useQueryClient();
  return {
    put: (view: Report) => {
      qc.setQueryData(reportKeys.detail(view.id), view);
      void qc.invalidateQueries({ queryKey: reportKeys.lists });
    },
    reload: (id: string) => {
      void qc.invalidateQueries({ queryKey: reportKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: reportKeys.lists });
    },
  };
}

/** Opens the unit's report (201), or returns the one already open (200). */
export function useOpenReport() {
  const refresh = useReportRefresh();
  return useMutation({
    mutationFn: (body: OpenReport) => unwrap(api.POST('/api/v1/reports', { body })),
    onSuccess: (view) => refresh.put(view),
  });
}

/** Title, sections and the whole results table, against the etag the editor started from. */
export function useUpdateReport() {
  const refresh = useReportRefresh();
  return useMutation({
    mutationFn: ({ report, body }: { report: Report; body: UpdateReport }) =>
      unwrap(
        api.PATCH('/api/v1/reports/{id}', {
          params: { path: { id: report.id }, header: { 'If-Match': report.etag } },
          body,
        }),
      ),
    onSuccess: (view) => refresh.put(view),
  });
}

export type ReportTransition = { action: 'submit' } | { action: 'receive' } | { action: 'return'; reason: string };

/** Submit (the report's writers), receive and return (the campaign's authority). */
export function useReportTransition() {
  const refresh = useReportRefresh();
  return useMutation({
    mutationFn: ({ id, request }: { id: string; request: ReportTransition }) => {
      const path = { params: { path: { id } } };
      switch (request.action) {
        case 'submit':
          return unwrap(api.POST('/api/v1/reports/{id}/submit', path));
        case 'receive':
          return unwrap(api.POST('/api/v1/reports/{id}/receive', path));
        case 'return':
          return unwrap(api.POST('/api/v1/reports/{id}/return', { ...path, body: { reason: request.reason } }));
      }
    },
    onSuccess: (view) => refresh.put(view),
    onError: (_e, { id }) => refresh.reload(id),
  });
}

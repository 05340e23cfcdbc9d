import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components, paths } from '@/api/schema.gen';

export type StaffRating = components['schemas']['StaffRatingView'];
export type StaffRatingRequest = components['schemas']['StaffRatingRequest'];
export type UnitRating = components['schemas']['UnitRatingView'];
export type UnitRatingRequest = components['schemas']['UnitRatingRequest'];
export type Rating = components['schemas']['RatingCode'];
export type RatingPeriod = components['schemas']['RatingPeriodCode'];
export type Violation = components['schemas']['ViolationView'];
export type ViolationRequest = components['schemas']['ViolationRequest'];
export type ViolationKind = components['schemas']['ViolationKindCode'];
export type Discipline = components['schemas']['DisciplineCode'];
export type Person = components['schemas']['PersonRef'];
export type UserListParams = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;

/** Best first, as the select offers them. */
export const RATINGS: readonly Rating[] = ['excellent', 'good', 'completed', 'not_completed'];
export const RATING_PERIODS: readonly RatingPeriod[] = ['year', 'q1', 'q2', 'q3', 'q4'];
export const VIOLATION_KINDS: readonly ViolationKind[] = ['law', 'code_of_conduct', 'public_ethics', 'harassment'];
/** Lightest first (Law on Cadres and Civil Servants, art. 79). */
export const DISCIPLINES: readonly Discipline[] = ['none', 'reprimand', 'warning', 'salary_demotion', 'demotion', 'dismissal', 'forced_resignation'];

/** The limits the API enforces (record_staff_rating, record_unit_rating, create_violation_record). */
export const RECORD_LIMITS = {
  note: 2000,
  decisionRef: 200,
  description: 5000,
  minYear: 2000,
  maxYear: 2100,
} as const;

export const recordKeys = {
  all: ['records'] as const,
  staffRatings: (organizationId: string, year: number) => ['records', 'staff-ratings', organizationId, year] as const,
  unitRatings: (organizationId: string, year: number) => ['records', 'unit-ratings', organizationId, year] as const,
  violations: ['records', 'violations'] as const,
  violationList: (organizationId: string, year: number) => ['records', 'violations', 'list', organizationId, year] as const,
  violation: (id: string) => ['records', 'violations', 'detail', id] as const,
  people: (params: UserListParams) => ['users', 'list', params] as const,
};

export const staffRatingsQuery = (organizationId: string, year: number) =>
  queryOptions({
    queryKey: recordKeys.staffRatings(organizationId, year),
    queryFn: () => unwrap(api.GET('/api/v1/staff-ratings', { params: { query: { organization_id: organizationId, year } } })),
  });

export const unitRatingsQuery = (organizationId: string, year: number) =>
  queryOptions({
    queryKey: recordKeys.unitRatings(organizationId, year),
    queryFn: () => unwrap(api.GET('/api/v1/unit-ratings', { params: { query: { organization_id: organizationId, year } } })),
  });

/**
 * Violation records of a unit for a year. Every record listed is an audited read on the
 * server, so they are never fetched ahead of need nor kept fresh in the background.
 */
export const violationListQuery = (organizationId: string, year: number) =>
  queryOptions({
    queryKey: recordKeys.violationList(organizationId, year),
    queryFn: () => unwrap(api.GET('/api/v1/violation-records', { params: { query: { organization_id: organizationId, year } } })),
    staleTime: 5 * 60_000,
  });

export const violationQuery = (id: string) =>
  queryOptions({
    queryKey: recordKeys.violation(id),
    queryFn: () => unwrap(api.GET('/api/v1/violation-records/{id}', { params: { path: { id } } })),
    staleTime: 5 * 60_000,
  });

/** The people of one organisation (the users feature's list key, so its changes refresh these). */
export const peopleQuery = (organizationId: string, page: number, perPage: number) => {
  const params: UserListParams = { organization_id: organizationId, is_active: true, sort: 'display_name', page, per_page: perPage };
  return queryOptions({
    queryKey: recordKeys.people(params),
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: params } })),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
};

export function useRecordStaffRating() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffRatingRequest) => unwrap(api.PUT('/api/v1/staff-ratings', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['records', 'staff-ratings'] }),
  });
}

export function useRecordUnitRating() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UnitRatingRequest) => unwrap(api.PUT('/api/v1/unit-ratings', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['records', 'unit-ratings'] }),
  });
}

export function useCreateViolation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ViolationRequest) => unwrap(api.POST('/api/v1/violation-records', { body })),
    onSuccess: (view) => {
      qc.setQueryData(recordKeys.violation(view.id), view);
      void qc.invalidateQueries({ queryKey: recordKeys.violations });
    },
  });
}

import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import type { components, paths } from '@/api/schema.gen';

export type AuditEvent = components['schemas']['AuditEventView'];
export type AuditListParams = NonNullable<paths['/api/v1/audit-events']['get']['parameters']['query']>;

export const auditKeys = {
  list: (params: AuditListParams) => ['audit-events', 'list', params] as const,
};

export const auditListQuery = (params: AuditListParams) =>
  queryOptions({
    queryKey: auditKeys.list(params),
    queryFn: () => unwrap(api.GET('/api/v1/audit-events', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

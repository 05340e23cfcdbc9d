import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import type { AuditEvent } from '../api/audit';
import AuditLogPage from './AuditLogPage';

const events: AuditEvent[] = [
  {
    id: 42,
    occurred_at: '2023-04-20T03:00:00Z', // 10:00 in Hồ Chí Minh City
    actor: { id: 'u1', display_name: 'Lê Thị Thanh Tâm' },
    action: 'campaign.open',
    entity_type: 'campaign',
    entity_id: '0b4c3c1e-7a1f-4f3e-9c55-2f2d8f0c1a11',
    organization_id: '5d1f7f1a-6a4e-4a8e-8f0f-0c9a4a1b2c3d',
    request_id: 'req-7f3a9c',
    details: { from: 'draft', to: 'open' } as unknown as AuditEvent['details'],
  },
  {
    id: 41,
    occurred_at: '2023-04-19T17:05:09Z', // 00:05:09 on 20/04 in Vietnam
    actor: null,
    action: 'campaign.teleport',
    entity_type: 'system',
    details: {},
  },
];

type Handler = (req: Request) => Response | Promise<Response>;

function stubApi(routes: Record<string, Handler>) {
  const seen: Request[] = [];
  vi.stubGlobal('fetch', async (input: Request) => {
    seen.push(input.clone());
    const path = new URL(input.url).pathname;
    const handler = routes[`${input.method} ${path}`];
    return handler ? handler(input) : problemResponse(404, { code: 'not_found' });
  });
  return seen;
}

const auditRequests = (seen: Request[]) =>
  seen.filter((r) => new URL(r.url).pathname === '/api/v1/audit-events').map((r) => new URL(r.url).searchParams);

describe('AuditLogPage', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists audit events in Vietnamese with Vietnam times, labels, the system actor and request ids', async () => {
    const seen = stubApi({
      'POST /api/v1/auth/refresh': () => problemResponse(401, { code: 'unauthorized' }),
      'GET /api/v1/audit-events': () => jsonResponse(200, { items: events, total: 2, page: 1, per_page: 20 }),
    });
    renderPage(<AuditLogPage />, { path: '/audit' });

    expect(await screen.findByText('Triển khai kế hoạch')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Nhật ký hệ thống' })).toBeInTheDocument();

    const first = screen.getByText('Triển khai kế hoạch').closest('tr')!;
    expect(within(first).getByText('20/04/2023 10:00:00')).toBeInTheDocument();
    expect(within(first).getByText('Lê Thị Thanh Tâm')).toBeInTheDocument();
    expect(within(first).getByText('Kế hoạch thi đua')).toBeInTheDocument();
    expect(within(first).getByText('req-7f3a9c')).toBeInTheDocument();

    // Unknown action: the raw code; no actor: the system.
    const second = screen.getByText('campaign.teleport').closest('tr')!;
    expect(within(second).getByText('20/04/2023 00:05:09')).toBeInTheDocument();
    expect(within(second).getAllByText('Hệ thống')).toHaveLength(2); // actor and entity type
    expect(screen.getByText('Tổng cộng 2 mục')).toBeInTheDocument();

    const [query] = auditRequests(seen);
    expect(query?.get('page')).toBe('1');
    expect(query?.get('per_page')).toBe('20');
    expect(query?.has('action')).toBe(false);
  });

  it('shows the details of an entry as formatted JSON when its row is expanded', async () => {
    stubApi({
      'POST /api/v1/auth/refresh': () => problemResponse(401, { code: 'unauthorized' }),
      'GET /api/v1/audit-events': () => jsonResponse(200, { items: events, total: 2, page: 1, per_page: 20 }),
    });
    renderPage(<AuditLogPage />, { path: '/audit' });
    const user = userEvent.setup();

    const first = (await screen.findByText('Triển khai kế hoạch')).closest('tr')!;
    await user.click(within(first).getByRole('button', { name: 'Mở rộng dòng' }));
    const json = await screen.findByLabelText('Chi tiết');
    expect(json.textContent).toBe(JSON.stringify({ from: 'draft', to: 'open' }, null, 2));
    expect(screen.getByText('0b4c3c1e-7a1f-4f3e-9c55-2f2d8f0c1a11')).toBeInTheDocument();
  });

  it('shows the raw action code in a tooltip and filters by action group from the Select', async () => {
    const seen = stubApi({
      'POST /api/v1/auth/refresh': () => problemResponse(401, { code: 'unauthorized' }),
      'GET /api/v1/audit-events': () => jsonResponse(200, { items: events, total: 2, page: 1, per_page: 20 }),
    });
    renderPage(<AuditLogPage />, { path: '/audit' });
    const user = userEvent.setup();

    await user.hover(await screen.findByText('Triển khai kế hoạch'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent('campaign.open');

    await user.click(screen.getByRole('combobox', { name: 'Lọc theo nhóm thao tác' }));
    await user.click(await screen.findByTitle('Người dùng'));
    await vi.waitFor(() => expect(auditRequests(seen).at(-1)?.get('action')).toBe('user.'));
  });

  it('sends the filters and the page kept in the URL', async () => {
    const seen = stubApi({
      'POST /api/v1/auth/refresh': () => problemResponse(401, { code: 'unauthorized' }),
      'GET /api/v1/audit-events': () => jsonResponse(200, { items: [], total: 0, page: 2, per_page: 50 }),
    });
    renderPage(<AuditLogPage />, {
      path: '/audit',
      route: '/audit?page=2&per_page=50&action=campaign.&entity_type=campaign&from=2023-04-01&to=2023-04-30',
    });

    expect(await screen.findByText('Chưa có mục nhật ký nào.')).toBeInTheDocument();
    const [query] = auditRequests(seen);
    expect(query?.get('page')).toBe('2');
    expect(query?.get('per_page')).toBe('50');
    expect(query?.get('action')).toBe('campaign.');
    expect(query?.get('entity_type')).toBe('campaign');
    expect(query?.get('since')).toBe('2023-04-01T00:00:00+07:00');
    expect(query?.get('until')).toBe('2023-05-01T00:00:00+07:00');
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import type { OpenReport, Report } from '../api/reports';
import { InitiativeReportsCard } from './InitiativeReportsCard';
import { q1, report, vanlang } from './fixtures.test-data';
import ReportListPage from './ReportListPage';

type Handler = (req: Request) => Response | Promise<Response>;

const teacher = {
  user: { id: 'u1', username: 'giaovien.vanlang.1', display_name: 'Phạm Thị Thu Trang', organization: vanlang },
  organization: vanlang,
  roles: [{ id: 'g1', role: 'staff', organization: vanlang }],
  capabilities: [],
};
const officer = {
  user: { id: 'u7', username: 'noivu.quan1', display_name: 'Lê Thị Thanh Tâm', organization: q1 },
  organization: q1,
  roles: [{ id: 'g7', role: 'authority_officer', organization: q1 }],
  capabilities: ['campaigns.extend_deadlines'],
};

const campaigns = {
  items: [
    {
      id: 'c175',
      code: '175/KH-UBND',
      title: 'Phát động phong trào thi đua về cải cách hành chính',
      organization: q1,
      milestones: [{ id: 'm2', kind: 'phase1_report', title: 'Báo cáo kết quả Đợt 1', due_on: '2023-06-10', effective_due_on: '2023-06-10' }],
    },
    { id: 'c-own', code: '09/KH-THCSVL', title: 'Kế hoạch của trường', organization: vanlang, milestones: [] },
  ],
  total: 2,
  page: 1,
  per_page: 100,
};

function stubApi(me: unknown, routes: Record<string, Handler>) {
  const seen: Request[] = [];
  vi.stubGlobal('fetch', async (input: Request) => {
    seen.push(input.clone());
    const key = `${input.method} ${new URL(input.url).pathname}`;
    if (key === 'POST /api/v1/auth/refresh') return jsonResponse(200, { access_token: 'tok', token_type: 'Bearer', expires_in: 900 });
    if (key === 'GET /api/v1/me') return jsonResponse(200, me);
    if (key === 'GET /api/v1/campaigns') return jsonResponse(200, campaigns);
    const handler = routes[key];
    return handler ? handler(input) : problemResponse(404, { code: 'not_found' });
  });
  return seen;
}

const page = (items: Report[]) => jsonResponse(200, { items, total: items.length, page: 1, per_page: 20 });
const listQueries = (seen: Request[]) => seen.filter((r) => new URL(r.url).pathname === '/api/v1/reports' && r.method === 'GET').map((r) => new URL(r.url).searchParams);

describe('ReportListPage', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists the unit’s reports with their deadline, filters them, and opens an acceptance report', async () => {
    const seen = stubApi(teacher, {
      'GET /api/v1/reports': () => page([report()]),
      'GET /api/v1/initiatives': () =>
        jsonResponse(200, {
          items: [
            { id: 'i1', title: 'Tổ tư vấn thủ tục chuyển trường cho phụ huynh', status: 'in_progress' },
            { id: 'i3', title: 'Sáng kiến còn là bản nháp', status: 'draft' },
          ],
          total: 2,
          page: 1,
          per_page: 100,
        }),
      'POST /api/v1/reports': async () => jsonResponse(201, report({ id: 'r9', kind: 'acceptance' })),
    });
    renderPage(<ReportListPage />, { path: '/reports' });

    const link = await screen.findByRole('link', { name: 'Báo cáo kết quả giai đoạn 1 — Trường Trung học cơ sở Văn Lang' });
    expect(link).toHaveAttribute('href', '/reports/r1');
    const row = within(link.closest('tr')!);
    expect(row.getByText('Trường Trung học cơ sở Văn Lang')).toBeInTheDocument();
    expect(row.getByText('Báo cáo kết quả giai đoạn 1 (Mẫu 2)')).toBeInTheDocument();
    expect(row.getByText('175/KH-UBND')).toBeInTheDocument();
    expect(row.getByText('10/06/2023')).toBeInTheDocument();
    expect(row.getByText(/^quá hạn \d+ ngày$/)).toBeInTheDocument();
    expect(row.getByText('Chưa gửi')).toBeInTheDocument();
    expect(row.getByText('Gửi báo cáo')).toBeInTheDocument();
    // A unit's people see every status by default.
    expect(listQueries(seen)[0]!.get('status')).toBeNull();

    await userEvent.click(screen.getByRole('combobox', { name: 'Lọc theo loại báo cáo' }));
    await userEvent.click(await screen.findByTitle('Báo cáo nghiệm thu'));
    await waitFor(() => expect(listQueries(seen).at(-1)!.get('kind')).toBe('acceptance'));

    // Lập báo cáo: a plan of an authority above the unit (not its own), the kind, the initiative.
    await userEvent.click(screen.getByRole('button', { name: 'Lập báo cáo' }));
    const dialog = (await screen.findByText('Chọn kế hoạch thi đua và loại báo cáo.', { exact: false })).closest('.ant-modal') as HTMLElement;
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Kế hoạch thi đua' }));
    await userEvent.click(await screen.findByTitle('175/KH-UBND — Phát động phong trào thi đua về cải cách hành chính'));
    expect(screen.queryByTitle(/09\/KH-THCSVL/)).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Loại báo cáo' }));
    const kinds = await screen.findAllByTitle('Báo cáo nghiệm thu');
    await userEvent.click(kinds.at(-1)!);
    // The initiative is required, and only those under way are offered.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lập báo cáo' }));
    expect(await within(dialog).findByText('Báo cáo nghiệm thu phải gắn với một sáng kiến.')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Sáng kiến' }));
    await userEvent.click(await screen.findByTitle('Tổ tư vấn thủ tục chuyển trường cho phụ huynh'));
    expect(screen.queryByTitle('Sáng kiến còn là bản nháp')).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lập báo cáo' }));

    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
    const post = seen.find((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/v1/reports')!;
    const body = (await post.json()) as OpenReport;
    expect(body).toEqual({ campaign_id: 'c175', kind: 'acceptance', initiative_id: 'i1' });
  }, 120_000);

  it('gives the authority its inbox of sent reports, with the late tag, and receives one after a confirmation', async () => {
    const sent = report({
      status: 'submitted',
      allowed_actions: ['receive', 'return'],
      versions: [
        {
          number: 1,
          submitted_at: '2023-06-12T03:30:00Z',
          submitted_by: { id: 'u1', display_name: 'Phạm Thị Thu Trang' },
          late: true,
          due_on: '2023-06-10',
          decision: null,
          decided_at: null,
          decided_by: null,
          reason: null,
        },
      ],
    });
    const seen = stubApi(officer, {
      'GET /api/v1/reports': () => page([sent]),
      'POST /api/v1/reports/r1/receive': () => jsonResponse(200, { ...sent, status: 'received', allowed_actions: [] }),
    });
    renderPage(<ReportListPage />, { path: '/reports' });

    const link = await screen.findByRole('link', { name: 'Báo cáo kết quả giai đoạn 1 — Trường Trung học cơ sở Văn Lang' });
    const row = within(link.closest('tr')!);
    expect(listQueries(seen)[0]!.get('status')).toBe('submitted');
    expect(screen.queryByRole('button', { name: 'Lập báo cáo' })).not.toBeInTheDocument();
    expect(row.getByText('Đã gửi')).toBeInTheDocument();
    expect(row.getByText('12/06/2023 10:30')).toBeInTheDocument();
    expect(row.getByText('Gửi muộn')).toBeInTheDocument();
    // Sent: the deadline is shown without a count of days.
    expect(row.queryByText(/quá hạn/)).not.toBeInTheDocument();

    await userEvent.click(row.getByRole('button', { name: 'Tiếp nhận' }));
    expect(await screen.findByText(`Tiếp nhận báo cáo của ${vanlang.name}?`)).toBeInTheDocument();
    expect(seen.some((r) => r.url.endsWith('/receive'))).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST' && r.url.endsWith('/r1/receive'))).toBe(true));
    expect(await screen.findByText('Đã tiếp nhận báo cáo.')).toBeInTheDocument();
  }, 120_000);
});

describe('InitiativeReportsCard', () => {
  beforeEach(async () => {
    session.setToken('tok');
    await changeLanguage('vi');
  });
  afterEach(() => {
    session.clear();
    vi.unstubAllGlobals();
  });

  it('lists the reports about an initiative with links', async () => {
    const seen = stubApi(teacher, { 'GET /api/v1/reports': () => page([report()]) });
    renderPage(<InitiativeReportsCard initiativeId="i1" />);

    expect(await screen.findByText('Báo cáo liên quan')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Báo cáo kết quả giai đoạn 1 — Trường Trung học cơ sở Văn Lang' })).toHaveAttribute('href', '/reports/r1');
    expect(listQueries(seen)[0]!.get('initiative_id')).toBe('i1');
  }, 60_000);
});

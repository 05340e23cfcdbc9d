import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import type { Initiative, RoadmapStep } from '../api/initiatives';
import UnitInitiativesPage from './UnitInitiativesPage';

const step = (over: Partial<RoadmapStep>): RoadmapStep => ({
  id: 's',
  title: 'Bước',
  due_on: '2023-06-30',
  done_on: null,
  progress: 0,
  overdue: false,
  sort_order: 0,
  etag: '"s.1"',
  ...over,
});

const initiative = (over: Partial<Initiative>): Initiative => ({
  id: 'i',
  campaign: { id: 'c175', code: '175/KH-UBND', title: 'Phát động phong trào thi đua' },
  organization: { id: 'cogiang', code: 'Q1-MN-COGIANG', name: 'Trường Mầm non Cô Giang' },
  kind: 'initiative',
  reform_area: { code: 'administrative_procedures', name_vi: 'Cải cách thủ tục hành chính', name_en: 'Administrative procedure reform' },
  title: 'Sáng kiến',
  summary: '',
  problem: '',
  objectives: '',
  approach: '',
  expected_results: '',
  starts_on: '2023-05-15',
  ends_on: '2023-09-30',
  collective: false,
  authors: [],
  roadmap: [],
  progress: 0,
  overdue_steps: 0,
  status: 'draft',
  created_by: { id: 'u1', display_name: 'Trần Thị Ngọc Lan' },
  created_at: '2023-05-01T02:00:00Z',
  updated_at: '2023-05-01T02:00:00Z',
  etag: '"i.1"',
  allowed_actions: [],
  ...over,
});

const submitted = initiative({
  id: 'i1',
  title: 'Cải cách thủ tục xác nhận học sinh đang học tại trường',
  summary: 'Rút ngắn thủ tục cấp giấy xác nhận, trả kết quả trong ngày.',
  status: 'submitted',
  authors: [
    { user: { id: 'u1', display_name: 'Trần Thị Ngọc Lan' }, position: 'Giáo viên', contribution_pct: 70 },
    { user: { id: 'u2', display_name: 'Huỳnh Ngọc Trâm' }, position: 'Giáo viên', contribution_pct: 30 },
  ],
  roadmap: [step({ id: 's1', progress: 40, overdue: true }), step({ id: 's2', due_on: '2023-09-30', progress: 0 })],
  progress: 20,
  overdue_steps: 1,
  allowed_actions: ['return', 'register', 'withdraw'],
});

const inProgress = initiative({
  id: 'i2',
  kind: 'model',
  title: 'Mô hình "Phụ huynh đồng hành" giám sát bữa ăn bán trú',
  status: 'in_progress',
  collective: true,
  progress: 65,
  allowed_actions: ['report_progress', 'complete'],
});

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

const baseRoutes: Record<string, Handler> = {
  'POST /api/v1/auth/refresh': () => problemResponse(401, { code: 'unauthorized' }),
  'GET /api/v1/campaigns': () =>
    jsonResponse(200, { items: [{ id: 'c175', code: '175/KH-UBND', title: 'Phát động phong trào thi đua' }], total: 1, page: 1, per_page: 100 }),
  'GET /api/v1/reform-areas': () =>
    jsonResponse(200, [{ code: 'administrative_procedures', name_vi: 'Cải cách thủ tục hành chính', name_en: 'Administrative procedure reform' }]),
  'GET /api/v1/initiatives': () => jsonResponse(200, { items: [submitted, inProgress], total: 2, page: 1, per_page: 20 }),
};

const listQueries = (seen: Request[]) =>
  seen.filter((r) => r.method === 'GET' && new URL(r.url).pathname === '/api/v1/initiatives').map((r) => new URL(r.url).searchParams);

describe('UnitInitiativesPage', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists initiatives with status tags, progress, overdue markers and the matched words highlighted', async () => {
    const seen = stubApi(baseRoutes);
    renderPage(<UnitInitiativesPage />, { path: '/initiatives', route: '/initiatives?q=cai%20cach%20thu%20tuc&status=submitted' });


    const link = await screen.findByRole('link', { name: submitted.title });
    expect(link).toHaveAttribute('href', '/initiatives/i1');
    expect(screen.getByRole('heading', { name: 'Sáng kiến của đơn vị' })).toBeInTheDocument();

    // Highlighted in the original text, whatever the query's diacritics.
    expect([...link.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Cải cách thủ tục']);
    const row = link.closest('tr')!;
    expect([...row.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Cải cách thủ tục', 'thủ tục']);

    const r1 = within(row);
    expect(r1.getByText('Chờ duyệt')).toBeInTheDocument();
    expect(r1.getByText('1 bước quá hạn')).toBeInTheDocument();
    expect(r1.getByText('20%')).toBeInTheDocument();
    expect(r1.getByText('Trần Thị Ngọc Lan (70%), Huỳnh Ngọc Trâm (30%)')).toBeInTheDocument();
    // Row actions come from allowed_actions, and only return / register are offered here.
    expect(r1.getByRole('button', { name: 'Trả lại' })).toBeInTheDocument();
    expect(r1.getByRole('button', { name: 'Duyệt đăng ký' })).toBeInTheDocument();
    expect(r1.queryByRole('button', { name: 'Rút sáng kiến' })).not.toBeInTheDocument();

    const r2 = within(screen.getByRole('link', { name: inProgress.title }).closest('tr')!);
    expect(r2.getByText('Đang triển khai')).toBeInTheDocument();
    expect(r2.getByText('Tập thể Trường Mầm non Cô Giang')).toBeInTheDocument();
    expect(r2.getByText('65%')).toBeInTheDocument();
    expect(r2.queryByText(/quá hạn/)).not.toBeInTheDocument();
    expect(r2.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText('Tổng cộng 2 mục')).toBeInTheDocument();

    const [query] = listQueries(seen);
    expect(query?.get('q')).toBe('cai cach thu tuc');
    expect(query?.get('status')).toBe('submitted');
    expect(query?.get('page')).toBe('1');
    expect(query?.has('mine')).toBe(false);
  }, 20_000);

  it('returns an initiative only with a reason', async () => {
    const returned: Request[] = [];
    stubApi({
      ...baseRoutes,
      'POST /api/v1/initiatives/i1/return': async (req) => {
        returned.push(req);
        return jsonResponse(200, { ...submitted, status: 'returned', allowed_actions: [] });
      },
    });
    renderPage(<UnitInitiativesPage />, { path: '/initiatives' });
    const user = userEvent.setup();

    const row = within((await screen.findByRole('link', { name: submitted.title })).closest('tr')!);
    await user.click(row.getByRole('button', { name: 'Trả lại' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('button', { name: 'Trả lại' }));
    expect(await dialog.findByText('Vui lòng nhập lý do trả lại.')).toBeInTheDocument();
    expect(returned).toHaveLength(0);

    await user.click(dialog.getByLabelText('Lý do trả lại'));
    await user.paste('Thiếu số liệu trước và sau khi áp dụng.');
    await user.click(dialog.getByRole('button', { name: 'Trả lại' }));
    await vi.waitFor(() => expect(returned).toHaveLength(1));
    expect(await returned[0]!.json()).toEqual({ reason: 'Thiếu số liệu trước và sau khi áp dụng.' });
    expect(await screen.findByText('Đã thực hiện: Trả lại.')).toBeInTheDocument();
  }, 20_000);

  it('says in which state an initiative is when someone acted first (409)', async () => {
    stubApi({
      ...baseRoutes,
      'POST /api/v1/initiatives/i1/register': () =>
        problemResponse(409, {
          code: 'invalid_transition',
          message_vi: 'Không thể thực hiện "register" khi đang ở trạng thái "registered".',
          errors: [{ field: 'status', code: 'registered', message: 'Trạng thái hiện tại: registered.' }],
        }),
    });
    renderPage(<UnitInitiativesPage />, { path: '/initiatives' });
    // The Popconfirm fades in: its button takes clicks before jsdom sees the animation end.
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    const row = within((await screen.findByRole('link', { name: submitted.title })).closest('tr')!);
    await user.click(row.getByRole('button', { name: 'Duyệt đăng ký' }));
    await user.click(await screen.findByRole('button', { name: 'Xác nhận' }));
    expect(
      await screen.findByText('Sáng kiến đang ở trạng thái "Đã đăng ký" nên không thể thực hiện thao tác này. Đã tải lại dữ liệu mới nhất.'),
    ).toBeInTheDocument();
  }, 20_000);
});

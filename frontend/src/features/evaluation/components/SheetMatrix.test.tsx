import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import { entry, entryPage, initiative, people, results, round, sheet } from './fixtures.test-data';
import { SheetMatrixPanel } from './SheetMatrix';

type Handler = (req: Request) => Response | Promise<Response>;

function stubApi(routes: Record<string, Handler>) {
  const seen: { key: string; query: URLSearchParams; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (req: Request) => {
    const url = new URL(req.url);
    const key = `${req.method} ${url.pathname}`;
    seen.push({ key, query: url.searchParams, body: req.method === 'POST' ? await req.clone().json().catch(() => null) : null });
    const handler = routes[key];
    return handler ? handler(req) : problemResponse(404, { code: 'not_found' });
  });
  return seen;
}

const base: Record<string, Handler> = {
  'GET /api/v1/evaluation-rounds/r1/entries': () => jsonResponse(200, entryPage()),
  'GET /api/v1/evaluation-rounds/r1/results': () => jsonResponse(200, results()),
};

describe('SheetMatrixPanel', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows one row per initiative and one column per evaluator, each cell in words, with the progress', async () => {
    stubApi(base);
    renderPage(<SheetMatrixPanel round={round()} />);
    const matrix = await screen.findByRole('table', { name: 'Bảng phiếu chấm: mỗi dòng là một sáng kiến, mỗi cột là một người chấm' });
    const headers = within(matrix).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Sáng kiến', people.congdoan.display_name, people.chidoan.display_name, people.teacher.display_name, 'Thao tác']);
    const row = within(matrix).getByText(/Phụ huynh đồng hành/).closest('tr') as HTMLElement;
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells[1]).toContain('Đã nộp');
    expect(cells[2]).toContain('Xung đột lợi ích');
    expect(cells[3]).toContain('Đang chấm (nháp)');
    // Only a submitted sheet can be reopened.
    expect(within(row).getAllByRole('button', { name: /^Mở lại/ })).toHaveLength(1);
    // The progress, from the results.
    expect(await screen.findByText('Phiếu cần chấm')).toBeInTheDocument();
  }, 60_000);

  it('reopens a submitted sheet with a reason, and reminds the evaluators still due', async () => {
    const seen = stubApi({
      ...base,
      'POST /api/v1/evaluation-assignments/a-cd/sheet/reopen': () =>
        jsonResponse(200, sheet({ assignment_id: 'a-cd', evaluator: people.congdoan, status: 'draft', reopened_reason: 'Chấm lại tiêu chí 2' })),
      'POST /api/v1/evaluation-rounds/r1/reminders': () => jsonResponse(200, { sheets: 1, evaluators: [people.teacher] }),
    });
    renderPage(<SheetMatrixPanel round={round()} />);
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    await user.click(await screen.findByRole('button', { name: /^Mở lại: Phạm Thị Thu Hương/ }));
    const dialog = (await screen.findByText('Mở lại phiếu chấm của Phạm Thị Thu Hương')).closest('.ant-modal') as HTMLElement;
    await user.click(within(dialog).getByRole('button', { name: 'Mở lại' }));
    expect(await within(dialog).findByText('Vui lòng nhập lý do mở lại.')).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText('Lý do mở lại'), { target: { value: 'Chấm lại tiêu chí 2' } });
    await user.click(within(dialog).getByRole('button', { name: 'Mở lại' }));
    await waitFor(() => expect(seen.find((r) => r.key.endsWith('/a-cd/sheet/reopen'))?.body).toEqual({ reason: 'Chấm lại tiêu chí 2' }));
    expect(await screen.findByText('Đã mở lại phiếu chấm.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Nhắc người chấm/ }));
    const reminded = await screen.findByRole('list', { name: 'Đã gửi lời nhắc' });
    expect(within(reminded).getByText(people.teacher.display_name)).toBeInTheDocument();
    expect(screen.getByText('Đã nhắc 1 phiếu chấm chưa nộp.')).toBeInTheDocument();
  }, 60_000);

  it('asks the server for one page at a time, and searches the titles from page 1', async () => {
    // 45 initiatives: each page answers one row named after its page; a search finds one.
    const seen = stubApi({
      ...base,
      'GET /api/v1/evaluation-rounds/r1/entries': (req) => {
        const query = new URL(req.url).searchParams;
        const page = Number(query.get('page'));
        if (query.get('q')) return jsonResponse(200, entryPage([entry()], { total: 1, page }));
        const item = entry({ id: `e-p${page}`, initiative: { ...initiative, id: `i-p${page}`, title: `Sáng kiến của trang ${page}` } });
        return jsonResponse(200, entryPage([item], { total: 45, page }));
      },
    });
    const reads = () => seen.filter((r) => r.key === 'GET /api/v1/evaluation-rounds/r1/entries').map((r) => Object.fromEntries(r.query));
    renderPage(<SheetMatrixPanel round={round()} />);
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    expect(await screen.findByText('Sáng kiến của trang 1')).toBeInTheDocument();
    expect(screen.getByText('Tổng cộng 45 mục')).toBeInTheDocument();
    expect(reads()).toEqual([{ page: '1', per_page: '20' }]);

    await user.click(screen.getByTitle('3'));
    expect(await screen.findByText('Sáng kiến của trang 3')).toBeInTheDocument();
    expect(reads().at(-1)).toEqual({ page: '3', per_page: '20' });

    // Typed words wait a moment, then go as `q`, from page 1.
    await user.type(screen.getByRole('searchbox', { name: 'Tìm kiếm — Sáng kiến' }), 'phu huynh');
    expect(await screen.findByText(initiative.title)).toBeInTheDocument();
    expect(reads().at(-1)).toEqual({ page: '1', per_page: '20', q: 'phu huynh' });
    expect(reads().filter((r) => r.q !== undefined)).toHaveLength(1);
    expect(screen.getByText('Tổng cộng 1 mục')).toBeInTheDocument();
  }, 60_000);

  it('offers no reopening or reminders to a member who does not oversee the round', async () => {
    stubApi(base);
    renderPage(<SheetMatrixPanel round={round({ my_role: 'member', allowed_actions: ['view_board', 'view_results'] })} />);
    expect(await screen.findAllByText('Đã nộp')).not.toHaveLength(0);
    expect(screen.queryByRole('button', { name: /^Mở lại/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Nhắc người chấm/ })).not.toBeInTheDocument();
  }, 60_000);
});

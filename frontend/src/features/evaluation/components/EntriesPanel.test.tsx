import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import { EntriesPanel } from './EntriesPanel';
import { entry, entryPage, initiative, people, round } from './fixtures.test-data';

type Handler = (req: Request) => Response | Promise<Response>;

function stubApi(routes: Record<string, Handler>) {
  const seen: { key: string; query: Record<string, string>; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (req: Request) => {
    const url = new URL(req.url);
    const key = `${req.method} ${url.pathname}`;
    seen.push({ key, query: Object.fromEntries(url.searchParams), body: req.method === 'POST' ? await req.clone().json().catch(() => null) : null });
    return routes[key]?.(req) ?? problemResponse(404, { code: 'not_found' });
  });
  return seen;
}

const ENTRIES = 'GET /api/v1/evaluation-rounds/r1/entries';
const setup = round({ status: 'setup' });

describe('EntriesPanel', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lists a page of the round, numbered across pages, and assigns an evaluator from the entry the API answers', async () => {
    // Page 2 of 21 (20 a page): the initiative is the 21st; nobody assigned yet.
    const bare = entry({ assignments: [] });
    const assigned = entry({ assignments: [{ id: 'a-gv3', evaluator: people.teacher, recused: false, conflict_note: null, sheet: 'due' }] });
    let current = bare;
    const seen = stubApi({
      [ENTRIES]: (req) => {
        const page = Number(new URL(req.url).searchParams.get('page'));
        // (Page 1 answers one row of its twenty: enough to tell the pages apart.)
        const items = page === 2 ? [current] : [entry({ id: 'e-first', initiative: { ...initiative, id: 'i-first', title: 'Sáng kiến số 1' }, assignments: [] })];
        return jsonResponse(200, entryPage(items, { total: 21, page }));
      },
      'POST /api/v1/evaluation-rounds/r1/assignments': () => {
        current = assigned;
        return jsonResponse(200, assigned);
      },
    });
    renderPage(<EntriesPanel round={setup} />);
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    expect(await screen.findByText('Sáng kiến số 1')).toBeInTheDocument();
    expect(screen.getByText('Tổng cộng 21 mục')).toBeInTheDocument();
    await user.click(screen.getByTitle('2'));
    const row = (await screen.findByRole('link', { name: initiative.title })).closest('tr') as HTMLElement;
    expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('21');
    expect(within(row).getByText('Chưa phân công')).toBeInTheDocument();

    await user.click(within(row).getByRole('combobox', { name: `Phân công người chấm cho "${initiative.title}"` }));
    await user.click(await screen.findByTitle(people.teacher.display_name));
    const reads = seen.filter((r) => r.key === ENTRIES).length;
    await user.click(within(row).getByRole('button', { name: /Phân công/ }));
    expect(await screen.findByText(`Đã phân công ${people.teacher.display_name}.`)).toBeInTheDocument();
    await waitFor(() => expect(seen.find((r) => r.key.endsWith('/assignments'))?.body).toEqual({ entry_id: 'e1', evaluator_id: people.teacher.id }));
    // The row shows the new evaluator, and the board's page is asked for again (not the whole round).
    expect(await within(row).findByText(people.teacher.display_name)).toBeInTheDocument();
    await waitFor(() => expect(seen.filter((r) => r.key === ENTRIES).length).toBeGreaterThan(reads));
    expect(seen.filter((r) => r.key === ENTRIES).at(-1)?.query).toEqual({ page: '2', per_page: '20' });
  }, 60_000);

  it('steps back to the last page there is when a removal empties the one shown', async () => {
    let total = 21;
    const seen = stubApi({
      [ENTRIES]: (req) => {
        const page = Number(new URL(req.url).searchParams.get('page'));
        const last = page === 2 ? entry({ assignments: [] }) : entry({ id: 'e-first', initiative: { ...initiative, id: 'i-first', title: 'Sáng kiến số 1' }, assignments: [] });
        return jsonResponse(200, entryPage(page === 2 && total === 20 ? [] : [last], { total, page }));
      },
      'DELETE /api/v1/evaluation-rounds/r1/entries/e1': () => {
        total = 20;
        return new Response(null, { status: 204 });
      },
    });
    renderPage(<EntriesPanel round={setup} />);
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    await screen.findByText('Sáng kiến số 1');
    await user.click(screen.getByTitle('2'));
    const row = (await screen.findByRole('link', { name: initiative.title })).closest('tr') as HTMLElement;
    await user.click(within(row).getByText('Bỏ khỏi đợt').closest('button') as HTMLElement);
    await user.click((await screen.findByText('Xác nhận')).closest('button') as HTMLElement);
    expect(await screen.findByText('Đã bỏ sáng kiến khỏi đợt đánh giá.')).toBeInTheDocument();
    expect(await screen.findByText('Sáng kiến số 1')).toBeInTheDocument();
    expect(seen.filter((r) => r.key === ENTRIES).at(-1)?.query).toEqual({ page: '1', per_page: '20' });
  }, 60_000);

  it('cannot auto-assign an empty round; adding the default entries reloads the page', async () => {
    let items: ReturnType<typeof entry>[] = [];
    const seen = stubApi({
      [ENTRIES]: () => jsonResponse(200, entryPage(items)),
      'POST /api/v1/evaluation-rounds/r1/entries': () => {
        items = [entry({ assignments: [] })];
        return jsonResponse(200, items);
      },
    });
    renderPage(<EntriesPanel round={setup} />);
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    expect(await screen.findByText('Đợt đánh giá chưa có sáng kiến nào.')).toBeInTheDocument();
    expect(screen.getByText('Phân công tự động').closest('button')).toBeDisabled();
    await user.click(screen.getByText('Thêm sáng kiến mặc định').closest('button') as HTMLElement);
    expect(await screen.findByText('Đợt đánh giá có 1 sáng kiến.')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: initiative.title })).toBeInTheDocument();
    expect(screen.getByText('Phân công tự động').closest('button')).toBeEnabled();
    expect(seen.filter((r) => r.key === ENTRIES).every((r) => r.query.page === '1' && r.query.per_page === '20')).toBe(true);
  }, 60_000);
});

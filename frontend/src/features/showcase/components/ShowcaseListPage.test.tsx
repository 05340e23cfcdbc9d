import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import { page, summary } from './fixtures.test-data';
import ShowcaseListPage from './ShowcaseListPage';

interface Seen {
  path: string;
  query: Record<string, string>;
  authorization: string | null;
  language: string | null;
}

const soLienLac = summary();
const motCua = summary({
  id: 'm2',
  title: 'Một cửa điện tử tiếp nhận hồ sơ nhập học',
  unit: 'Trường Mầm non Tân Định',
  reform_area: 'administrative_procedures',
  reform_area_vi: 'Cải cách thủ tục hành chính',
  reform_area_en: 'Administrative procedure reform',
  summary: 'Tiếp nhận hồ sơ nhập học trực tuyến, trả kết quả qua thư điện tử.',
  awards: 0,
  replications: 0,
});

function stubApi() {
  const seen: Seen[] = [];
  vi.stubGlobal('fetch', async (req: Request) => {
    const url = new URL(req.url);
    const query = Object.fromEntries(url.searchParams);
    seen.push({ path: `${req.method} ${url.pathname}`, query, authorization: req.headers.get('Authorization'), language: req.headers.get('Accept-Language') });
    if (req.method === 'GET' && url.pathname === '/api/v1/showcase') {
      // The server folds diacritics: "so lien lac" finds "Sổ liên lạc".
      if (query.q === 'so lien lac') return jsonResponse(200, page([soLienLac]));
      if (query.q) return jsonResponse(200, page([]));
      return jsonResponse(200, page([soLienLac, motCua]));
    }
    return problemResponse(404, { code: 'not_found' });
  });
  return seen;
}

const showcaseCalls = (seen: Seen[]) => seen.filter((s) => s.path === 'GET /api/v1/showcase');

describe('ShowcaseListPage', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lists the models as cards and searches without diacritics, never sending a token', async () => {
    const seen = stubApi();
    // Even with a session in memory, the public page must not send it.
    session.setToken('tok-secret');
    renderPage(<ShowcaseListPage />, { path: '/showcase' });
    const user = userEvent.setup();

    const list = await screen.findByRole('list', { name: 'Điển hình tiên tiến' });
    const cards = within(list).getAllByRole('article');
    expect(cards).toHaveLength(2);
    const first = within(cards[0]!);
    expect(first.getByRole('link', { name: soLienLac.title })).toHaveAttribute('href', '/showcase/m1');
    expect(first.getByText('Trường Mầm non Cô Giang')).toBeInTheDocument();
    expect(first.getByText('Xây dựng và phát triển Chính phủ điện tử, Chính phủ số')).toBeInTheDocument();
    expect(first.getByText(/Phụ huynh nhận thông báo/)).toBeInTheDocument();
    expect(first.getByText('1 khen thưởng')).toBeInTheDocument();
    expect(first.getByText('2 đơn vị nhân rộng')).toBeInTheDocument();
    expect(first.getByText('Công nhận ngày 15/12/2023')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('0 đơn vị nhân rộng')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Tìm kiếm mô hình'), 'so lien lac');
    await waitFor(() => expect(showcaseCalls(seen).at(-1)?.query.q).toBe('so lien lac'));
    expect(await screen.findByText('Tìm thấy 1 mô hình')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Điển hình tiên tiến' })).getAllByRole('article')).toHaveLength(1);
    expect(screen.queryByText(motCua.title)).not.toBeInTheDocument();
    // Debounced: one search for the whole phrase, not one per keystroke.
    expect(showcaseCalls(seen).filter((s) => s.query.q)).toHaveLength(1);

    // Every call of the public page went out without a token, in the UI language.
    expect(showcaseCalls(seen).length).toBeGreaterThanOrEqual(2);
    for (const call of showcaseCalls(seen)) {
      expect(call.authorization).toBeNull();
      expect(call.language).toBe('vi');
    }
  }, 30_000);

  it('starts from the words in the URL and says when nothing matches', async () => {
    const seen = stubApi();
    renderPage(<ShowcaseListPage />, { path: '/showcase', route: '/showcase?q=khong%20co' });
    expect(await screen.findByText('Không tìm thấy mô hình nào phù hợp với “khong co”.')).toBeInTheDocument();
    expect(screen.getByLabelText('Tìm kiếm mô hình')).toHaveValue('khong co');
    expect(showcaseCalls(seen)[0]?.query).toEqual({ q: 'khong co', page: '1', per_page: '12' });
  });

  it('names each reform area as the API does, in the UI language', async () => {
    // An area the app has never heard of: its name can only come from the API.
    const fresh = summary({ id: 'm3', title: 'Chuyển đổi số kho lưu trữ', reform_area: 'archives_digitalisation', reform_area_vi: 'Số hóa tài liệu lưu trữ', reform_area_en: 'Digitising the archives' });
    vi.stubGlobal('fetch', async (req: Request) =>
      new URL(req.url).pathname === '/api/v1/showcase' ? jsonResponse(200, page([fresh, motCua])) : problemResponse(404, { code: 'not_found' }),
    );
    await changeLanguage('en');
    renderPage(<ShowcaseListPage />, { path: '/showcase' });
    const cards = await screen.findAllByRole('article');
    expect(within(cards[0]!).getByText('Digitising the archives')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('Administrative procedure reform')).toBeInTheDocument();
    expect(screen.queryByText('Số hóa tài liệu lưu trữ')).not.toBeInTheDocument();
    expect(screen.queryByText('archives_digitalisation')).not.toBeInTheDocument();

    await act(() => changeLanguage('vi'));
    expect(await within(cards[0]!).findByText('Số hóa tài liệu lưu trữ')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('Cải cách thủ tục hành chính')).toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import { me, model, orgs, tree } from './fixtures.test-data';
import ShowcaseModelPage from './ShowcaseModelPage';

let meAsked = false;

function stubApi(view: unknown, who?: unknown) {
  const auth: string[] = [];
  meAsked = false;
  vi.stubGlobal('fetch', async (req: Request) => {
    const key = `${req.method} ${new URL(req.url).pathname}`;
    if (key === 'GET /api/v1/showcase/m1') {
      auth.push(req.headers.get('Authorization') ?? '');
      return jsonResponse(200, view);
    }
    if (key === 'GET /api/v1/me' && who) {
      meAsked = true;
      return jsonResponse(200, who);
    }
    if (key === 'GET /api/v1/organizations/tree' && who) return jsonResponse(200, tree);
    return problemResponse(404, { code: 'not_found' });
  });
  return auth;
}

const render = () => renderPage(<ShowcaseModelPage />, { path: '/showcase/:modelId', route: '/showcase/m1' });
const texts = (els: HTMLElement[]) => els.map((e) => e.textContent);

describe('ShowcaseModelPage', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows a visitor the model, its authors, evidence, awards and where it has spread', async () => {
    // What a careless server might add about a person never reaches the page.
    const leaky = model({
      authors: [
        { name: 'Nguyễn Thị Minh Hạnh', position: 'Hiệu trưởng', unit: orgs.cogiang.name, email: 'hanh@mncg.edu.vn', phone: '0903 123 456', contribution_pct: 60 },
        { name: 'Trần Thị Ngọc Lan', position: null, unit: orgs.cogiang.name },
      ] as never,
    });
    const auth = stubApi(leaky);
    render();

    expect(await screen.findByRole('heading', { level: 2, name: leaky.title })).toBeInTheDocument();
    expect(screen.getByText('Thời gian trả lời phụ huynh giảm từ 48 giờ xuống 4 giờ; 96% phụ huynh hài lòng.')).toBeInTheDocument();
    expect(screen.getByText('15/12/2023')).toBeInTheDocument();
    expect(screen.getAllByText('Xây dựng và phát triển Chính phủ điện tử, Chính phủ số').length).toBeGreaterThan(0);

    // Authors: name, position, unit — nothing else.
    const authors = screen.getByRole('table', { name: 'Tác giả' });
    expect(texts(within(authors).getAllByRole('columnheader'))).toEqual(['Họ và tên', 'Chức vụ', 'Đơn vị công tác']);
    const hanh = within(authors).getByText('Nguyễn Thị Minh Hạnh').closest('tr') as HTMLElement;
    expect(texts(within(hanh).getAllByRole('cell'))).toEqual(['Nguyễn Thị Minh Hạnh', 'Hiệu trưởng', 'Trường Mầm non Cô Giang']);
    expect(screen.queryByText(/hanh@mncg/)).not.toBeInTheDocument();
    expect(screen.queryByText(/0903/)).not.toBeInTheDocument();
    expect(screen.queryByText(/60\s*%/)).not.toBeInTheDocument();

    // Published evidence: a plain public download.
    const download = screen.getByRole('link', { name: 'Tải về Kế hoạch triển khai sổ liên lạc điện tử.pdf' });
    expect(download).toHaveAttribute('href', '/api/v1/showcase/m1/files/f1/content');
    expect(screen.getByText('Kế hoạch số 45/KH-MNCG · 1,5 MB')).toBeInTheDocument();

    // Awards: name, decision number, date.
    const awards = screen.getByRole('table', { name: 'Khen thưởng' });
    const award = within(awards).getByText('Giấy khen của Chủ tịch UBND Quận 1').closest('tr') as HTMLElement;
    expect(within(award).getByText('1234/QĐ-UBND')).toBeInTheDocument();
    expect(within(award).getByText('28/12/2023')).toBeInTheDocument();

    // "Nơi nhân rộng": every adopting unit with its status and period.
    const spread = screen.getByRole('table', { name: 'Nơi nhân rộng' });
    const tandinh = within(spread).getByText('Trường Mầm non Tân Định').closest('tr') as HTMLElement;
    expect(within(tandinh).getByText('Đã áp dụng')).toBeInTheDocument();
    expect(within(tandinh).getByText('Quý I năm 2024')).toBeInTheDocument();
    const sonca = within(spread).getByText('Trường Mầm non Sơn Ca').closest('tr') as HTMLElement;
    expect(within(sonca).getByText('Đang triển khai')).toBeInTheDocument();
    expect(within(sonca).getByText('Quý II năm 2024')).toBeInTheDocument();

    // A visitor: no registration, and the call carried no token.
    expect(screen.queryByRole('button', { name: /Đăng ký nhân rộng/ })).not.toBeInTheDocument();
    expect(auth).toEqual(['']);
  }, 30_000);

  it('shows an English page in the API’s English: the reform area and each period', async () => {
    await changeLanguage('en');
    stubApi(
      model({
        replications: [
          { unit: orgs.tandinh.name, organization_id: orgs.tandinh.id, status: 'adopted', planned_from: '2024-01-01', planned_to: '2024-03-31', period_label_vi: 'Quý I năm 2024', period_label_en: 'First quarter of 2024' },
        ],
      }),
    );
    render();
    expect(await screen.findByRole('heading', { level: 2 })).toBeInTheDocument();
    expect(screen.getAllByText('E-government and digital government').length).toBeGreaterThan(0);
    expect(screen.queryByText('Xây dựng và phát triển Chính phủ điện tử, Chính phủ số')).not.toBeInTheDocument();
    const spread = screen.getByRole('table', { name: 'Where it has spread' });
    const row = within(spread).getByText(orgs.tandinh.name).closest('tr') as HTMLElement;
    expect(within(row).getByText('First quarter of 2024')).toBeInTheDocument();
    expect(within(row).queryByText('Quý I năm 2024')).not.toBeInTheDocument();
  });

  it('says so when no unit has replicated the model yet', async () => {
    stubApi(model({ replications: [] }));
    render();
    const spread = await screen.findByRole('table', { name: 'Nơi nhân rộng' });
    expect(within(spread).getByText('Chưa có đơn vị nào đăng ký nhân rộng mô hình này.')).toBeInTheDocument();
  });

  it('offers "Đăng ký nhân rộng" to a signed-in unit head', async () => {
    session.setToken('tok');
    stubApi(model(), me([{ role: 'unit_head', organization_id: orgs.benthanh.id }]));
    render();
    expect(await screen.findByRole('button', { name: /Đăng ký nhân rộng/ })).toBeInTheDocument();
  });

  it('hides the button from a member of staff', async () => {
    session.setToken('tok');
    stubApi(model(), me([{ role: 'staff', organization_id: orgs.benthanh.id }]));
    render();
    expect(await screen.findByRole('heading', { level: 2 })).toBeInTheDocument();
    // Judge once /me has answered (and the page had a turn to render it).
    await waitFor(() => expect(meAsked).toBe(true));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('button', { name: /Đăng ký nhân rộng/ })).not.toBeInTheDocument();
  });
});

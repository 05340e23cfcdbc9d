import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import type { Registration } from '../api/registrations';
import { registration } from './fixtures.test-data';
import RegistrationPage from './RegistrationPage';

type Handler = (req: Request) => Response | Promise<Response>;

function stubApi(routes: Record<string, Handler>) {
  const seen: Request[] = [];
  vi.stubGlobal('fetch', async (input: Request) => {
    seen.push(input.clone());
    const handler = routes[`${input.method} ${new URL(input.url).pathname}`];
    return handler ? handler(input) : problemResponse(404, { code: 'not_found' });
  });
  return seen;
}

const base = (view: Registration): Record<string, Handler> => ({
  'POST /api/v1/auth/refresh': () => problemResponse(401, { code: 'unauthorized' }),
  'GET /api/v1/reform-areas': () =>
    jsonResponse(200, [{ code: 'administrative_procedures', name_vi: 'Cải cách thủ tục hành chính', name_en: 'Administrative procedure reform' }]),
  'GET /api/v1/registrations/r1': () => jsonResponse(200, view),
});

describe('RegistrationPage', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the Mẫu 1 initiatives, the commitments, the deadline, the versions and the allowed actions', async () => {
    const seen = stubApi({
      ...base(registration()),
      'DELETE /api/v1/registrations/r1/commitments/k1': () => jsonResponse(200, registration({ commitments: [], etag: '"r1.6"' })),
    });
    renderPage(<RegistrationPage />, { path: '/registrations/:registrationId', route: '/registrations/r1' });

    expect(await screen.findByText('Số hóa toàn bộ hồ sơ')).toBeInTheDocument();
    expect(screen.getByText('Hồ sơ còn giấy tờ trùng lặp')).toBeInTheDocument();
    expect(screen.getByText('Đang soạn')).toBeInTheDocument();
    // Mẫu 1 row: area name from the catalogue, authors, period.
    const row = screen.getByText('Cải cách thủ tục xác nhận học sinh đang học tại trường').closest('tr')!;
    expect(await within(row).findByText('Cải cách thủ tục hành chính')).toBeInTheDocument();
    expect(within(row).getByText('15/05/2023 – 30/09/2023')).toBeInTheDocument();
    // Late now: the tag counts the days, and the warning says it will be late.
    expect(screen.getByText(/^quá hạn \d+ ngày$/)).toBeInTheDocument();
    expect(screen.getByText('Đã quá hạn gửi đăng ký: bản gửi bây giờ sẽ bị ghi nhận là gửi muộn.')).toBeInTheDocument();
    // Version history: time in Vietnam, sender, decision with reason.
    expect(screen.getByText('20/05/2023 10:30')).toBeInTheDocument();
    expect(screen.getByText('Nguyễn Văn Hiệu')).toBeInTheDocument();
    expect(screen.getByText(/Thiếu cam kết khắc phục/, { selector: 'span.ant-typography' })).toBeInTheDocument();
    // Only the allowed actions.
    expect(screen.getByRole('button', { name: 'Gửi bản đăng ký' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tiếp nhận' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Thêm cam kết' })).toBeInTheDocument();

    // The submit confirmation says it will be late.
    await userEvent.click(screen.getByRole('button', { name: 'Gửi bản đăng ký' }));
    expect(await screen.findByText(/bản này sẽ bị ghi nhận là gửi muộn/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Hủy' }));

    // Deleting a commitment sends the registration's etag.
    await userEvent.click(screen.getByRole('button', { name: 'Xóa' }));
    const ok = await screen.findAllByRole('button', { name: 'Xóa' });
    await userEvent.click(ok[ok.length - 1]!);
    await waitFor(() => expect(seen.some((r) => r.method === 'DELETE')).toBe(true));
    const del = seen.find((r) => r.method === 'DELETE')!;
    expect(del.headers.get('If-Match')).toBe('"r1.5"');
    expect(await screen.findByText('Chưa có cam kết nào.')).toBeInTheDocument();
  }, 120_000);

  it('shows a sent registration read-only, without the submit button', async () => {
    stubApi(base(registration({ status: 'submitted', allowed_actions: [] })));
    renderPage(<RegistrationPage />, { path: '/registrations/:registrationId', route: '/registrations/r1' });

    expect(await screen.findByText('Số hóa toàn bộ hồ sơ')).toBeInTheDocument();
    expect(screen.getByText('Đang thực hiện')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Gửi bản đăng ký' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Thêm cam kết' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Xóa' })).not.toBeInTheDocument();
  }, 60_000);
});

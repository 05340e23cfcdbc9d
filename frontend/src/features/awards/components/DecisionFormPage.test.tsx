import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import DecisionFormPage from './DecisionFormPage';
import { awardForms, cogiang, decision, nomination, officer, page, phuongCauOngLanh } from './fixtures.test-data';

type Handler = (req: Request) => Response | Promise<Response>;

const approvedInitiative = nomination({ status: 'approved', allowed_actions: [] });
const approvedPerson = nomination({
  id: 'n2',
  status: 'approved',
  allowed_actions: [],
  nominee: { kind: 'person', label: 'Bà Lê Thị Thu Trang', initiative: null, person: { id: 'u-gv3', display_name: 'Lê Thị Thu Trang', position: 'Giáo viên', organization: cogiang }, unit: null, authors: [] },
});

const tree = [{ id: phuongCauOngLanh.id, code: phuongCauOngLanh.code, name: phuongCauOngLanh.name, kind: 'ward', in_force: true, valid_from: '2025-07-01', valid_to: null, children: [] }];

function stubApi(routes: Record<string, Handler>) {
  const seen: { key: string; query: Record<string, string>; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (req: Request) => {
    const url = new URL(req.url);
    const key = `${req.method} ${url.pathname}`;
    seen.push({ key, query: Object.fromEntries(url.searchParams), body: req.method === 'GET' ? null : await req.clone().json().catch(() => null) });
    if (key === 'POST /api/v1/auth/refresh') return jsonResponse(200, { access_token: 'tok', token_type: 'Bearer', expires_in: 900 });
    if (key === 'GET /api/v1/me') return jsonResponse(200, officer);
    if (key === 'GET /api/v1/award-forms') return jsonResponse(200, awardForms);
    if (key === 'GET /api/v1/organizations/tree') return jsonResponse(200, tree);
    if (key === 'GET /api/v1/nominations') return jsonResponse(200, page([approvedInitiative, approvedPerson]));
    return routes[key]?.(req) ?? problemResponse(404, { code: 'not_found' });
  });
  return seen;
}

const field = (label: string) => screen.getByRole('textbox', { name: label }).closest('.ant-form-item') as HTMLElement;

describe('DecisionFormPage', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('records a decision for the chosen approved nominations and puts the API’s errors on their fields and rows', async () => {
    let attempts = 0;
    const seen = stubApi({
      'POST /api/v1/award-decisions': () => {
        attempts += 1;
        if (attempts === 1) {
          return problemResponse(422, {
            code: 'validation_failed',
            message_vi: 'Dữ liệu không hợp lệ.',
            errors: [
              { field: 'number', code: 'invalid_number', message: 'Số, ký hiệu văn bản có dạng 1234/QĐ-UBND.' },
              { field: 'signer_title', code: 'required', message: 'Trường này là bắt buộc.' },
            ],
          });
        }
        if (attempts === 2) {
          return problemResponse(422, {
            code: 'not_approved',
            message_vi: 'Chỉ các đề nghị đã được duyệt mới đưa vào quyết định.',
            errors: [{ field: 'nomination_ids.n2', code: 'not_approved', message: 'Đề nghị đang ở trạng thái “decided”, chưa được duyệt.' }],
          });
        }
        return jsonResponse(201, decision());
      },
    });
    renderPage(<DecisionFormPage />, { path: '/awards/decisions/new' });
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    // The approved nominations of the officer's authority, each with a checkbox.
    const approved = await screen.findByRole('table', { name: 'Đề nghị đã duyệt' });
    await within(approved).findByText('Bà Lê Thị Thu Trang');
    expect(seen.find((r) => r.key === 'GET /api/v1/nominations')?.query).toMatchObject({ status: 'approved', organization_id: phuongCauOngLanh.id });
    expect(screen.getByRole('button', { name: /Tải dự thảo quyết định \(Word\)/ })).toBeInTheDocument();

    // Nothing chosen: said before sending.
    await user.click(screen.getByRole('button', { name: 'Ghi nhận quyết định' }));
    expect(await screen.findByText('Vui lòng chọn ít nhất một đề nghị đã duyệt.')).toBeInTheDocument();
    expect(seen.some((r) => r.key === 'POST /api/v1/award-decisions')).toBe(false);

    await user.click(within(approved).getByRole('checkbox', { name: `Chọn ${approvedInitiative.nominee.label}` }));
    await user.click(within(approved).getByRole('checkbox', { name: 'Chọn Bà Lê Thị Thu Trang' }));
    await user.type(screen.getByRole('textbox', { name: 'Số, ký hiệu' }), '1234/QĐ-UBND');
    await user.type(screen.getByRole('textbox', { name: 'Chức vụ người ký' }), 'Chủ tịch');
    await user.type(screen.getByRole('textbox', { name: 'Họ và tên người ký' }), 'Trần Văn Bình');

    // The API refuses two fields: each message lands on its field.

    await user.click(screen.getByRole('button', { name: 'Ghi nhận quyết định' }));
    expect(await within(field('Số, ký hiệu')).findByText('Số, ký hiệu văn bản có dạng 1234/QĐ-UBND.')).toBeInTheDocument();
    expect(await within(field('Chức vụ người ký')).findByText('Trường này là bắt buộc.')).toBeInTheDocument();
    const sent = seen.find((r) => r.key === 'POST /api/v1/award-decisions')?.body as Record<string, unknown>;
    expect(sent).toMatchObject({
      number: '1234/QĐ-UBND',
      signer_name: 'Trần Văn Bình',
      signer_title: 'Chủ tịch',
      organization_id: phuongCauOngLanh.id,
      ceremony_on: null,
      ceremony_note: null,
    });
    expect(sent.nomination_ids).toEqual(['n1', 'n2']);
    expect(sent.signed_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // A nomination refused on its own row.
    await user.click(screen.getByRole('button', { name: 'Ghi nhận quyết định' }));
    const refusedRow = within(approved).getByText('Bà Lê Thị Thu Trang').closest('tr') as HTMLElement;
    expect(await within(refusedRow).findByText('Đề nghị đang ở trạng thái “decided”, chưa được duyệt.')).toBeInTheDocument();
    expect(await screen.findByText('Có đề nghị không đưa được vào quyết định (xem từng dòng).')).toBeInTheDocument();

    // Without it: recorded, and on to the decision's page.
    await user.click(within(approved).getByRole('checkbox', { name: 'Chọn Bà Lê Thị Thu Trang' }));
    await user.click(screen.getByRole('button', { name: 'Ghi nhận quyết định' }));
    expect(await screen.findByText('Đã ghi nhận Quyết định số 1234/QĐ-UBND.')).toBeInTheDocument();
    await waitFor(() => expect((seen.filter((r) => r.key === 'POST /api/v1/award-decisions').at(-1)?.body as { nomination_ids: string[] }).nomination_ids).toEqual(['n1']));
    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
  }, 60_000);
});

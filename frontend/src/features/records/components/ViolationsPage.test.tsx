import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import type { Violation } from '../api/records';
import { cogiang, me, people, tree, usersPage, violation } from './fixtures.test-data';
import ViolationPage from './ViolationPage';
import ViolationsPage from './ViolationsPage';

const FUTURE = 'Ngày vi phạm không được ở tương lai hay trước năm 2000.';
const DESCRIPTION = 'Cần nhập nội dung vi phạm (tối đa 5.000 ký tự).';

function stubApi(answer: (body: Record<string, unknown>) => Response, records: Violation[] = [violation()]) {
  const posted: Record<string, unknown>[] = [];
  const reads: string[] = [];
  vi.stubGlobal('fetch', async (req: Request) => {
    const url = new URL(req.url);
    const key = `${req.method} ${url.pathname}`;
    switch (key) {
      case 'GET /api/v1/me':
        return jsonResponse(200, me('unit_head', cogiang.id));
      case 'GET /api/v1/organizations/tree':
        return jsonResponse(200, tree);
      case 'GET /api/v1/users':
        return jsonResponse(200, usersPage([people.teacher, people.cook]));
      case 'GET /api/v1/violation-records':
        reads.push(url.search);
        return jsonResponse(200, records);
      case 'GET /api/v1/violation-records/v1':
        reads.push('v1');
        return jsonResponse(200, violation());
      case 'POST /api/v1/violation-records': {
        const body = (await req.json()) as Record<string, unknown>;
        posted.push(body);
        return answer(body);
      }
      default:
        return problemResponse(404, { code: 'not_found' });
    }
  });
  return { posted, reads };
}

const field = (dialog: HTMLElement, label: string) => within(dialog).getByText(label, { selector: 'label' }).closest('.ant-form-item') as HTMLElement;

describe('ViolationsPage', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
    session.setToken('tok');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lists the unit’s records of the year, says each view is logged, and links to a record', async () => {
    const { reads } = stubApi(() => problemResponse(500, {}));
    renderPage(<ViolationsPage />, { path: '/records/violations', route: `/records/violations?unit=${cogiang.id}&year=2023` });
    expect(screen.getByText('Mỗi lần xem hồ sơ vi phạm đều được ghi nhật ký.')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Hồ sơ vi phạm năm 2023' });
    const link = await within(table).findByRole('link', { name: 'Phạm Thị Thu Hương' });
    expect(link).toHaveAttribute('href', '/records/violations/v1');
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('12/09/2023')).toBeInTheDocument();
    expect(within(row).getByText('Vi phạm quy tắc ứng xử')).toBeInTheDocument();
    expect(within(row).getByText('Khiển trách')).toBeInTheDocument();
    expect(within(row).getByText('12/QĐ-MNCG, 02/10/2023')).toBeInTheDocument();
    expect(reads).toEqual([`?organization_id=${cogiang.id}&year=2023`]);
  });

  it('records a violation; the API’s field errors land on their fields', async () => {
    const { posted } = stubApi(() =>
      problemResponse(422, {
        code: 'validation_failed',
        message_vi: 'Dữ liệu không hợp lệ.',
        errors: [
          { field: 'occurred_on', code: 'out_of_range', message: FUTURE },
          { field: 'description', code: 'required', message: DESCRIPTION },
        ],
      }),
    );
    renderPage(<ViolationsPage />, { path: '/records/violations', route: `/records/violations?unit=${cogiang.id}&year=2023` });
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    await user.click(await screen.findByRole('button', { name: /Ghi nhận vi phạm/ }));
    const dialog = await screen.findByRole('dialog');

    // Nothing chosen: the form says what is missing and sends nothing.
    await user.click(within(dialog).getByRole('button', { name: /Lưu/ }));
    expect(await within(field(dialog, 'Người vi phạm')).findByText('Trường này là bắt buộc.')).toBeInTheDocument();
    expect(within(field(dialog, 'Loại vi phạm')).getByText('Trường này là bắt buộc.')).toBeInTheDocument();
    expect(posted).toHaveLength(0);

    await user.click(within(dialog).getByRole('combobox', { name: 'Người vi phạm' }));
    await user.click(await screen.findByTitle('Phạm Thị Thu Hương — Nhân viên cấp dưỡng'));
    await user.type(field(dialog, 'Ngày vi phạm').querySelector('input')!, '12/09/2023{Enter}');
    await user.click(within(dialog).getByRole('combobox', { name: 'Loại vi phạm' }));
    await user.click(await screen.findByTitle('Vi phạm đạo đức công vụ'));
    await user.type(within(dialog).getByRole('textbox', { name: 'Nội dung vi phạm' }), 'Đến muộn nhiều lần không lý do');
    await user.type(within(dialog).getByRole('textbox', { name: 'Số, ký hiệu quyết định kỷ luật' }), '15/QĐ-MNCG');
    await user.click(within(dialog).getByRole('button', { name: /Lưu/ }));

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      user_id: people.cook.id,
      occurred_on: '2023-09-12',
      kind: 'public_ethics',
      description: 'Đến muộn nhiều lần không lý do',
      discipline: 'none',
      decision_ref: '15/QĐ-MNCG',
      decided_on: null,
    });
    expect(await within(field(dialog, 'Ngày vi phạm')).findByText(FUTURE)).toBeInTheDocument();
    expect(within(field(dialog, 'Nội dung vi phạm')).getByText(DESCRIPTION)).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Dữ liệu không hợp lệ.');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  }, 60_000);
});

describe('ViolationPage', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
    session.setToken('tok');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows one record, with the notice that the view is logged', async () => {
    const { reads } = stubApi(() => problemResponse(500, {}));
    renderPage(<ViolationPage />, { path: '/records/violations/:violationId', route: '/records/violations/v1' });
    expect(await screen.findByRole('heading', { name: 'Hồ sơ vi phạm: Phạm Thị Thu Hương' })).toBeInTheDocument();
    expect(screen.getByText('Mỗi lần xem hồ sơ vi phạm đều được ghi nhật ký.')).toBeInTheDocument();
    expect(screen.getByText('Có lời nói thiếu chuẩn mực với phụ huynh khi đón trẻ.')).toBeInTheDocument();
    expect(screen.getByText('12/QĐ-MNCG')).toBeInTheDocument();
    expect(screen.getByText('02/10/2023')).toBeInTheDocument();
    expect(screen.getByText('Nhân viên cấp dưỡng')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Hồ sơ vi phạm' })).toHaveAttribute('href', `/records/violations?unit=${cogiang.id}&year=2023`);
    // One read, one audit entry: not fetched twice.
    expect(reads).toEqual(['v1']);
  });
});

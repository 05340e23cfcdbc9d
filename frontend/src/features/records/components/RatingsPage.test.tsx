import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import type { Me } from '@/lib/auth';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import type { StaffRating, UnitRating } from '../api/records';
import { benthanh, cogiang, me, people, q1, staffRating, tree, unitRating, usersPage } from './fixtures.test-data';
import RatingsPage from './RatingsPage';

interface Sent {
  key: string;
  query: Record<string, string>;
  body?: Record<string, unknown>;
}

function stubApi(who: Me, initial: { staff?: StaffRating[]; units?: UnitRating[] } = {}) {
  const sent: Sent[] = [];
  const staff = [...(initial.staff ?? [])];
  const units = [...(initial.units ?? [])];
  vi.stubGlobal('fetch', async (req: Request) => {
    const url = new URL(req.url);
    const key = `${req.method} ${url.pathname}`;
    const entry: Sent = { key, query: Object.fromEntries(url.searchParams) };
    if (req.method === 'PUT') entry.body = (await req.json()) as Record<string, unknown>;
    sent.push(entry);
    switch (key) {
      case 'GET /api/v1/me':
        return jsonResponse(200, who);
      case 'GET /api/v1/organizations/tree':
        return jsonResponse(200, tree);
      case 'GET /api/v1/users':
        return jsonResponse(200, usersPage([people.head, people.teacher, people.cook]));
      case 'GET /api/v1/staff-ratings':
        return jsonResponse(200, staff);
      case 'GET /api/v1/unit-ratings':
        return jsonResponse(200, units);
      case 'PUT /api/v1/staff-ratings': {
        const b = entry.body!;
        const person = [people.head, people.teacher, people.cook].find((u) => u.id === b.user_id)!;
        const saved = staffRating(person, { period: b.period as StaffRating['period'], rating: b.rating as StaffRating['rating'], note: (b.note as string) ?? null });
        staff.push(saved);
        return jsonResponse(200, saved);
      }
      case 'PUT /api/v1/unit-ratings': {
        const b = entry.body!;
        const org = [q1, cogiang, benthanh].find((o) => o.id === b.organization_id)!;
        const saved = unitRating(org, { rating: b.rating as UnitRating['rating'], decision_ref: (b.decision_ref as string) ?? null });
        units.push(saved);
        return jsonResponse(200, saved);
      }
      default:
        return problemResponse(404, { code: 'not_found' });
    }
  });
  return sent;
}

const rowOf = (table: HTMLElement, name: string) => within(table).getByText(name).closest('tr') as HTMLElement;

describe('RatingsPage', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
    session.setToken('tok');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lets a unit head rate a person for a quarter from the modal; nobody rates themselves', async () => {
    const sent = stubApi(me('unit_head', cogiang.id), { staff: [staffRating(people.teacher)] });
    renderPage(<RatingsPage />, { path: '/records/ratings', route: `/records/ratings?unit=${cogiang.id}&year=2023` });
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    const table = await screen.findByRole('table', { name: 'Bảng xếp loại cán bộ, công chức, viên chức năm 2023' });
    await waitFor(() => expect(within(rowOf(table, 'Lý Thị Mỹ Duyên')).getByText('Hoàn thành tốt nhiệm vụ')).toBeInTheDocument());
    expect(sent.find((s) => s.key === 'GET /api/v1/staff-ratings')?.query).toEqual({ organization_id: cogiang.id, year: '2023' });
    expect(texts(within(table).getAllByRole('columnheader'))).toEqual(['Họ và tên', 'Xếp loại năm', 'Quý I', 'Quý II', 'Quý III', 'Quý IV', 'Thao tác']);
    // The head's own row cannot be rated by the head.
    expect(within(rowOf(table, 'Nguyễn Thị Minh Hạnh')).getByRole('button', { name: 'Xếp loại: Nguyễn Thị Minh Hạnh' })).toBeDisabled();
    // A unit head does not rate units.
    expect(screen.queryByText('Xếp loại tập thể năm 2023')).not.toBeInTheDocument();

    await user.click(within(rowOf(table, 'Lý Thị Mỹ Duyên')).getByRole('button', { name: 'Xếp loại: Lý Thị Mỹ Duyên' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Xếp loại Lý Thị Mỹ Duyên năm 2023')).toBeInTheDocument();
    // It starts from the annual rating already recorded.
    expect(within(dialog).getByRole('radio', { name: 'Cả năm' })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'Hoàn thành tốt nhiệm vụ' })).toBeChecked();

    // Quarter II has none yet: a rating is needed before saving.
    await user.click(within(dialog).getByText('Quý II'));
    expect(within(dialog).getByRole('radio', { name: 'Hoàn thành tốt nhiệm vụ' })).not.toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: /Lưu/ }));
    expect(await within(dialog).findByText('Vui lòng chọn mức xếp loại.')).toBeInTheDocument();
    expect(sent.filter((s) => s.key === 'PUT /api/v1/staff-ratings')).toHaveLength(0);

    await user.click(within(dialog).getByRole('radio', { name: 'Hoàn thành xuất sắc nhiệm vụ' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Ghi chú' }), 'Dẫn đầu phong trào quý II');
    await user.click(within(dialog).getByRole('button', { name: /Lưu/ }));
    await waitFor(() => expect(sent.filter((s) => s.key === 'PUT /api/v1/staff-ratings')).toHaveLength(1));
    expect(sent.find((s) => s.key === 'PUT /api/v1/staff-ratings')?.body).toEqual({
      user_id: people.teacher.id,
      year: 2023,
      period: 'q2',
      rating: 'excellent',
      note: 'Dẫn đầu phong trào quý II',
    });
    expect(await screen.findByText('Đã lưu xếp loại Quý II của Lý Thị Mỹ Duyên: Hoàn thành xuất sắc nhiệm vụ.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // The table reads the ratings again: Quarter II now shows.
    const cells = () => within(rowOf(screen.getByRole('table', { name: /Bảng xếp loại cán bộ/ }), 'Lý Thị Mỹ Duyên')).getAllByRole('cell');
    // Cells: name, year, Q1, Q2, Q3, Q4.
    await waitFor(() => expect(cells()[3]).toHaveTextContent('Hoàn thành xuất sắc nhiệm vụ'));
    expect(cells()[1]).toHaveTextContent('Hoàn thành tốt nhiệm vụ');
    expect(cells()[2]).toHaveTextContent('Chưa xếp loại');
  }, 60_000);

  it('shows the API’s refusal (403) in the modal', async () => {
    stubApi(me('unit_head', cogiang.id, people.teacher));
    vi.stubGlobal(
      'fetch',
      ((orig) => async (req: Request) =>
        req.method === 'PUT'
          ? problemResponse(403, { code: 'own_record', message_vi: 'Không thể tự ghi nhận hồ sơ của chính mình.' })
          : orig(req))(globalThis.fetch as (r: Request) => Promise<Response>),
    );
    renderPage(<RatingsPage />, { path: '/records/ratings', route: `/records/ratings?unit=${cogiang.id}&year=2023` });
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    const table = await screen.findByRole('table', { name: /Bảng xếp loại cán bộ/ });
    await within(table).findByText('Phạm Thị Thu Hương');
    await user.click(within(rowOf(table, 'Phạm Thị Thu Hương')).getByRole('button', { name: 'Xếp loại: Phạm Thị Thu Hương' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Hoàn thành nhiệm vụ' }));
    await user.click(within(dialog).getByRole('button', { name: /Lưu/ }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Không thể tự ghi nhận hồ sơ của chính mình.');
  }, 60_000);

  it('gives an authority officer the units’ collective ratings', async () => {
    const sent = stubApi(me('authority_officer', q1.id, { ...people.head, id: 'u-cv', organization: q1 }), { units: [unitRating(benthanh)] });
    renderPage(<RatingsPage />, { path: '/records/ratings', route: `/records/ratings?unit=${q1.id}&year=2023` });
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    const units = await screen.findByRole('table', { name: 'Bảng xếp loại tập thể năm 2023' });
    await waitFor(() => expect(within(rowOf(units, benthanh.name)).getByText('Hoàn thành xuất sắc nhiệm vụ')).toBeInTheDocument());
    expect(within(rowOf(units, benthanh.name)).getByText('25/QĐ-UBND')).toBeInTheDocument();
    expect(within(rowOf(units, cogiang.name)).getByText('Chưa xếp loại')).toBeInTheDocument();

    await user.click(within(rowOf(units, cogiang.name)).getByRole('button', { name: `Xếp loại tập thể: ${cogiang.name}` }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Hoàn thành tốt nhiệm vụ' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Số, ký hiệu quyết định' }), '30/QĐ-UBND');
    await user.click(within(dialog).getByRole('button', { name: /Lưu/ }));
    await waitFor(() =>
      expect(sent.find((s) => s.key === 'PUT /api/v1/unit-ratings')?.body).toEqual({
        organization_id: cogiang.id,
        year: 2023,
        rating: 'good',
        decision_ref: '30/QĐ-UBND',
        note: null,
      }),
    );
    await waitFor(() => expect(within(rowOf(screen.getByRole('table', { name: 'Bảng xếp loại tập thể năm 2023' }), cogiang.name)).getByText('Hoàn thành tốt nhiệm vụ')).toBeInTheDocument());
  }, 60_000);
});

const texts = (els: HTMLElement[]) => els.map((e) => e.textContent);

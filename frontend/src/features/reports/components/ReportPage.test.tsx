import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import type { Report, UpdateReport } from '../api/reports';
import { evidence, report, vanlang } from './fixtures.test-data';
import ReportPage from './ReportPage';

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

const base = (view: () => Report): Record<string, Handler> => ({
  'POST /api/v1/auth/refresh': () => problemResponse(401, { code: 'unauthorized' }),
  'GET /api/v1/reports/r1': () => jsonResponse(200, view()),
  'GET /api/v1/initiatives': () =>
    jsonResponse(200, {
      items: [
        { id: 'i1', title: 'Tổ tư vấn thủ tục chuyển trường cho phụ huynh', status: 'not_accepted' },
        { id: 'i2', title: 'Sổ liên lạc điện tử', status: 'in_progress' },
      ],
      total: 2,
      page: 1,
      per_page: 100,
    }),
});

const render = () => renderPage(<ReportPage />, { path: '/reports/:reportId', route: '/reports/r1' });

const sent = (over: Partial<Report> = {}) =>
  report({
    status: 'submitted',
    allowed_actions: ['receive', 'return'],
    sections: { ...report().sections, results: 'Đã thành lập tổ tư vấn.' },
    files: [evidence({ locked: true, allowed_actions: [], report_row_id: 'row1' })],
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
    ...over,
  });

describe('ReportPage', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the header, edits the outline and the table, and saves them in one PATCH with the etag', async () => {
    let view = report();
    const seen = stubApi({
      ...base(() => view),
      'PATCH /api/v1/reports/r1': async (req) => {
        const body = (await req.json()) as UpdateReport;
        view = report({
          etag: '"r1.4"',
          sections: { ...view.sections, ...(body.sections as Report['sections']) },
          rows: (body.rows ?? []).map((r, i) => ({
            id: r.id ?? `new${i}`,
            initiative: r.initiative_id ? { id: r.initiative_id, title: 'x' } : null,
            indicator: r.indicator,
            unit_of_measure: r.unit_of_measure,
            baseline: r.baseline,
            target: r.target,
            actual: r.actual,
            status_note: r.status_note,
            sort_order: i,
          })),
        });
        return jsonResponse(200, view);
      },
    });
    render();

    expect(await screen.findByRole('heading', { name: 'Báo cáo kết quả giai đoạn 1 — Trường Trung học cơ sở Văn Lang' })).toBeInTheDocument();
    expect(screen.getByText('Đang soạn')).toBeInTheDocument();
    expect(screen.getByText('Báo cáo kết quả giai đoạn 1 (Mẫu 2)')).toBeInTheDocument();
    expect(screen.getByText('Báo cáo kết quả Đợt 1 theo Mẫu 2 và đề cương')).toBeInTheDocument();
    expect(screen.getByText('10/06/2023')).toBeInTheDocument();
    expect(screen.getByText(/^quá hạn \d+ ngày$/)).toBeInTheDocument();
    expect(screen.getByText('Đã quá hạn nộp báo cáo: bản gửi bây giờ sẽ bị ghi nhận là gửi muộn.')).toBeInTheDocument();
    expect(screen.getByText('Chưa gửi lần nào.')).toBeInTheDocument();

    // The six sections of the outline, with their Vietnamese headings.
    for (const heading of ['Tình hình, đặc điểm', 'Công tác triển khai thực hiện', 'Kết quả đạt được', 'Hiệu quả', 'Khó khăn, vướng mắc', 'Đề xuất, kiến nghị']) {
      expect(screen.getByLabelText(heading)).toBeInTheDocument();
    }
    expect(screen.getByLabelText('Tình hình, đặc điểm')).toHaveValue('Trường có 42 cán bộ, giáo viên.');
    expect(screen.getByRole('spinbutton', { name: 'Số liệu ban đầu, dòng 1' })).toHaveValue('55');
    expect(screen.getByRole('spinbutton', { name: 'Chỉ tiêu đề ra, dòng 1' })).toHaveValue('90');

    fireEvent.change(screen.getByLabelText('Hiệu quả'), { target: { value: 'Phụ huynh hài lòng hơn.' } });
    // Unsaved changes: sending now would send the saved text, so Submit waits for Save.
    expect(screen.getByRole('button', { name: 'Gửi báo cáo' })).toBeDisabled();
    await userEvent.type(screen.getByRole('spinbutton', { name: 'Kết quả thực hiện, dòng 1' }), '87');
    await userEvent.click(screen.getByRole('button', { name: 'Thêm dòng' }));
    fireEvent.change(await screen.findByLabelText('Chỉ tiêu, dòng 2'), { target: { value: 'Số lượt phụ huynh được tư vấn' } });
    fireEvent.change(screen.getByLabelText('Đơn vị tính, dòng 2'), { target: { value: 'lượt' } });
    await userEvent.click(screen.getByRole('button', { name: 'Lưu báo cáo' }));

    await waitFor(() => expect(seen.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = seen.find((r) => r.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"r1.3"');
    const body = (await patch.json()) as UpdateReport;
    expect(body.title).toBe('Báo cáo kết quả giai đoạn 1 — Trường Trung học cơ sở Văn Lang');
    expect(body.sections).toEqual({
      situation: 'Trường có 42 cán bộ, giáo viên.',
      implementation: '',
      results: '',
      effectiveness: 'Phụ huynh hài lòng hơn.',
      difficulties: '',
      proposals: '',
    });
    // The whole table, in order; the kept line keeps its id (and so its evidence).
    expect(body.rows).toEqual([
      { id: 'row1', initiative_id: 'i1', indicator: 'Hồ sơ chuyển trường đúng ngay lần đầu', unit_of_measure: '%', baseline: 55, target: 90, actual: 87, status_note: null },
      { id: null, initiative_id: null, indicator: 'Số lượt phụ huynh được tư vấn', unit_of_measure: 'lượt', baseline: null, target: null, actual: null, status_note: null },
    ]);
    expect(await screen.findByText('Đã lưu báo cáo.')).toBeInTheDocument();
    // Saved: a fresh form from the server's view, and Submit is offered again.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Gửi báo cáo' })).toBeEnabled());
    expect(screen.getByLabelText('Hiệu quả')).toHaveValue('Phụ huynh hài lòng hơn.');
  }, 120_000);

  it('puts the server’s field errors on the table’s cells, and removes a line', async () => {
    const seen = stubApi({
      ...base(() => report()),
      'PATCH /api/v1/reports/r1': () =>
        problemResponse(422, {
          code: 'validation_failed',
          message_vi: 'Dữ liệu không hợp lệ.',
          errors: [{ field: 'rows[0].unit_of_measure', code: 'too_long', message: 'Tối đa 50 ký tự.' }],
        }),
    });
    render();

    await screen.findByLabelText('Chỉ tiêu, dòng 1');
    // A line without its indicator is refused here, before any request.
    await userEvent.click(screen.getByRole('button', { name: 'Thêm dòng' }));
    await userEvent.click(screen.getByRole('button', { name: 'Lưu báo cáo' }));
    expect(await screen.findByText('Vui lòng nhập chỉ tiêu.')).toBeInTheDocument();
    expect(seen.some((r) => r.method === 'PATCH')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Xóa dòng 2' }));
    await waitFor(() => expect(screen.queryByLabelText('Chỉ tiêu, dòng 2')).not.toBeInTheDocument());

    await userEvent.click(screen.getByRole('button', { name: 'Lưu báo cáo' }));
    expect(await screen.findByText('Tối đa 50 ký tự.')).toBeInTheDocument();
    const body = (await seen.find((r) => r.method === 'PATCH')!.json()) as UpdateReport;
    expect(body.rows).toHaveLength(1);
  }, 120_000);

  it('asks before sending an acceptance report, shows its checklist, and the server’s list of missing evidence', async () => {
    const acceptance = report({
      kind: 'acceptance',
      initiative: { id: 'i1', title: 'Tổ tư vấn thủ tục chuyển trường cho phụ huynh' },
      title: 'Báo cáo nghiệm thu: Tổ tư vấn thủ tục chuyển trường cho phụ huynh',
      evidence_requirements: [
        { any_of: ['implementation_plan'], label_vi: 'Kế hoạch triển khai', met: true },
        { any_of: ['data', 'photo'], label_vi: 'Số liệu hoặc Hình ảnh', met: false },
      ],
      files: [evidence()],
    });
    const seen = stubApi({
      ...base(() => acceptance),
      'POST /api/v1/reports/r1/submit': () =>
        problemResponse(422, {
          code: 'missing_evidence',
          message_vi: 'Thiếu tài liệu minh chứng: Số liệu hoặc Hình ảnh.',
          message_en: 'Required evidence is missing: data or photo.',
          errors: [{ field: 'files', code: 'missing_evidence', message: 'Thiếu tài liệu minh chứng: Số liệu hoặc Hình ảnh.' }],
        }),
    });
    render();

    const checklist = await screen.findByRole('list', { name: 'Tài liệu minh chứng bắt buộc để nghiệm thu' });
    const items = within(checklist).getAllByRole('listitem');
    expect(within(items[0]!).getByRole('img', { name: 'Đã có' })).toBeInTheDocument();
    expect(items[0]).toHaveTextContent('Kế hoạch triển khai');
    expect(within(items[1]!).getByRole('img', { name: 'Còn thiếu' })).toBeInTheDocument();
    expect(items[1]).toHaveTextContent('Số liệu hoặc Hình ảnh');
    expect(screen.getByRole('link', { name: 'Tổ tư vấn thủ tục chuyển trường cho phụ huynh' })).toHaveAttribute('href', '/initiatives/i1');

    await userEvent.click(screen.getByRole('button', { name: 'Gửi báo cáo' }));
    expect(await screen.findByText(/Đã quá hạn nộp: báo cáo sẽ bị ghi nhận là gửi muộn/)).toBeInTheDocument();
    expect(seen.some((r) => r.url.endsWith('/submit'))).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Xác nhận' }));
    expect(await screen.findByText('Thiếu tài liệu minh chứng: Số liệu hoặc Hình ảnh.')).toBeInTheDocument();
    expect(seen.some((r) => r.method === 'POST' && r.url.endsWith('/r1/submit'))).toBe(true);
  }, 120_000);

  it('shows a sent report read-only to the authority, with receive and return, and opens a version’s frozen content', async () => {
    let view = sent();
    const seen = stubApi({
      ...base(() => view),
      'POST /api/v1/reports/r1/return': async (req) => {
        const { reason } = (await req.json()) as { reason: string };
        view = sent({ status: 'returned', allowed_actions: [], versions: [{ ...sent().versions[0]!, decision: 'returned', decided_by: { id: 'u7', display_name: 'Lê Thị Thanh Tâm' }, decided_at: '2023-06-13T02:00:00Z', reason }] });
        return jsonResponse(200, view);
      },
      'GET /api/v1/reports/r1/versions/1': () =>
        jsonResponse(200, {
          ...sent().versions[0],
          title: 'Báo cáo kết quả giai đoạn 1 — Trường Trung học cơ sở Văn Lang',
          sections: { ...report().sections, results: 'Bản đã gửi: tổ tư vấn hoạt động từ tháng 5.' },
          rows: [{ ...report().rows[0], actual: null }],
          files: [evidence({ id: 'f9', original_name: 'Ảnh tổ tư vấn.png', category: 'photo', media_type: 'image/png', locked: true, allowed_actions: [], report_row_id: 'row1' })],
        }),
      'GET /api/v1/files/f9/content': () => new Response(new Uint8Array([0x89, 0x50]), { status: 200, headers: { 'Content-Type': 'image/png' } }),
    });
    render();

    expect(await screen.findByText('Đã thành lập tổ tư vấn.')).toBeInTheDocument();
    expect(screen.queryByText('Lưu báo cáo')).not.toBeInTheDocument();
    expect(screen.queryByText('Gửi báo cáo')).not.toBeInTheDocument();
    expect(screen.getByText('Tiếp nhận').closest('button')).toBeInTheDocument();
    expect(screen.queryByText('Kéo thả tệp vào đây hoặc bấm để chọn tệp')).not.toBeInTheDocument();
    // Sent: no "quá hạn" count, but the version is marked late.
    expect(screen.queryByText(/^quá hạn \d+ ngày$/)).not.toBeInTheDocument();
    expect(screen.getByText('Gửi muộn', { selector: '.ant-tag' })).toBeInTheDocument();
    // The evidence says which line it backs.
    expect(screen.getByText('Dòng 1: Hồ sơ chuyển trường đúng ngay lần đầu')).toBeInTheDocument();

    // Version 1 as it was sent.
    const history = screen.getByText('Các lần gửi').closest('.ant-card') as HTMLElement;
    await userEvent.click(within(history).getByText('Xem'));
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByText('Bản đã gửi: tổ tư vấn hoạt động từ tháng 5.')).toBeInTheDocument();
    expect(within(drawer).getByText('Lần gửi 1 — 12/06/2023 10:30')).toBeInTheDocument();
    const frozenRow = within(drawer).getByText('Hồ sơ chuyển trường đúng ngay lần đầu').closest('tr')!;
    expect(within(frozenRow).getByText('90')).toBeInTheDocument();
    expect(within(drawer).getByText('Ảnh tổ tư vấn.png')).toBeInTheDocument();
    expect(within(drawer).queryByText('Xóa')).not.toBeInTheDocument();
    await userEvent.click(document.querySelector<HTMLButtonElement>('.ant-drawer-close')!);
    await waitFor(() => expect(screen.queryByText('Bản đã gửi: tổ tư vấn hoạt động từ tháng 5.')).not.toBeInTheDocument());

    // Return needs a reason.
    await userEvent.click(screen.getByText('Trả lại').closest('button')!);
    const dialog = (await screen.findByText(`Trả lại báo cáo của ${vanlang.name}`)).closest('.ant-modal') as HTMLElement;
    await userEvent.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    expect(await within(dialog).findByText('Vui lòng nhập lý do trả lại.')).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText('Lý do trả lại'), { target: { value: 'Bổ sung kết quả thực hiện' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    await waitFor(() => expect(seen.some((r) => r.url.endsWith('/r1/return'))).toBe(true));
    expect(await screen.findByText('Đã trả lại báo cáo.')).toBeInTheDocument();
    expect(await screen.findByText('Báo cáo bị trả lại để bổ sung, chỉnh sửa')).toBeInTheDocument();
    expect(screen.getByText('Lê Thị Thanh Tâm: Bổ sung kết quả thực hiện')).toBeInTheDocument();
  }, 120_000);

  it('downloads Mẫu 2 of the report as it stands, and of a version, under the server’s name', async () => {
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = () => 'blob:mau2';
    URL.revokeObjectURL = () => {};
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const file = (name: string) =>
      new Response(new Uint8Array([0x50, 0x4b]), {
        status: 200,
        headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': `attachment; filename="x"; filename*=UTF-8''${encodeURIComponent(name)}` },
      });
    try {
      const seen = stubApi({
        ...base(() => sent()),
        'GET /api/v1/reports/r1/export.xlsx': () => file('Mẫu 2 - Báo cáo.xlsx'),
        'GET /api/v1/reports/r1/export.docx': () => file('Mẫu 2 - Báo cáo (lần 1).docx'),
        'GET /api/v1/reports/r1/versions/1': () => jsonResponse(200, { ...sent().versions[0], title: 't', sections: report().sections, rows: [], files: [] }),
      });
      render();

      const header = (await screen.findByRole('heading', { level: 3 })).closest('.ant-card') as HTMLElement;
      await userEvent.click(within(header).getByText('Tải Mẫu 2 (Excel)'));
      await waitFor(() => expect(saved).toEqual(['Mẫu 2 - Báo cáo.xlsx']));
      const xlsx = seen.find((r) => r.url.includes('/export.xlsx'))!;
      expect(new URL(xlsx.url).searchParams.get('version')).toBeNull();

      const history = screen.getByText('Các lần gửi').closest('.ant-card') as HTMLElement;
      await userEvent.click(within(history).getByText('Xem'));
      const drawer = (await screen.findByText('Lần gửi 1 — 12/06/2023 10:30')).closest('.ant-drawer') as HTMLElement;
      await userEvent.click(within(drawer).getByText('Tải Mẫu 2 (Word)'));
      await waitFor(() => expect(saved).toEqual(['Mẫu 2 - Báo cáo.xlsx', 'Mẫu 2 - Báo cáo (lần 1).docx']));
      const docx = seen.find((r) => r.url.includes('/export.docx'))!;
      expect(new URL(docx.url).searchParams.get('version')).toBe('1');
    } finally {
      click.mockRestore();
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    }
  }, 120_000);
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import type { Me } from '@/lib/auth';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import type { ShowcaseModel } from '../api/showcase';
import { me, model, orgs, tree } from './fixtures.test-data';
import ShowcaseModelPage from './ShowcaseModelPage';

const file = (id: string, name: string) => ({
  id,
  original_name: name,
  category: 'product',
  media_type: 'application/pdf',
  size_bytes: 20480,
  sha256: '00',
  organization_id: orgs.cogiang.id,
  initiative_id: 'i1',
  uploaded_by: { id: 'u1', display_name: 'Trần Thị Ngọc Lan' },
  created_at: '2023-05-02T02:00:00Z',
  locked: true,
  download_url: `/api/v1/files/${id}/content`,
  allowed_actions: [],
});

const authority = me([{ role: 'authority_officer', organization_id: orgs.q1.id }], orgs.q1);

interface Put {
  path: string;
  body: Record<string, unknown>;
}

/** The model page; `answer` is what PUT /showcase/m1 says. */
function stubApi(who: Me | null, answer: (body: Record<string, unknown>) => Response = () => problemResponse(500, {}), view: ShowcaseModel = model()) {
  const puts: Put[] = [];
  const calls: string[] = [];
  let current = view;
  vi.stubGlobal('fetch', async (req: Request) => {
    const path = new URL(req.url).pathname;
    const key = `${req.method} ${path}`;
    calls.push(key);
    switch (key) {
      case 'GET /api/v1/showcase/m1':
        return jsonResponse(200, current);
      case 'GET /api/v1/me':
        return who ? jsonResponse(200, who) : problemResponse(401, { code: 'unauthorized' });
      case 'GET /api/v1/organizations/tree':
        return jsonResponse(200, tree);
      case 'GET /api/v1/initiatives/i1/files':
        return jsonResponse(200, [file('f1', 'Kế hoạch triển khai sổ liên lạc điện tử.pdf'), file('f2', 'Danh sách phụ huynh.pdf')]);
      case 'PUT /api/v1/showcase/m1': {
        const body = (await req.json()) as Record<string, unknown>;
        puts.push({ path, body });
        const res = answer(body);
        if (res.ok) current = (await res.clone().json()) as ShowcaseModel;
        return res;
      }
      default:
        return problemResponse(404, { code: 'not_found' });
    }
  });
  return Object.assign(puts, { calls });
}

const render = () => renderPage(<ShowcaseModelPage />, { path: '/showcase/:modelId', route: '/showcase/m1' });

describe('Editing a published model', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lets the authority change the content and the published evidence, sending PUT with the chosen files', async () => {
    session.setToken('tok');
    const changed = model({
      results: 'Thời gian trả lời phụ huynh còn 2 giờ.',
      evidence: [
        { id: 'f2', name: 'Danh sách phụ huynh.pdf', media_type: 'application/pdf', size_bytes: 20480, caption: 'Danh sách tham gia', content_url: '/api/v1/showcase/m1/files/f2/content' },
      ],
    });
    const puts = stubApi(authority, () => jsonResponse(200, changed));
    render();
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    await user.click(await screen.findByRole('button', { name: /Sửa nội dung công bố/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(`Sửa nội dung công bố: ${model().title}`)).toBeInTheDocument();

    // It starts from what is published now.
    expect(within(dialog).getByRole('textbox', { name: 'Tóm tắt công bố' })).toHaveValue(model().summary);
    const results = within(dialog).getByRole('textbox', { name: 'Kết quả đạt được' });
    expect(results).toHaveValue(model().results);
    const published = await within(dialog).findByRole('checkbox', { name: /Kế hoạch triển khai sổ liên lạc điện tử\.pdf/ });
    expect(published).toBeChecked();
    expect(within(dialog).getByRole('textbox', { name: 'Chú thích cho Kế hoạch triển khai sổ liên lạc điện tử.pdf' })).toHaveValue('Kế hoạch số 45/KH-MNCG');
    // The choices are the initiative's files.
    const other = within(dialog).getByRole('checkbox', { name: /Danh sách phụ huynh\.pdf/ });
    expect(other).not.toBeChecked();
    expect(puts.calls).toContain('GET /api/v1/initiatives/i1/files');

    // Withdraw the plan, publish the list with a caption, rewrite the results.
    await user.click(published);
    await user.click(other);
    await user.type(within(dialog).getByRole('textbox', { name: 'Chú thích cho Danh sách phụ huynh.pdf' }), 'Danh sách tham gia');
    await user.clear(results);
    await user.type(results, 'Thời gian trả lời phụ huynh còn 2 giờ.');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]?.body).toEqual({
      summary: model().summary,
      results: 'Thời gian trả lời phụ huynh còn 2 giờ.',
      recognized_on: '2023-12-15',
      files: [{ file_id: 'f2', caption: 'Danh sách tham gia' }],
    });

    // The dialog closes and the page shows what is published now.
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Đã cập nhật nội dung công bố của mô hình.')).toBeInTheDocument();
    expect(screen.getByText('Thời gian trả lời phụ huynh còn 2 giờ.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Tải về Danh sách phụ huynh.pdf' })).toHaveAttribute('href', '/api/v1/showcase/m1/files/f2/content');
    expect(screen.queryByRole('link', { name: /Tải về Kế hoạch triển khai/ })).not.toBeInTheDocument();
  }, 60_000);

  it('keeps the dialog open with the reason when the API refuses', async () => {
    session.setToken('tok');
    const puts = stubApi(authority, () => problemResponse(403, { code: 'forbidden', message_vi: 'Không có thẩm quyền đối với đơn vị của mô hình.' }));
    render();
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    await user.click(await screen.findByRole('button', { name: /Sửa nội dung công bố/ }));
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('checkbox', { name: /Danh sách phụ huynh\.pdf/ });
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    // Unchanged, the published file goes back as it was.
    expect(puts[0]?.body.files).toEqual([{ file_id: 'f1', caption: 'Kế hoạch số 45/KH-MNCG' }]);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Không có thẩm quyền đối với đơn vị của mô hình.');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  }, 60_000);

  it('is offered to authority officers and administrators, not to a unit head or a visitor', async () => {
    session.setToken('tok');
    let stub = stubApi(me([{ role: 'admin', organization_id: orgs.q1.id }], orgs.q1));
    let page = render();
    expect(await screen.findByRole('button', { name: /Sửa nội dung công bố/ })).toBeInTheDocument();
    page.unmount();
    vi.unstubAllGlobals();

    stub = stubApi(me([{ role: 'unit_head', organization_id: orgs.cogiang.id }], orgs.cogiang));
    page = render();
    // The head may register a replication, but not edit the published content.
    expect(await screen.findByRole('button', { name: /Đăng ký nhân rộng/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sửa nội dung công bố/ })).not.toBeInTheDocument();
    page.unmount();
    vi.unstubAllGlobals();

    session.clear();
    stub = stubApi(null);
    render();
    expect(await screen.findByRole('heading', { level: 2, name: model().title })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sửa nội dung công bố/ })).not.toBeInTheDocument();
    expect(stub.calls).not.toContain('GET /api/v1/me');
  }, 60_000);
});

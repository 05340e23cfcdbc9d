import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import { me, model, orgs } from './fixtures.test-data';
import { PublishModelButton, type PublishableInitiative } from './PublishModelModal';

const initiative = (over: Partial<PublishableInitiative> = {}): PublishableInitiative => ({
  id: 'i1',
  title: 'Sổ liên lạc điện tử giữa nhà trường và phụ huynh',
  status: 'accepted',
  summary: 'Thay sổ giấy bằng ứng dụng.',
  expected_results: 'Phụ huynh nhận tin trong ngày.',
  ...over,
});

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

function stubApi(role: 'authority_officer' | 'unit_head', answer: (body: Record<string, unknown>) => Response) {
  const posted: Record<string, unknown>[] = [];
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (req: Request) => {
    const key = `${req.method} ${new URL(req.url).pathname}`;
    calls.push(key);
    switch (key) {
      case 'GET /api/v1/me':
        return jsonResponse(200, me([{ role, organization_id: orgs.q1.id }], orgs.q1));
      case 'GET /api/v1/initiatives/i1/files':
        return jsonResponse(200, [file('f1', 'Kế hoạch triển khai.pdf'), file('f2', 'Danh sách phụ huynh.pdf')]);
      case 'POST /api/v1/showcase': {
        const body = (await req.json()) as Record<string, unknown>;
        posted.push(body);
        return answer(body);
      }
      default:
        return problemResponse(404, { code: 'not_found' });
    }
  });
  return Object.assign(posted, { calls });
}

describe('PublishModelButton', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
    session.setToken('tok');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('lets the authority publish an accepted initiative with the evidence it chooses', async () => {
    const posted = stubApi('authority_officer', () => jsonResponse(201, model()));
    renderPage(<PublishModelButton initiative={initiative()} />, { path: '/initiatives/i1' });
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    await user.click(await screen.findByRole('button', { name: /Công nhận điển hình, đưa vào danh mục/ }));
    const dialog = await screen.findByRole('dialog');
    // Written for the public, starting from the initiative's own words.
    expect(within(dialog).getByRole('textbox', { name: 'Tóm tắt công bố' })).toHaveValue('Thay sổ giấy bằng ứng dụng.');
    expect(within(dialog).getByText(/Về tác giả, chỉ công bố họ tên, chức vụ và đơn vị/)).toBeInTheDocument();

    await user.click(await within(dialog).findByRole('checkbox', { name: /Kế hoạch triển khai\.pdf/ }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Chú thích cho Kế hoạch triển khai.pdf' }), 'Kế hoạch số 45/KH-MNCG');
    // A file not chosen is not published, and its caption cannot be typed.
    expect(within(dialog).getByRole('textbox', { name: 'Chú thích cho Danh sách phụ huynh.pdf' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Công bố' }));

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({
      initiative_id: 'i1',
      summary: 'Thay sổ giấy bằng ứng dụng.',
      results: 'Phụ huynh nhận tin trong ngày.',
      files: [{ file_id: 'f1', caption: 'Kế hoạch số 45/KH-MNCG' }],
    });
    expect(posted[0]?.recognized_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Then the model's public page opens.
    expect(await screen.findByText('elsewhere')).toBeInTheDocument();
  }, 60_000);

  it('says why it is refused: already in the showcase (409)', async () => {
    stubApi('authority_officer', () => problemResponse(409, { code: 'already_published', message_vi: 'Sáng kiến đã có trong danh mục điển hình.' }));
    renderPage(<PublishModelButton initiative={initiative()} />, { path: '/initiatives/i1' });
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    await user.click(await screen.findByRole('button', { name: /Công nhận điển hình/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Công bố' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Sáng kiến đã có trong danh mục điển hình.');
  }, 60_000);

  it('is offered only to authority officers, only for accepted initiatives', async () => {
    const { calls } = stubApi('unit_head', () => problemResponse(500, {}));
    const { unmount } = renderPage(<PublishModelButton initiative={initiative()} />, { path: '/initiatives/i1' });
    await waitFor(() => expect(calls).toContain('GET /api/v1/me'));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('button', { name: /Công nhận điển hình/ })).not.toBeInTheDocument();
    unmount();
    vi.unstubAllGlobals();
    const second = stubApi('authority_officer', () => problemResponse(500, {}));
    renderPage(<PublishModelButton initiative={initiative({ status: 'completed' })} />, { path: '/initiatives/i1' });
    await waitFor(() => expect(second.calls).toContain('GET /api/v1/me'));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('button', { name: /Công nhận điển hình/ })).not.toBeInTheDocument();
  });
});

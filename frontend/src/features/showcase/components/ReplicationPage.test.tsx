import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import type { Replication } from '../api/showcase';
import { replication } from './fixtures.test-data';
import ReplicationPage from './ReplicationPage';

interface Patch {
  ifMatch: string | null;
  body: Record<string, unknown>;
}

function stubApi(reads: Replication[], answer: (p: Patch) => Response) {
  const patches: Patch[] = [];
  let n = 0;
  vi.stubGlobal('fetch', async (req: Request) => {
    const key = `${req.method} ${new URL(req.url).pathname}`;
    if (key === 'GET /api/v1/replications/rep1') {
      const view = reads[Math.min(n, reads.length - 1)]!;
      n += 1;
      return jsonResponse(200, view);
    }
    if (key === 'PATCH /api/v1/replications/rep1') {
      const p = { ifMatch: req.headers.get('If-Match'), body: (await req.json()) as Record<string, unknown> };
      patches.push(p);
      return answer(p);
    }
    return problemResponse(404, { code: 'not_found' });
  });
  return patches;
}

const render = () => renderPage(<ReplicationPage />, { path: '/replications/:replicationId', route: '/replications/rep1' });

describe('ReplicationPage', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('offers the moves the API allows and sends them with the ETag', async () => {
    const patches = stubApi([replication()], (p) =>
      jsonResponse(200, replication({ status: p.body.status as Replication['status'], next_statuses: ['adopted', 'abandoned'], etag: '"rep1.2"' })),
    );
    render();
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    expect(await screen.findByRole('heading', { name: replication().model.title })).toBeInTheDocument();
    expect(screen.getByText('Đã lên kế hoạch')).toBeInTheDocument();
    expect(screen.getByText('Quý I năm 2024')).toBeInTheDocument();
    // next_statuses: in progress or abandoned; not adopted.
    expect(screen.getByRole('button', { name: /Bắt đầu triển khai/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Dừng nhân rộng/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Xác nhận đã áp dụng/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Bắt đầu triển khai/ }));
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]).toEqual({ ifMatch: '"rep1.1"', body: { status: 'in_progress' } });
    expect(await screen.findByText('Đã chuyển sang trạng thái “Đang triển khai”.')).toBeInTheDocument();
    // The answer's next_statuses: adopted or abandoned.
    expect(await screen.findByRole('button', { name: /Xác nhận đã áp dụng/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Bắt đầu triển khai/ })).not.toBeInTheDocument();
  }, 60_000);

  it('offers exactly next_statuses, whatever the status, and confirms a final one', async () => {
    const inProgress = replication({ status: 'in_progress', next_statuses: ['planned', 'adopted'] });
    const patches = stubApi([inProgress], (p) => jsonResponse(200, replication({ status: p.body.status as Replication['status'], next_statuses: [], etag: '"rep1.2"' })));
    render();
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    expect(await screen.findByRole('button', { name: /Lên kế hoạch/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Xác nhận đã áp dụng/ })).toBeInTheDocument();
    // Not in next_statuses: not offered, though the status alone would allow it.
    expect(screen.queryByRole('button', { name: /Dừng nhân rộng/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Bắt đầu triển khai/ })).not.toBeInTheDocument();

    // Adopted is final: asked first, then sent.
    await user.click(screen.getByRole('button', { name: /Xác nhận đã áp dụng/ }));
    const confirm = await screen.findByRole('dialog');
    expect(confirm).toHaveTextContent('Xác nhận đơn vị đã áp dụng mô hình?');
    await user.click(within(confirm).getByRole('button', { name: /Xác nhận đã áp dụng/ }));
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]?.body).toEqual({ status: 'adopted' });
    // Nothing further to move to: no buttons.
    await waitFor(() => expect(screen.queryByRole('button', { name: /Lên kế hoạch/ })).not.toBeInTheDocument());
  }, 60_000);

  it('offers no move when next_statuses is empty, even to someone who may edit the tracking', async () => {
    stubApi([replication({ status: 'planned', allowed_actions: ['update'], next_statuses: [] })], () => problemResponse(500, {}));
    render();
    expect(await screen.findByRole('textbox', { name: 'Nội dung điều chỉnh cho phù hợp với đơn vị' })).toBeInTheDocument();
    for (const name of [/Bắt đầu triển khai/, /Dừng nhân rộng/, /Xác nhận đã áp dụng/, /Lên kế hoạch/]) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
  });

  it('shows a final replication without moves, and read-only to those who may not update it', async () => {
    stubApi([replication({ status: 'adopted', allowed_actions: [], next_statuses: [], figures: [{ label: 'Tỷ lệ hài lòng', unit: '%', before: 70, after: 96.5 }] })], () => problemResponse(500, {}));
    render();
    expect(await screen.findByText('Đã áp dụng')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Dừng nhân rộng/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Lưu/ })).not.toBeInTheDocument();
    const figures = screen.getByRole('table', { name: 'Chỉ số trước và sau khi áp dụng' });
    const row = within(figures).getByText('Tỷ lệ hài lòng').closest('tr') as HTMLElement;
    expect(within(row).getByText('96,5')).toBeInTheDocument();
  });

  it('reloads the newest version when someone changed it meanwhile (412)', async () => {
    const newer = replication({ adaptation_notes: 'Ghi chú do người khác cập nhật', etag: '"rep1.2"', version: 2 });
    const patches = stubApi([replication(), newer], () => problemResponse(412, { code: 'precondition_failed', message_vi: 'Dữ liệu đã thay đổi.' }));
    render();
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    const notes = await screen.findByRole('textbox', { name: 'Nội dung điều chỉnh cho phù hợp với đơn vị' });
    expect(notes).toHaveValue('Dùng nhóm Zalo của lớp trong giai đoạn đầu.');
    await user.clear(notes);
    await user.type(notes, 'Ghi chú của tôi');
    await user.click(screen.getByRole('button', { name: /Lưu/ }));
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]?.ifMatch).toBe('"rep1.1"');
    expect(patches[0]?.body).toMatchObject({ adaptation_notes: 'Ghi chú của tôi', planned_from: '2024-01-01', planned_to: '2024-03-31' });
    expect(await screen.findByText(/Dữ liệu đã được người khác thay đổi/)).toBeInTheDocument();
    // The form starts again from what is stored now.
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Nội dung điều chỉnh cho phù hợp với đơn vị' })).toHaveValue('Ghi chú do người khác cập nhật'));
  }, 60_000);
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import { registration } from './fixtures.test-data';
import RegistrationInboxPage from './RegistrationInboxPage';

const sent = registration({
  status: 'submitted',
  allowed_actions: ['receive', 'return'],
  versions: [
    {
      number: 2,
      submitted_at: '2023-06-02T01:05:00Z',
      submitted_by: { id: 'u9', display_name: 'Nguyễn Văn Hiệu' },
      late: true,
      due_on: '2023-05-31',
      decision: null,
      decided_at: null,
      decided_by: null,
      reason: null,
    },
  ],
});

describe('RegistrationInboxPage', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists sent registrations with the late tag, and returns one with a required reason', async () => {
    const seen: Request[] = [];
    vi.stubGlobal('fetch', async (input: Request) => {
      seen.push(input.clone());
      const key = `${input.method} ${new URL(input.url).pathname}`;
      if (key === 'POST /api/v1/auth/refresh') return problemResponse(401, { code: 'unauthorized' });
      if (key === 'GET /api/v1/registrations') return jsonResponse(200, { items: [sent], total: 1, page: 1, per_page: 20 });
      if (key === 'POST /api/v1/registrations/r1/return') return jsonResponse(200, { ...sent, status: 'returned', allowed_actions: [] });
      return problemResponse(404, { code: 'not_found' });
    });
    renderPage(<RegistrationInboxPage />, { path: '/registrations/inbox' });

    const link = await screen.findByRole('link', { name: 'Trường Mầm non Cô Giang' });
    expect(link).toHaveAttribute('href', '/registrations/r1');
    const row = within(link.closest('tr')!);
    expect(row.getByText('175/KH-UBND')).toBeInTheDocument();
    expect(row.getByText('02/06/2023 08:05')).toBeInTheDocument();
    expect(row.getByText('Gửi muộn')).toBeInTheDocument();
    expect(row.getByRole('button', { name: 'Tiếp nhận' })).toBeInTheDocument();
    expect(row.queryByRole('button', { name: 'Gửi bản đăng ký' })).not.toBeInTheDocument();
    const query = new URL(seen.find((r) => new URL(r.url).pathname === '/api/v1/registrations')!.url).searchParams;
    expect(query.get('status')).toBe('submitted');

    await userEvent.click(row.getByRole('button', { name: 'Trả lại' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    expect(await within(dialog).findByText('Vui lòng nhập lý do trả lại.')).toBeInTheDocument();
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'Thiếu cam kết' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Trả lại' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST' && r.url.endsWith('/return'))).toBe(true));
    const body = (await seen.find((r) => r.url.endsWith('/return'))!.json()) as { reason: string };
    expect(body.reason).toBe('Thiếu cam kết');
  }, 120_000);
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import type { Nomination } from '../api/awards';
import { eligibility, formRule, nomination, officer, page, violationRule, acceptedRule } from './fixtures.test-data';
import NominationPage from './NominationPage';
import ReviewQueuePage from './ReviewQueuePage';

type Handler = (req: Request) => Response | Promise<Response>;

function stubApi(view: Nomination, routes: Record<string, Handler> = {}) {
  const seen: { key: string; query: Record<string, string>; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (req: Request) => {
    const url = new URL(req.url);
    const key = `${req.method} ${url.pathname}`;
    seen.push({ key, query: Object.fromEntries(url.searchParams), body: req.method === 'GET' ? null : await req.clone().json().catch(() => null) });
    if (key === 'POST /api/v1/auth/refresh') return jsonResponse(200, { access_token: 'tok', token_type: 'Bearer', expires_in: 900 });
    if (key === 'GET /api/v1/me') return jsonResponse(200, officer);
    if (key === 'GET /api/v1/award-forms') return jsonResponse(200, []);
    if (key === 'GET /api/v1/nominations/n1') return jsonResponse(200, view);
    return routes[key]?.(req) ?? problemResponse(404, { code: 'not_found' });
  });
  return seen;
}

const render = () => renderPage(<NominationPage />, { path: '/awards/nominations/:nominationId', route: '/awards/nominations/n1' });

describe('Reviewing a nomination', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('offers the officer exactly the allowed actions, and rejecting needs a reason', async () => {
    const seen = stubApi(nomination(), {
      'POST /api/v1/nominations/n1/reject': async (req) => {
        const { reason } = (await req.json()) as { reason: string };
        return jsonResponse(200, nomination({ status: 'rejected', rejection_reason: reason, allowed_actions: [], reviewed_at: '2025-11-22T02:00:00Z', reviewed_by: { id: 'u-nv', display_name: 'Lê Thị Thanh Tâm' } }));
      },
    });
    render();
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    expect(await screen.findByRole('heading', { name: `Đề nghị khen thưởng: ${nomination().nominee.label}` })).toBeInTheDocument();
    expect(screen.getAllByText('Đã gửi').length).toBeGreaterThan(0);
    for (const name of ['Duyệt', 'Không duyệt', 'Chấp thuận ngoại lệ']) expect(screen.getByRole('button', { name })).toBeInTheDocument();
    for (const name of ['Gửi đề nghị', 'Sửa hồ sơ', 'Xóa nháp']) expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    // The dossier: the committee's minutes are the round's, the Word dossier downloads.
    expect(screen.getByRole('link', { name: /Xem đợt đánh giá và biên bản họp Hội đồng/ })).toHaveAttribute('href', '/evaluation/rounds/r1');
    expect(screen.getByRole('button', { name: /Tải tờ trình \(Word\)/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Không duyệt' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /Không duyệt/ }));
    expect(await within(dialog).findByText('Vui lòng nêu lý do không duyệt.')).toBeInTheDocument();
    expect(seen.some((r) => r.key.endsWith('/reject'))).toBe(false);

    await user.type(within(dialog).getByRole('textbox', { name: 'Lý do không duyệt' }), 'Thiếu biên bản họp Hội đồng');
    await user.click(within(dialog).getByRole('button', { name: /Không duyệt/ }));
    expect(await screen.findByText('Đã trả lời không duyệt đề nghị.')).toBeInTheDocument();
    expect(seen.find((r) => r.key === 'POST /api/v1/nominations/n1/reject')?.body).toEqual({ reason: 'Thiếu biên bản họp Hội đồng' });
    expect(await screen.findByText('Thiếu biên bản họp Hội đồng')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Duyệt' })).not.toBeInTheDocument();
  }, 60_000);

  it('overrides one failed rule with a reason; the API’s field error shows on the rule', async () => {
    let attempts = 0;
    const overridden = nomination({
      eligibility: eligibility({
        eligible: true,
        rules: [formRule, acceptedRule, { ...violationRule, outcome: 'overridden' }],
        override: { rule: 'no_violation', reason: 'Vi phạm đã được khắc phục, không bị kỷ luật', by: { id: 'u-nv', display_name: 'Lê Thị Thanh Tâm' }, at: '2025-11-21T03:30:00Z' },
      }),
    });
    const seen = stubApi(nomination(), {
      'PUT /api/v1/nominations/n1/override': () => {
        attempts += 1;
        return attempts === 1
          ? problemResponse(422, {
              code: 'validation_failed',
              message_vi: 'Dữ liệu không hợp lệ.',
              errors: [{ field: 'rule', code: 'rule_passes', message: 'Tiêu chí này đang đạt: không cần ngoại lệ.' }],
            })
          : jsonResponse(200, overridden);
      },
    });
    render();
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    // The violation fails: red in the checklist.
    const failing = (await screen.findByTestId('rule-no_violation')) as HTMLElement;
    expect(within(failing).getByText('Không đạt')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Chấp thuận ngoại lệ' }));
    const dialog = await screen.findByRole('dialog');
    // The one failed rule is the one offered.
    expect(within(dialog).getByText(violationRule.title_vi)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: /Chấp thuận ngoại lệ/ }));
    expect(await within(dialog).findByText('Vui lòng nêu lý do chấp thuận ngoại lệ.')).toBeInTheDocument();

    await user.type(within(dialog).getByRole('textbox', { name: 'Lý do chấp thuận ngoại lệ' }), 'Vi phạm đã được khắc phục, không bị kỷ luật');
    await user.click(within(dialog).getByRole('button', { name: /Chấp thuận ngoại lệ/ }));
    expect(await within(dialog).findByText('Tiêu chí này đang đạt: không cần ngoại lệ.')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: /Chấp thuận ngoại lệ/ }));
    expect(await screen.findByText('Đã ghi nhận ngoại lệ.')).toBeInTheDocument();
    expect(seen.filter((r) => r.key === 'PUT /api/v1/nominations/n1/override').at(-1)?.body).toEqual({ rule: 'no_violation', reason: 'Vi phạm đã được khắc phục, không bị kỷ luật' });
    await waitFor(() => expect(within(screen.getByTestId('rule-no_violation')).getByText('Ngoại lệ')).toBeInTheDocument());
    expect(screen.getByTestId('override-note')).toHaveTextContent(
      'Ngoại lệ: Không có vi phạm trong năm (mục II.3.2) — Lý do: Vi phạm đã được khắc phục, không bị kỷ luật, Lê Thị Thanh Tâm, 21/11/2025 10:30',
    );
  }, 60_000);

  it('lists the submitted nominations in the queue, each with its checklist and actions', async () => {
    const seen = stubApi(nomination(), { 'GET /api/v1/nominations': () => jsonResponse(200, page([nomination()])) });
    renderPage(<ReviewQueuePage />, { path: '/awards/review' });
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    const table = await screen.findByRole('table', { name: 'Đề nghị chờ duyệt' });
    const row = (await within(table).findByRole('link', { name: nomination().nominee.label })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Chưa đủ điều kiện')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Duyệt' })).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Không duyệt' })).toBeInTheDocument();
    expect(seen.find((r) => r.key === 'GET /api/v1/nominations')?.query).toMatchObject({ status: 'submitted' });

    await user.click(within(row).getByRole('button', { name: /Mở rộng|Expand/ }));
    expect(await screen.findByRole('list', { name: 'Điều kiện khen thưởng' })).toBeInTheDocument();
  }, 60_000);
});

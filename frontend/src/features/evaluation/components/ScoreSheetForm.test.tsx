import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import type { SaveSheet, Sheet } from '../api/evaluation';
import { sheet } from './fixtures.test-data';
import { ScoreSheetForm } from './ScoreSheetForm';

type Handler = (req: Request) => Response | Promise<Response>;

function stubApi(routes: Record<string, Handler>) {
  const seen: { method: string; path: string; ifMatch: string | null; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (input: Request) => {
    const path = new URL(input.url).pathname;
    const body = input.method === 'GET' ? null : await input.clone().text();
    seen.push({ method: input.method, path, ifMatch: input.headers.get('If-Match'), body: body ? JSON.parse(body) : null });
    const handler = routes[`${input.method} ${path}`];
    return handler ? handler(input) : problemResponse(404, { code: 'not_found' });
  });
  return seen;
}

const PUT = 'PUT /api/v1/evaluation-assignments/a-gv3/sheet';
const SUBMIT = 'POST /api/v1/evaluation-assignments/a-gv3/sheet/submit';

/** A server that keeps the sheet and bumps its etag on each save. */
function sheetServer(start: Sheet) {
  let view = start;
  let version = 0;
  return {
    get: () => view,
    [PUT]: async (req: Request) => {
      const body = (await req.json()) as SaveSheet;
      version += 1;
      view = { ...view, status: 'draft', scores: body.scores ?? {}, gates: body.gates ?? {}, comments: body.comments ?? {}, etag: `"a-gv3.${version}"` };
      return jsonResponse(200, view);
    },
  };
}

const render = (s: Sheet, onReload = vi.fn()) => renderPage(<ScoreSheetForm sheet={s} onReload={onReload} autosaveDelay={50} />);
const points = (name: string) => screen.getByRole('spinbutton', { name: `Điểm — ${name}` });

describe('ScoreSheetForm', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows each criterion with its maximum and guidance, refuses a score out of range, and autosaves the draft with If-Match', async () => {
    const server = sheetServer(sheet());
    const seen = stubApi({ [PUT]: server[PUT] });
    render(sheet());
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    expect(screen.getByText('2. Giải quyết các vấn đề đặt ra')).toBeInTheDocument();
    expect(screen.getByText('Tối đa 30 điểm')).toBeInTheDocument();
    expect(screen.getByText('Có số liệu trước và sau khi áp dụng.')).toBeInTheDocument();
    expect(screen.getByText('Tiêu chí bắt buộc (đạt / không đạt)')).toBeInTheDocument();

    // 35 of 30: said on the field, and not saved. (Typed at once: a slow run could save the "3".)
    fireEvent.change(points('Giải quyết các vấn đề đặt ra'), { target: { value: '35' } });
    expect(await screen.findByText('Điểm từ 0 đến 30.')).toBeInTheDocument();
    expect(await screen.findByText('Chưa lưu: có điểm không hợp lệ.')).toBeInTheDocument();
    expect(seen.filter((r) => r.method === 'PUT')).toHaveLength(0);

    // 25 is saved a moment later, against the sheet's etag.
    await user.clear(points('Giải quyết các vấn đề đặt ra'));
    await user.type(points('Giải quyết các vấn đề đặt ra'), '25');
    await user.click(within(screen.getByRole('radiogroup', { name: 'Kết quả — Bảo đảm tính hợp pháp, hiệu quả' })).getByText('Đạt'));
    expect(await screen.findByText(/^Đã lưu nháp lúc \d{2}:\d{2}:\d{2}$/)).toBeInTheDocument();
    const puts = () => seen.filter((r) => r.method === 'PUT');
    // One save at a time, each against the etag the previous one returned; the last holds it all.
    await waitFor(() => expect(puts().at(-1)?.body).toMatchObject({ scores: { solves_problems: 25 }, gates: { legality: true }, comments: {}, overall_comment: '' }));
    puts().forEach((put, i) => expect(put.ifMatch).toBe(`"a-gv3.${i}"`));
    expect(screen.getByTestId('sheet-total')).toHaveTextContent('Tổng điểm: 25 / 100');

    const before = puts().length;
    await user.type(screen.getByRole('textbox', { name: 'Nhận xét — Giải quyết các vấn đề đặt ra' }), 'Có số liệu rõ ràng');
    await waitFor(() => expect(puts().at(-1)?.body).toMatchObject({ comments: { solves_problems: 'Có số liệu rõ ràng' } }));
    expect(puts().length).toBeGreaterThan(before);
    puts().forEach((put, i) => expect(put.ifMatch).toBe(`"a-gv3.${i}"`));
  }, 60_000);

  it('puts the API’s field errors on the criterion they name, a gate included', async () => {
    stubApi({
      [PUT]: () =>
        problemResponse(422, {
          code: 'validation_failed',
          message_vi: 'Dữ liệu không hợp lệ.',
          errors: [{ field: 'scores.legality', code: 'unknown_criterion', message: 'Tiêu chí không thuộc bộ tiêu chí của đợt đánh giá.' }],
        }),
    });
    render(sheet());
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    await user.type(points('Tác động về mặt xã hội'), '20');
    const gate = screen.getByRole('radiogroup', { name: 'Kết quả — Bảo đảm tính hợp pháp, hiệu quả' }).closest('.ant-form-item') as HTMLElement;
    expect(await within(gate).findByText('Tiêu chí không thuộc bộ tiêu chí của đợt đánh giá.')).toBeInTheDocument();
    expect(await screen.findByText('Chưa lưu được bản nháp.')).toBeInTheDocument();
  }, 60_000);

  it('does not submit while a criterion is unscored, then saves what is pending and submits', async () => {
    const server = sheetServer(sheet({ status: 'draft', scores: { solves_problems: 25, social_impact: 20, superiority: 18 }, gates: { legality: true }, etag: '"a-gv3.3"' }));
    const seen = stubApi({
      [PUT]: server[PUT],
      [SUBMIT]: () => jsonResponse(200, { ...server.get(), status: 'submitted', submitted_at: '2023-11-10T03:00:00Z', allowed_actions: [] }),
    });
    render(server.get());
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    await user.click(screen.getByRole('button', { name: /Nộp phiếu chấm/ }));
    await user.click(await screen.findByRole('button', { name: 'Xác nhận' }));
    expect(await screen.findByText('Còn 1 tiêu chí chưa chấm.')).toBeInTheDocument();
    expect(screen.getByText('Chưa chấm tiêu chí này.')).toBeInTheDocument();
    expect(seen.some((r) => r.path.endsWith('/submit'))).toBe(false);

    // The last score, then submit at once: the pending draft is saved first.
    await user.type(points('Sự phát triển trong tương lai'), '15');
    await user.click(screen.getByRole('button', { name: /Nộp phiếu chấm/ }));
    const confirms = await screen.findAllByRole('button', { name: 'Xác nhận' });
    await user.click(confirms.at(-1)!);
    expect(await screen.findByText('Đã nộp phiếu chấm.')).toBeInTheDocument();
    const order = seen.filter((r) => r.path.includes('/evaluation-assignments/')).map((r) => `${r.method} ${r.path}`);
    expect(order.at(-1)).toBe(SUBMIT);
    expect(order.at(-2)).toBe(PUT);
    expect(seen.filter((r) => r.method === 'PUT').at(-1)?.body).toMatchObject({ scores: { solves_problems: 25, social_impact: 20, superiority: 18, future_development: 15 } });
  }, 60_000);

  it('shows a submitted sheet read-only', async () => {
    stubApi({});
    render(sheet({ status: 'submitted', scores: { solves_problems: 25 }, allowed_actions: [] }));
    expect(points('Giải quyết các vấn đề đặt ra')).toBeDisabled();
    expect(points('Giải quyết các vấn đề đặt ra')).toHaveValue('25');
    expect(screen.queryByRole('button', { name: /Nộp phiếu chấm/ })).not.toBeInTheDocument();
  }, 60_000);
});

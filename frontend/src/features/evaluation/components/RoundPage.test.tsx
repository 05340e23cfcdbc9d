import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import type { Round } from '../api/evaluation';
import { entry, entryPage, people, resultRow, results, round } from './fixtures.test-data';
import RoundPage from './RoundPage';

type Handler = (req: Request) => Response | Promise<Response>;

function stubApi(view: Round, extra: Record<string, Handler> = {}) {
  const seen: string[] = [];
  vi.stubGlobal('fetch', async (req: Request) => {
    const key = `${req.method} ${new URL(req.url).pathname}`;
    seen.push(key);
    const routes: Record<string, Handler> = {
      'GET /api/v1/evaluation-rounds/r1': () => jsonResponse(200, view),
      'GET /api/v1/evaluation-rounds/r1/entries': () => jsonResponse(200, entryPage()),
      'GET /api/v1/evaluation-rounds/r1/results': () => jsonResponse(200, results()),
      ...extra,
    };
    return routes[key]?.(req) ?? problemResponse(404, { code: 'not_found' });
  });
  return seen;
}

const render = () => renderPage(<RoundPage />, { path: '/evaluation/rounds/:roundId', route: '/evaluation/rounds/r1' });

describe('RoundPage', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('gives the chair the board: the matrix while scoring, then the live ranking with its tie-break and decisions', async () => {
    stubApi(round());
    render();
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    expect(await screen.findByRole('heading', { name: 'Hội đồng sáng kiến Trường Mầm non Cô Giang năm 2023' })).toBeInTheDocument();
    expect(screen.getByText('Đang chấm điểm')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Kết thúc đợt đánh giá' })).toBeInTheDocument();
    // The results workbook at any time; the minutes once the meeting is recorded.
    expect(screen.getByText('Tải kết quả (Excel)')).toBeInTheDocument();
    expect(screen.queryByText('Tải biên bản (Word)')).not.toBeInTheDocument();
    // Scoring: the matrix first.
    expect(await screen.findByRole('table', { name: /Bảng phiếu chấm/ })).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Kết quả và quyết định' }));
    const ranking = await screen.findByRole('table', { name: 'Kết quả đánh giá' });
    const row = within(ranking).getByText(/Phụ huynh đồng hành/).closest('tr') as HTMLElement;
    expect(within(row).getByText('82,5 / 100')).toBeInTheDocument();
    expect(within(row).getByText('21,5')).toBeInTheDocument();
    expect(within(row).getByText('Đủ điều kiện')).toBeInTheDocument();
    // (By text: a role query computes every ancestor's style, which jsdom does slowly under antd's CSS.)
    const decide = within(row).getByText('Ghi quyết định').closest('button') as HTMLElement;
    expect(screen.getByText(results().tie_break_vi)).toBeInTheDocument();

    // The decision modal opens on the row.
    await user.click(decide);
    expect(await screen.findByText(`Quyết định của Hội đồng: ${entry().initiative.title}`)).toBeInTheDocument();
  }, 60_000);

  it('closes the round with the members present', async () => {
    let body: unknown = null;
    stubApi(round(), {
      'POST /api/v1/evaluation-rounds/r1/close': async (req) => {
        body = await req.json();
        return problemResponse(422, { code: 'undecided_entries', message_vi: 'Còn 1 sáng kiến chưa có quyết định của Hội đồng.' });
      },
    });
    render();
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    await user.click(await screen.findByRole('button', { name: 'Kết thúc đợt đánh giá' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('checkbox', { name: `${people.teacher.display_name} — Ủy viên` }));
    await user.click(within(dialog).getByRole('button', { name: 'Kết thúc đợt đánh giá' }));
    expect(await within(dialog).findByText('Còn 1 sáng kiến chưa có quyết định của Hội đồng.')).toBeInTheDocument();
    await waitFor(() =>
      expect(body).toEqual({ present_member_ids: [people.chair.id, people.secretary.id, people.congdoan.id, people.chidoan.id] }),
    );
  }, 60_000);

  it('shows anyone else the published results only: no board, no decisions, no evaluator', async () => {
    const seen = stubApi(round({ status: 'published', my_role: null, allowed_actions: ['view_results'], published_at: '2023-11-21T03:00:00Z' }), {
      'GET /api/v1/evaluation-rounds/r1/results': () =>
        jsonResponse(200, results({ ranking: [resultRow({ decision: { verdict: 'accepted', selected_for_award: true, votes_for: 5, votes_against: 0, votes_abstain: 0, note: 'Đề nghị nhân rộng', decided_at: '2023-11-20T03:00:00Z' } })] })),
    });
    render();
    const ranking = await screen.findByRole('table', { name: 'Kết quả đánh giá' });
    expect(within(ranking).getByText('Nghiệm thu đạt')).toBeInTheDocument();
    expect(within(ranking).getByText('Đề nghị khen thưởng')).toBeInTheDocument();
    expect(within(ranking).getByText('Đề nghị nhân rộng')).toBeInTheDocument();
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Ghi quyết định|Sửa quyết định/ })).not.toBeInTheDocument();
    expect(screen.queryByText('Phiếu đã nộp')).not.toBeInTheDocument();
    for (const p of [people.congdoan, people.chidoan, people.teacher]) expect(screen.queryByText(p.display_name)).not.toBeInTheDocument();
    expect(seen).not.toContain('GET /api/v1/evaluation-rounds/r1/entries');
    // The published results as a workbook, not the committee's minutes.
    expect(screen.getByText('Tải kết quả (Excel)')).toBeInTheDocument();
    expect(screen.queryByText('Tải biên bản (Word)')).not.toBeInTheDocument();
  }, 60_000);
});

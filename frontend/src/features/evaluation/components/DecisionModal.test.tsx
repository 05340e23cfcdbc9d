import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import { DecisionModal } from './DecisionModal';
import { entry, resultRow, round } from './fixtures.test-data';

const DECISION = 'PUT /api/v1/evaluation-rounds/r1/entries/e1/decision';
const TWO_THIRDS = 'Quyết định cần ít nhất hai phần ba thành viên Hội đồng (4 trên 5) đồng ý.';

function stubApi(answer: (body: Record<string, unknown>) => Response) {
  const sent: Record<string, unknown>[] = [];
  vi.stubGlobal('fetch', async (req: Request) => {
    if (`${req.method} ${new URL(req.url).pathname}` === DECISION) {
      const body = (await req.json()) as Record<string, unknown>;
      sent.push(body);
      return answer(body);
    }
    return problemResponse(404, { code: 'not_found' });
  });
  return sent;
}

const votes = (dialog: HTMLElement, label: string, value: string) =>
  fireEvent.change(within(dialog).getByRole('spinbutton', { name: label }), { target: { value } });

describe('DecisionModal', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('records the verdict, the award and the vote; a refused vote shows the API’s message', async () => {
    const sent = stubApi((body) =>
      Number(body.votes_for) < 4
        ? problemResponse(422, {
            code: 'two_thirds_not_reached',
            message_vi: TWO_THIRDS,
            errors: [{ field: 'votes_for', code: 'two_thirds_not_reached', message: TWO_THIRDS }],
          })
        : jsonResponse(200, entry({ decision: { verdict: 'accepted', selected_for_award: true, votes_for: 5, votes_against: 0, votes_abstain: 0, note: null, decided_at: '2023-11-20T03:00:00Z' } })),
    );
    const onClose = vi.fn();
    renderPage(<DecisionModal round={round()} row={resultRow()} onClose={onClose} />);
    const user = userEvent.setup({ pointerEventsCheck: 0 });
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Biểu quyết (5 thành viên; cần ít nhất 4 phiếu đồng ý)')).toBeInTheDocument();

    // An award only for an accepted initiative.
    await user.click(within(dialog).getByText('Không đạt'));
    expect(within(dialog).getByRole('checkbox', { name: 'Chọn đề nghị khen thưởng' })).toBeDisabled();
    await user.click(within(dialog).getByText('Nghiệm thu đạt'));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Chọn đề nghị khen thưởng' }));

    // More votes than members is refused before sending.
    votes(dialog, 'Đồng ý', '5');
    votes(dialog, 'Không đồng ý', '1');
    votes(dialog, 'Không biểu quyết', '0');
    await user.click(within(dialog).getByRole('button', { name: /Lưu/ }));
    expect((await within(dialog).findAllByText('Tổng số phiếu vượt quá số thành viên Hội đồng (5).')).length).toBeGreaterThan(0);
    expect(sent).toHaveLength(0);

    // 3 of 5 in favour: the API refuses, its sentence stays on the field.
    votes(dialog, 'Đồng ý', '3');
    votes(dialog, 'Không đồng ý', '2');
    await user.click(within(dialog).getByRole('button', { name: /Lưu/ }));
    await waitFor(() => expect(sent).toHaveLength(1));
    const field = within(dialog).getByRole('spinbutton', { name: 'Đồng ý' }).closest('.ant-form-item') as HTMLElement;
    expect(await within(field).findByText(TWO_THIRDS)).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();

    // 5 of 5: recorded.
    votes(dialog, 'Đồng ý', '5');
    votes(dialog, 'Không đồng ý', '0');
    await user.type(within(dialog).getByRole('textbox', { name: 'Nhận xét của Hội đồng' }), 'Mô hình hiệu quả, đề nghị nhân rộng');
    await user.click(within(dialog).getByRole('button', { name: /Lưu/ }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent.at(-1)).toEqual({
      verdict: 'accepted',
      selected_for_award: true,
      votes_for: 5,
      votes_against: 0,
      votes_abstain: 0,
      note: 'Mô hình hiệu quả, đề nghị nhân rộng',
    });
    expect(await screen.findByText('Đã ghi quyết định của Hội đồng.')).toBeInTheDocument();
  }, 60_000);

  it('starts from the decision already recorded', async () => {
    stubApi(() => problemResponse(500, {}));
    const decided = resultRow({ decision: { verdict: 'not_accepted', selected_for_award: false, votes_for: 4, votes_against: 1, votes_abstain: 0, note: 'Chưa có số liệu', decided_at: '2023-11-20T03:00:00Z' } });
    renderPage(<DecisionModal round={round()} row={decided} onClose={vi.fn()} />);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('radio', { name: 'Không đạt' })).toBeChecked();
    expect(within(dialog).getByRole('spinbutton', { name: 'Đồng ý' })).toHaveValue('4');
    expect(within(dialog).getByRole('textbox', { name: 'Nhận xét của Hội đồng' })).toHaveValue('Chưa có số liệu');
    expect(within(dialog).getByRole('checkbox', { name: 'Chọn đề nghị khen thưởng' })).toBeDisabled();
  }, 60_000);
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import type { NomineeRequest } from '../api/awards';
import { awardForms, cogiang, eligibility, formRule, head, initiative, nomination, page, rule } from './fixtures.test-data';
import NominationWizardPage from './NominationWizardPage';

type Handler = (req: Request) => Response | Promise<Response>;

const lateRule = rule({
  code: 'within_deadline',
  title_vi: 'Hồ sơ trong thời hạn',
  title_en: 'The dossier is within its deadline',
  outcome: 'fail',
  reason_vi: 'Đã quá hạn nộp hồ sơ năm 2024 (05/12/2024); ngày xét 20/11/2025.',
  reason_en: 'Dossiers for 2024 closed on 2024-12-05; judged on 2025-11-20.',
});

const evidence = {
  id: 'file-1',
  original_name: 'Biên bản nghiệm thu.pdf',
  category: 'product',
  media_type: 'application/pdf',
  size_bytes: 1250,
  sha256: 'x',
  organization_id: cogiang.id,
  initiative_id: 'i1',
  report_id: null,
  report_row_id: null,
  uploaded_by: { id: 'u-gv3', display_name: 'Lê Thị Thu Trang' },
  created_at: '2025-10-01T02:00:00Z',
  locked: false,
  download_url: '/api/v1/files/file-1/content',
  allowed_actions: [],
};

function stubApi(routes: Record<string, Handler>) {
  const seen: { key: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', async (req: Request) => {
    const key = `${req.method} ${new URL(req.url).pathname}`;
    const body = req.method === 'GET' ? null : await req.clone().json().catch(() => null);
    seen.push({ key, body });
    if (key === 'POST /api/v1/auth/refresh') return jsonResponse(200, { access_token: 'tok', token_type: 'Bearer', expires_in: 900 });
    if (key === 'GET /api/v1/me') return jsonResponse(200, head);
    if (key === 'GET /api/v1/award-forms') return jsonResponse(200, awardForms);
    if (key === 'GET /api/v1/initiatives') return jsonResponse(200, page([{ ...initiative, organization: cogiang }]));
    if (key === 'GET /api/v1/initiatives/i1/files') return jsonResponse(200, [evidence]);
    return routes[key]?.(req) ?? problemResponse(404, { code: 'not_found' });
  });
  return seen;
}

/** The checklist answers: the ward form passes; the city form in 2024 is past its deadline. */
const preview = async (req: Request) => {
  const body = (await req.json()) as NomineeRequest;
  return body.award_form_id === 'f-city'
    ? jsonResponse(200, eligibility({ eligible: false, year: body.year ?? 2025, rules: [formRule, lateRule] }))
    : jsonResponse(200, eligibility());
};

const checklist = () => screen.getByRole('list', { name: 'Điều kiện khen thưởng' });
const render = () => renderPage(<NominationWizardPage />, { path: '/awards/nominations/new' });

describe('NominationWizard', () => {
  beforeEach(async () => {
    session.clear();
    await changeLanguage('vi');
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the checklist again whenever the form or the year change, and offers only forms in force', async () => {
    const seen = stubApi({ 'POST /api/v1/nominations/eligibility': preview });
    render();
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    // Step 1: an initiative of the head's unit.
    expect(await screen.findByRole('radio', { name: 'Sáng kiến' })).toBeChecked();
    expect(screen.getByText(cogiang.name, { selector: 'strong' })).toBeInTheDocument();
    expect(screen.getByText('Chọn đối tượng và hình thức khen thưởng để xem các điều kiện.')).toBeInTheDocument();
    await user.click(screen.getByRole('combobox', { name: 'Sáng kiến' }));
    await user.click(await screen.findByTitle(initiative.title));
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));

    // Step 2: the District 1 form ended with the district; greyed, with its dates.
    const ended = screen.getByRole('radio', { name: /Giấy khen của Chủ tịch Ủy ban nhân dân Quận 1/ });
    expect(ended).toBeDisabled();
    expect(ended.closest('label')).toHaveTextContent('Hiệu lực: 01/01/2016 – 30/06/2025 · đã hết hiệu lực');
    await user.click(screen.getByRole('radio', { name: /Giấy khen của Chủ tịch Ủy ban nhân dân phường/ }));

    // The checklist comes live: every rule green.
    await waitFor(() => expect(within(checklist()).getAllByRole('listitem')).toHaveLength(4));
    expect(within(checklist()).getAllByText('Đạt')).toHaveLength(4);
    const previews = () => seen.filter((r) => r.key === 'POST /api/v1/nominations/eligibility').map((r) => r.body);
    expect(previews().at(-1)).toEqual({ nominee_kind: 'initiative', initiative_id: 'i1', award_form_id: 'f-ward' });

    // Another form and another year: asked again, and the late dossier shows red with its reason.
    await user.click(screen.getByRole('radio', { name: /Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh/ }));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Năm thi đua' }), { target: { value: '2024' } });
    await waitFor(() => expect(previews().at(-1)).toEqual({ nominee_kind: 'initiative', initiative_id: 'i1', award_form_id: 'f-city', year: 2024 }));
    const late = (await within(checklist()).findByText('Hồ sơ trong thời hạn')).closest('li') as HTMLElement;
    expect(within(late).getByText('Không đạt')).toBeInTheDocument();
    expect(within(late).getByText(lateRule.reason_vi)).toBeInTheDocument();
    expect(screen.getByText('Chưa đủ điều kiện')).toBeInTheDocument();
    expect(screen.getByText('Xét ngày 20/11/2025, năm thi đua 2024')).toBeInTheDocument();
  }, 60_000);

  it('saves the draft and sends it; a refusal for failed rules shows them in red', async () => {
    const draft = nomination({ status: 'draft', allowed_actions: ['update', 'delete', 'submit', 'override'], eligibility: eligibility({ eligible: false, rules: [formRule, lateRule] }) });
    const seen = stubApi({
      'POST /api/v1/nominations/eligibility': preview,
      'POST /api/v1/nominations': () => jsonResponse(201, draft),
      'POST /api/v1/nominations/n1/submit': () =>
        problemResponse(422, {
          code: 'ineligible',
          message_vi: 'Đề nghị chưa đủ điều kiện: Hồ sơ trong thời hạn.',
          errors: [{ field: 'rules.within_deadline', code: 'within_deadline', message: lateRule.reason_vi }],
        }),
    });
    render();
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    await user.click(await screen.findByRole('combobox', { name: 'Sáng kiến' }));
    await user.click(await screen.findByTitle(initiative.title));
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    await user.click(screen.getByRole('radio', { name: /Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh/ }));
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));

    // Step 3: the dossier, with evidence chosen from the initiative's files.
    await user.type(screen.getByRole('textbox', { name: 'Tờ trình' }), 'Kính đề nghị Chủ tịch UBND Thành phố tặng Bằng khen');
    await user.type(screen.getByRole('textbox', { name: 'Báo cáo thành tích' }), 'Giảm 30% thời gian xử lý');
    await user.click(await screen.findByRole('checkbox', { name: /Biên bản nghiệm thu\.pdf/ }));
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));

    // Step 4: review, then send.
    expect(screen.getByText('1 tệp')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Gửi đề nghị' }));

    const refused = await screen.findByTestId('submit-refused');
    expect(within(refused).getByText('Chưa gửi được: đề nghị chưa đủ điều kiện khen thưởng')).toBeInTheDocument();
    const failed = within(refused).getByRole('listitem');
    expect(failed).toHaveTextContent(`Hồ sơ trong thời hạn: ${lateRule.reason_vi}`);
    expect(failed).toHaveStyle({ color: 'rgb(207, 19, 34)' });
    expect(within(refused).getByRole('link', { name: 'Mở bản nháp đã lưu' })).toHaveAttribute('href', '/awards/nominations/n1');

    expect(seen.find((r) => r.key === 'POST /api/v1/nominations')?.body).toEqual({
      nominee_kind: 'initiative',
      initiative_id: 'i1',
      award_form_id: 'f-city',
      year: null,
      proposal: 'Kính đề nghị Chủ tịch UBND Thành phố tặng Bằng khen',
      achievements: 'Giảm 30% thời gian xử lý',
      file_ids: ['file-1'],
    });
    expect(seen.map((r) => r.key)).toContain('POST /api/v1/nominations/n1/submit');
  }, 60_000);
});

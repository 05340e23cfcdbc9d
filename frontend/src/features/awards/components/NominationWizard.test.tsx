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

/** A file of the unit's store that belongs to a report, not to the initiative. */
const reportFile = {
  ...evidence,
  id: 'file-2',
  original_name: 'Báo cáo sơ kết năm 2025.pdf',
  category: 'data',
  size_bytes: 2048,
  initiative_id: null,
  report_id: 'rep-1',
  download_url: '/api/v1/files/file-2/content',
};

const trang = { id: 'u-gv3', username: 'gv.trang', display_name: 'Lê Thị Thu Trang', position: 'Giáo viên', organization: cogiang, roles: [], is_active: true };

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
    if (key === 'GET /api/v1/users') return jsonResponse(200, page([trang]));
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
      'GET /api/v1/organizations/org-cg/files': () => jsonResponse(200, page([evidence, reportFile])),
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

    // Step 3: the dossier, with evidence chosen from the initiative's files…
    await user.type(screen.getByRole('textbox', { name: 'Tờ trình' }), 'Kính đề nghị Chủ tịch UBND Thành phố tặng Bằng khen');
    await user.type(screen.getByRole('textbox', { name: 'Báo cáo thành tích' }), 'Giảm 30% thời gian xử lý');
    const ofInitiative = screen.getByRole('group', { name: 'Tệp của sáng kiến' });
    await user.click(await within(ofInitiative).findByRole('checkbox', { name: /Biên bản nghiệm thu\.pdf/ }));
    // …and the unit's store, which does not list the initiative's files a second time.
    const store = screen.getByRole('group', { name: 'Kho tệp của đơn vị' });
    expect(await within(store).findByRole('checkbox', { name: /Báo cáo sơ kết năm 2025\.pdf/ })).not.toBeChecked();
    expect(within(store).queryByRole('checkbox', { name: /Biên bản nghiệm thu/ })).not.toBeInTheDocument();
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

  it('offers the unit’s file store as evidence for a person nominee', async () => {
    // More files than one page: the first 100 are offered, with a note.
    const seen = stubApi({
      'POST /api/v1/nominations/eligibility': preview,
      'GET /api/v1/organizations/org-cg/files': () => jsonResponse(200, { ...page([reportFile, evidence]), total: 140, per_page: 100 }),
      'POST /api/v1/nominations': () => jsonResponse(201, nomination({ status: 'draft' })),
    });
    render();
    const user = userEvent.setup({ pointerEventsCheck: 0 });

    await user.click(await screen.findByRole('radio', { name: 'Cá nhân' }));
    await user.click(screen.getByRole('combobox', { name: 'Cá nhân' }));
    await user.click(await screen.findByTitle('Lê Thị Thu Trang — Giáo viên'));
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    await user.click(screen.getByRole('radio', { name: /Giấy khen của Chủ tịch Ủy ban nhân dân phường/ }));
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));

    // Step 3: no initiative, but the unit's file store, newest first, with the note about the first 100.
    expect(screen.queryByRole('group', { name: 'Tệp của sáng kiến' })).not.toBeInTheDocument();
    const store = screen.getByRole('group', { name: 'Kho tệp của đơn vị' });
    const boxes = await within(store).findAllByRole('checkbox');
    expect(boxes.map((b) => b.closest('label')?.textContent)).toEqual(['Báo cáo sơ kết năm 2025.pdf (2 KB)', 'Biên bản nghiệm thu.pdf (1,2 KB)']);
    expect(within(store).getByText('Chỉ hiển thị 100 tệp mới nhất trong tổng số 140 tệp của đơn vị.')).toBeInTheDocument();
    expect(seen.map((r) => r.key)).toContain('GET /api/v1/organizations/org-cg/files');

    await user.type(screen.getByRole('textbox', { name: 'Báo cáo thành tích' }), 'Hoàn thành xuất sắc nhiệm vụ năm 2025');
    await user.click(within(store).getByRole('checkbox', { name: /Báo cáo sơ kết năm 2025\.pdf/ }));
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    expect(screen.getByText('1 tệp')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Lưu nháp' }));

    await waitFor(() => expect(seen.find((r) => r.key === 'POST /api/v1/nominations')).toBeDefined());
    expect(seen.find((r) => r.key === 'POST /api/v1/nominations')?.body).toEqual({
      nominee_kind: 'person',
      user_id: 'u-gv3',
      award_form_id: 'f-ward',
      year: null,
      proposal: '',
      achievements: 'Hoàn thành xuất sắc nhiệm vụ năm 2025',
      file_ids: ['file-2'],
    });
  }, 60_000);
});

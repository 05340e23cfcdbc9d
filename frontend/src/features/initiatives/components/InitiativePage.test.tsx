import { screen, within } from '@testing-library/react';
import { session } from '@/api/client';
import { changeLanguage } from '@/i18n';
import { jsonResponse, problemResponse, renderPage } from '@/test/render';
import type { Initiative } from '../api/initiatives';
import InitiativePage from './InitiativePage';

const initiative = (over: Partial<Initiative>): Initiative => ({
  id: 'i1',
  campaign: { id: 'c175', code: '175/KH-UBND', title: 'Phát động phong trào thi đua' },
  organization: { id: 'cogiang', code: 'Q1-MN-COGIANG', name: 'Trường Mầm non Cô Giang' },
  kind: 'model',
  reform_area: { code: 'administrative_procedures', name_vi: 'Cải cách thủ tục hành chính', name_en: 'Administrative procedure reform' },
  title: 'Mô hình "Phụ huynh đồng hành"',
  summary: '',
  problem: '',
  objectives: '',
  approach: '',
  expected_results: '',
  starts_on: '2023-05-15',
  ends_on: '2023-09-30',
  collective: true,
  authors: [],
  roadmap: [],
  progress: 0,
  overdue_steps: 0,
  status: 'in_progress',
  created_by: { id: 'u1', display_name: 'Trần Thị Ngọc Lan' },
  created_at: '2023-05-01T02:00:00Z',
  updated_at: '2023-05-01T02:00:00Z',
  etag: '"i.1"',
  allowed_actions: [],
  ...over,
});

interface Extra {
  /** What GET /me says (absent: 404, as before). */
  me?: unknown;
  /** What GET /showcase?initiative_id=… lists. */
  showcase?: unknown[];
  /** Every showcase search, with the token it carried. */
  showcaseCalls?: { query: Record<string, string>; authorization: string | null }[];
}

function stubApi(view: Initiative, evaluations: unknown[] = [], extra: Extra = {}) {
  vi.stubGlobal('fetch', async (input: Request) => {
    const url = new URL(input.url);
    if (input.method === 'GET' && url.pathname === '/api/v1/me' && extra.me) return jsonResponse(200, extra.me);
    if (input.method === 'GET' && url.pathname === '/api/v1/showcase' && extra.showcase) {
      extra.showcaseCalls?.push({ query: Object.fromEntries(url.searchParams), authorization: input.headers.get('Authorization') });
      return jsonResponse(200, { items: extra.showcase, total: extra.showcase.length, page: 1, per_page: 1 });
    }
    switch (`${input.method} ${url.pathname}`) {
      case 'GET /api/v1/initiatives/i1':
        return jsonResponse(200, view);
      case 'GET /api/v1/initiatives/i1/history':
        return jsonResponse(200, []);
      case 'GET /api/v1/initiatives/i1/files':
        return jsonResponse(200, [
          {
            id: 'f1',
            original_name: 'Kế hoạch.docx',
            category: 'implementation_plan',
            media_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            size_bytes: 20480,
            sha256: '00',
            organization_id: 'cogiang',
            initiative_id: 'i1',
            uploaded_by: { id: 'u1', display_name: 'Trần Thị Ngọc Lan' },
            created_at: '2023-05-02T02:00:00Z',
            locked: false,
            download_url: '/api/v1/files/f1/content',
            allowed_actions: [],
          },
        ]);
      case 'GET /api/v1/initiatives/i1/evaluations':
        return jsonResponse(200, evaluations);
      case 'GET /api/v1/reports':
        return jsonResponse(200, { items: [], total: 0, page: 1, per_page: 100 });
      default:
        return problemResponse(404, { code: 'not_found' });
    }
  });
}

const render = () => renderPage(<InitiativePage />, { path: '/initiatives/:initiativeId', route: '/initiatives/i1' });

describe('InitiativePage evidence', () => {
  beforeEach(async () => {
    session.setToken('tok');
    await changeLanguage('vi');
  });
  afterEach(() => {
    session.clear();
    vi.unstubAllGlobals();
  });

  it('lists the evidence and offers the upload area to contributors', async () => {
    stubApi(initiative({ allowed_actions: ['report_progress', 'complete'] }));
    render();
    expect(await screen.findByText('Tài liệu minh chứng')).toBeInTheDocument();
    expect(await screen.findByText('Kế hoạch.docx')).toBeInTheDocument();
    expect(screen.getByText('20 KB')).toBeInTheDocument();
    expect(screen.getByText('Kéo thả tệp vào đây hoặc bấm để chọn tệp')).toBeInTheDocument();
    // Beside the evidence, the reports about it.
    expect(screen.getByText('Báo cáo liên quan')).toBeInTheDocument();
    expect(await screen.findByText('Chưa có báo cáo nào về sáng kiến này.')).toBeInTheDocument();
  }, 60_000);

  it('shows the evidence read-only to anyone else', async () => {
    stubApi(initiative({ allowed_actions: [] }));
    render();
    expect(await screen.findByText('Kế hoạch.docx')).toBeInTheDocument();
    expect(screen.queryByText('Kéo thả tệp vào đây hoặc bấm để chọn tệp')).not.toBeInTheDocument();
  }, 60_000);

  it('shows the published evaluation results: total of max, rank of N, each criterion, the decision and the comment', async () => {
    stubApi(initiative({ status: 'accepted' }), [
      {
        round: {
          id: 'r1',
          title: 'Hội đồng sáng kiến Trường Mầm non Cô Giang năm 2023',
          level: 'unit_committee',
          organization: { id: 'cogiang', code: 'Q1-MN-COGIANG', name: 'Trường Mầm non Cô Giang' },
          status: 'published',
          scoring_closes_on: '2023-11-15',
          meeting_on: '2023-11-20',
          published_at: '2023-11-21T03:00:00Z',
        },
        criteria: [
          { code: 'legality', name_vi: 'Bảo đảm tính hợp pháp, hiệu quả', name_en: 'Legality', guidance_vi: '', max_points: 0, weight: 0, gate: true },
          { code: 'solves_problems', name_vi: 'Giải quyết các vấn đề đặt ra', name_en: 'Solves', guidance_vi: '', max_points: 30, weight: 1, gate: false },
        ],
        max_total: 100,
        ranked: 3,
        result: {
          rank: 1,
          entry_id: 'e1',
          initiative: { id: 'i1', title: 'Mô hình "Phụ huynh đồng hành"', organization: { id: 'cogiang', code: 'Q1-MN-COGIANG', name: 'Trường Mầm non Cô Giang' } },
          total: 82.5,
          per_criterion: [
            { code: 'legality', value: null },
            { code: 'solves_problems', value: 26.5 },
          ],
          lowest: 80,
          sheets_submitted: 2,
          sheets_expected: 2,
          gate_failed: false,
          eligible: true,
          decision: { verdict: 'accepted', selected_for_award: true, votes_for: 5, votes_against: 0, votes_abstain: 0, note: 'Mô hình hiệu quả, đề nghị nhân rộng', decided_at: '2023-11-20T03:00:00Z' },
        },
      },
    ]);
    render();
    const card = (await screen.findByText('Kết quả đánh giá')).closest('.ant-card') as HTMLElement;
    expect(within(card).getByText('Hội đồng sáng kiến Trường Mầm non Cô Giang năm 2023')).toBeInTheDocument();
    expect(within(card).getByText('82,5 / 100')).toBeInTheDocument();
    expect(within(card).getByText('1/3')).toBeInTheDocument();
    expect(within(card).getByText('26,5')).toBeInTheDocument();
    expect(within(card).getByText('Đạt')).toBeInTheDocument();
    expect(within(card).getByText('Nghiệm thu đạt')).toBeInTheDocument();
    expect(within(card).getByText('Đề nghị khen thưởng')).toBeInTheDocument();
    expect(within(card).getByText('Mô hình hiệu quả, đề nghị nhân rộng')).toBeInTheDocument();
  }, 60_000);

  it('has no evaluation card while nothing is published', async () => {
    stubApi(initiative({}));
    render();
    expect(await screen.findByText('Kế hoạch.docx')).toBeInTheDocument();
    expect(screen.queryByText('Kết quả đánh giá')).not.toBeInTheDocument();
  }, 60_000);

  describe('in the showcase', () => {
    const cogiang = { id: 'cogiang', code: 'Q1-MN-COGIANG', name: 'Trường Mầm non Cô Giang' };
    const q1 = { id: 'q1', code: 'Q1', name: 'UBND Quận 1' };
    const authority = {
      user: { id: 'u-nv', username: 'noivu.q1', display_name: 'Lê Thị Thanh Tâm', organization: q1, roles: [] },
      organization: q1,
      roles: [{ id: 'g1', role: 'authority_officer', role_name_vi: 'Chuyên viên', role_name_en: 'Officer', organization_id: q1.id, organization_name: q1.name }],
      capabilities: [],
    };
    const summary = {
      id: 'm1',
      title: 'Mô hình "Phụ huynh đồng hành"',
      unit: cogiang.name,
      organization_id: cogiang.id,
      reform_area: 'administrative_procedures',
      reform_area_vi: 'Cải cách thủ tục hành chính',
      reform_area_en: 'Administrative procedure reform',
      summary: '',
      recognized_on: '2023-12-15',
      awards: 0,
      replications: 0,
    };

    it('links an accepted initiative to its model instead of offering to publish it', async () => {
      const showcaseCalls: NonNullable<Extra['showcaseCalls']> = [];
      stubApi(initiative({ status: 'accepted' }), [], { me: authority, showcase: [summary], showcaseCalls });
      render();
      const link = await screen.findByRole('link', { name: 'Xem trên trang điển hình' });
      expect(link).toHaveAttribute('href', '/showcase/m1');
      expect(screen.queryByRole('button', { name: /Công nhận điển hình/ })).not.toBeInTheDocument();
      // Asked of the public showcase, by initiative, without the token.
      expect(showcaseCalls[0]?.query).toMatchObject({ initiative_id: 'i1' });
      expect(showcaseCalls[0]?.authorization).toBeNull();
    }, 60_000);

    it('offers the authority to publish an accepted initiative that is not in the showcase yet', async () => {
      stubApi(initiative({ status: 'accepted' }), [], { me: authority, showcase: [] });
      render();
      expect(await screen.findByRole('button', { name: /Công nhận điển hình, đưa vào danh mục/ })).toBeInTheDocument();
      expect(screen.queryByRole('link', { name: 'Xem trên trang điển hình' })).not.toBeInTheDocument();
    }, 60_000);
  });
});

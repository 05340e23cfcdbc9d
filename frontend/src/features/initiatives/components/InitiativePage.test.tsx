import { screen } from '@testing-library/react';
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

function stubApi(view: Initiative) {
  vi.stubGlobal('fetch', async (input: Request) => {
    switch (`${input.method} ${new URL(input.url).pathname}`) {
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
});

import type { Me } from '@/lib/auth';
import type { OrganizationNode } from '@/lib/organizations';
import type { Replication, ShowcaseModel, ShowcasePage, ShowcaseSummary } from '../api/showcase';

export const orgs = {
  q1: { id: 'org-q1', code: 'Q1', name: 'UBND Quận 1' },
  cogiang: { id: 'org-cg', code: 'Q1-MN-COGIANG', name: 'Trường Mầm non Cô Giang' },
  benthanh: { id: 'org-bt', code: 'Q1-MN-BENTHANH', name: 'Trường Mầm non Bến Thành' },
  tandinh: { id: 'org-td', code: 'Q1-MN-TANDINH', name: 'Trường Mầm non Tân Định' },
};

const node = (o: { id: string; code: string; name: string }, children: OrganizationNode[] = []): OrganizationNode => ({
  ...o,
  kind: children.length ? 'district' : 'school',
  valid_from: '2021-01-01',
  valid_to: null,
  in_force: true,
  children,
});

export const tree: OrganizationNode[] = [node(orgs.q1, [node(orgs.cogiang), node(orgs.benthanh), node(orgs.tandinh)])];

export const summary = (over: Partial<ShowcaseSummary> = {}): ShowcaseSummary => ({
  id: 'm1',
  title: 'Sổ liên lạc điện tử giữa nhà trường và phụ huynh',
  unit: orgs.cogiang.name,
  organization_id: orgs.cogiang.id,
  reform_area: 'digital_government',
  reform_area_vi: 'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số',
  reform_area_en: 'E-government and digital government',
  summary: 'Phụ huynh nhận thông báo, thực đơn và tình hình của trẻ hằng ngày qua ứng dụng, thay cho sổ giấy.',
  recognized_on: '2023-12-15',
  awards: 1,
  replications: 2,
  ...over,
});

export const page = (items: ShowcaseSummary[], over: Partial<ShowcasePage> = {}): ShowcasePage => ({
  items,
  total: items.length,
  page: 1,
  per_page: 12,
  ...over,
});

export const model = (over: Partial<ShowcaseModel> = {}): ShowcaseModel => ({
  id: 'm1',
  initiative_id: 'i1',
  title: 'Sổ liên lạc điện tử giữa nhà trường và phụ huynh',
  kind: 'model',
  reform_area: 'digital_government',
  reform_area_vi: 'Xây dựng và phát triển Chính phủ điện tử, Chính phủ số',
  reform_area_en: 'E-government and digital government',
  unit: orgs.cogiang.name,
  organization_id: orgs.cogiang.id,
  summary: 'Phụ huynh nhận thông báo, thực đơn và tình hình của trẻ hằng ngày qua ứng dụng.',
  results: 'Thời gian trả lời phụ huynh giảm từ 48 giờ xuống 4 giờ; 96% phụ huynh hài lòng.',
  recognized_on: '2023-12-15',
  authors: [
    { name: 'Nguyễn Thị Minh Hạnh', position: 'Hiệu trưởng', unit: orgs.cogiang.name },
    { name: 'Trần Thị Ngọc Lan', position: 'Phó Hiệu trưởng', unit: orgs.cogiang.name },
  ],
  evidence: [
    {
      id: 'f1',
      name: 'Kế hoạch triển khai sổ liên lạc điện tử.pdf',
      media_type: 'application/pdf',
      size_bytes: 1572864,
      caption: 'Kế hoạch số 45/KH-MNCG',
      content_url: '/api/v1/showcase/m1/files/f1/content',
    },
  ],
  awards: [
    {
      award_name_vi: 'Giấy khen của Chủ tịch UBND Quận 1',
      award_name_en: 'Certificate of merit of the District 1 chairman',
      year: 2023,
      decision_number: '1234/QĐ-UBND',
      signed_on: '2023-12-28',
    },
  ],
  replications: [
    { unit: orgs.tandinh.name, organization_id: orgs.tandinh.id, status: 'adopted', planned_from: '2024-01-01', planned_to: '2024-03-31', period_label_vi: 'Quý I năm 2024', period_label_en: 'Q1 2024' },
    { unit: 'Trường Mầm non Sơn Ca', organization_id: 'org-sonca', status: 'in_progress', planned_from: '2024-04-01', planned_to: '2024-06-30', period_label_vi: 'Quý II năm 2024', period_label_en: 'Q2 2024' },
  ],
  ...over,
});

export const me = (roles: { role: Me['roles'][number]['role']; organization_id: string }[], organization = orgs.benthanh): Me => ({
  user: {
    id: 'u-me',
    username: 'hieutruong.benthanh',
    display_name: 'Phạm Thị Thu Hương',
    email: null,
    position: 'Hiệu trưởng',
    organization,
    is_active: true,
    roles: [],
    created_at: '2023-01-01T00:00:00Z',
    etag: '"u"',
    allowed_actions: [],
  },
  organization,
  roles: roles.map((r, i) => ({ id: `g${i}`, role: r.role, role_name_vi: r.role, role_name_en: r.role, organization_id: r.organization_id, organization_name: '' })),
  capabilities: [],
});

export const replication = (over: Partial<Replication> = {}): Replication => ({
  id: 'rep1',
  model: { id: 'm1', title: 'Sổ liên lạc điện tử giữa nhà trường và phụ huynh', unit: orgs.cogiang.name },
  organization: orgs.benthanh,
  planned_from: '2024-01-01',
  planned_to: '2024-03-31',
  period_label_vi: 'Quý I năm 2024',
  period_label_en: 'Q1 2024',
  status: 'planned',
  next_statuses: ['in_progress', 'abandoned'],
  adaptation_notes: 'Dùng nhóm Zalo của lớp trong giai đoạn đầu.',
  figures: [{ label: 'Thời gian trả lời phụ huynh', unit: 'giờ', before: 48, after: null }],
  allowed_actions: ['update'],
  version: 1,
  etag: '"rep1.1"',
  created_at: '2024-01-05T02:00:00Z',
  updated_at: '2024-01-05T02:00:00Z',
  ...over,
});
